package org.deepmod.report.sweep;

/**
 * The runs table's only script, inline so that the page needs nothing from a network: it shows the filter bar
 * (status, configuration, found or not, text in the equation), hides the rows that do not match, and sorts by a
 * column when its heading is clicked (numbers as numbers, text in natural order, ties in the sweep's order,
 * again reversed). Rows are only hidden and reordered, never rebuilt, so the thousands of a big sweep stay cheap.
 * The CDATA section, commented out for the browser, keeps the page well-formed XML for the tests' parser.
 */
final class RunTableScript {
    static final String ELEMENT = """
            <script>//<![CDATA[
            (function () {
              var table = document.getElementById("run-table"), bar = document.getElementById("run-filters");
              if (!table || !bar || table.rows.length < 2) return;
              var rows = Array.prototype.slice.call(table.rows, 1), body = rows[0].parentNode;
              var status = document.getElementById("filter-status");
              var configuration = document.getElementById("filter-configuration");
              var found = document.getElementById("filter-found");
              var equation = document.getElementById("filter-equation");
              var shown = document.getElementById("run-shown");
              var EQUATION = 7, column = -1, ascending = true;
              rows.forEach(function (r, i) { r.dataset.order = i; });

              function filter() {
                var text = equation.value.trim().toLowerCase(), count = 0;
                rows.forEach(function (r) {
                  var show = (!status.value || r.dataset.status === status.value)
                      && (!configuration.value || r.dataset.configuration === configuration.value)
                      && (!found.value || r.dataset.found === found.value)
                      && (!text || r.cells[EQUATION].textContent.toLowerCase().indexOf(text) >= 0);
                  r.hidden = !show;
                  if (show) count++;
                });
                shown.textContent = count;
              }

              function compare(c, numeric) {
                return function (a, b) {
                  var x = a.cells[c].textContent, y = b.cells[c].textContent, d;
                  if (numeric) {
                    var p = parseFloat(x), q = parseFloat(y);
                    // cells without a number (–) go last either way
                    d = isNaN(p) ? (isNaN(q) ? 0 : 1) : isNaN(q) ? -1 : (ascending ? p - q : q - p);
                  } else {
                    d = x.localeCompare(y, undefined, {numeric: true});
                    if (!ascending) d = -d;
                  }
                  return d || a.dataset.order - b.dataset.order;
                };
              }

              function sortBy(c) {
                ascending = c === column ? !ascending : true;
                column = c;
                var numeric = rows[0].cells[c].classList.contains("n");
                rows.slice().sort(compare(c, numeric)).forEach(function (r) { body.appendChild(r); });
                Array.prototype.forEach.call(table.rows[0].cells, function (th, i) {
                  th.setAttribute("aria-sort", i !== c ? "none" : ascending ? "ascending" : "descending");
                  th.firstChild.dataset.arrow = i !== c ? "" : ascending ? " \\u25B2" : " \\u25BC";
                  th.firstChild.textContent = th.firstChild.dataset.label + th.firstChild.dataset.arrow;
                });
              }

              Array.prototype.forEach.call(table.rows[0].cells, function (th, c) {
                var button = document.createElement("button");
                button.type = "button";
                button.dataset.label = th.textContent;
                button.textContent = th.textContent;
                button.title = "sort by " + th.textContent;
                th.textContent = "";
                th.appendChild(button);
                button.addEventListener("click", function () { sortBy(c); });
              });
              [status, configuration, found].forEach(function (e) { e.addEventListener("change", filter); });
              equation.addEventListener("input", filter);
              bar.hidden = false;
            })();
            //]]></script>
            """;

    private RunTableScript() {
    }
}
