package org.deepmod.report.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.deepmod.library.EquationFormatter;
import org.deepmod.storage.OutputFiles;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.SweepSummary.Configuration;
import org.deepmod.results.SweepSummary.FieldStatistics;
import org.deepmod.results.SweepSummary.NoiseLimit;
import org.deepmod.results.SweepSummary.TermStatistics;
import org.deepmod.training.RunStatus;

/**
 * A sweep's report, {@code <output>/report/index.html} with its PNGs beside it: the sweep and its failures,
 * per configuration the consensus equation beside the truth, up to which noise each estimator holds, success
 * rate against noise, the term selection heatmap, the true coefficients against noise, iterations and time,
 * and every run linking its mask picture ({@code ../runs/<runId>/mask.png}). Plain HTML and CSS with no network
 * resource, so that it reads offline from a local disk or after {@code hdfs dfs -get}; the only script is the runs
 * table's sorting and filtering ({@link RunTableScript}), and without it the page reads the same, unsorted. Every number
 * comes from {@link SweepSummary} (the same as summary.json) and is tagged with what it is ({@code data-of}).
 */
public final class SweepReport {
    public static final String FOLDER = "report";
    public static final String INDEX = "index.html";
    /** Runs listed on the index page itself; more go to runs.html, linked from it. */
    static final int RUNS_ON_INDEX = 1000;

    private static final String STYLE = """
            body{font-family:sans-serif;margin:24px;max-width:1200px;color:#222}
            h1{font-size:26px} h2{font-size:20px;margin-top:32px;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:8px 0;font-size:14px}
            th,td{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}
            th{background:#f2f2f2} td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.heat{text-align:center;min-width:48px} .eq{font-family:monospace;white-space:nowrap}
            .ok{color:#16632b;font-weight:bold} .bad{color:#a01818;font-weight:bold} .note{color:#555;font-size:14px}
            img{border:1px solid #ddd;margin:6px 0;max-width:100%}
            #run-table th button{font:inherit;font-weight:bold;border:0;background:none;padding:0;cursor:pointer}
            #run-filters{margin:8px 0} #run-filters select,#run-filters input{margin-right:10px}
            """;

    private SweepReport() {
    }

    /** Writes index.html (and runs.html when there are many runs) and the pictures through {@code files}. */
    public static void write(SweepSummary summary, List<ReportRun> runs, OutputFiles files) throws IOException {
        Map<String, List<ReportRun>> byConfiguration = new LinkedHashMap<>();
        for (ReportRun r : runs) {
            byConfiguration.computeIfAbsent(r.configuration(), k -> new ArrayList<>()).add(r);
        }
        List<String> configurations = summary.configurations().stream().map(Configuration::configuration).toList();
        boolean truth = summary.configurations().stream().anyMatch(c -> c.successRate() != null);

        Html page = new Html();
        page.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .element("title", "Sweep " + summary.name())
                .open("style").raw(STYLE).close("style").raw("</head><body>");
        sweep(page, summary, runs);
        consensus(page, summary);
        if (truth) {
            holdsUpTo(page, summary);
            boolean byNoise = SweepCharts.Layout.of(summary).percent();
            page.element("h2", byNoise ? "Success rate against noise" : "Success rate per configuration", "id",
                    "success");
            try (OutputStream png = files.create("success.png")) {
                SweepCharts.successRate(summary, png);
            }
            image(page, "success.png", byNoise ? "success rate against noise, one line per estimator or other axis"
                    : "success rate per configuration");
        }
        heatmap(page, summary);
        coefficients(page, summary, files);
        timing(page, summary, configurations, byConfiguration, files);
        page.element("h2", "Runs", "id", "runs");
        if (runs.size() <= RUNS_ON_INDEX) {
            runTable(page, runs);
        } else {
            page.open("p").text(runs.size() + " runs: ").element("a", "the table of all runs", "href", "runs.html")
                    .close("p");
            Html all = new Html();
            all.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                    .element("title", "Runs of sweep " + summary.name())
                    .open("style").raw(STYLE).close("style").raw("</head><body>")
                    .element("h1", "Runs of sweep " + summary.name());
            runTable(all, runs);
            all.raw("</body></html>\n");
            writeText(files, "runs.html", all.toString());
        }
        page.raw("</body></html>\n");
        writeText(files, INDEX, page.toString());
    }

    private static void sweep(Html page, SweepSummary s, List<ReportRun> runs) {
        page.element("h1", "Sweep " + s.name());
        page.open("table", "id", "sweep");
        row(page, "output", s.output());
        row(page, "axes", s.axes().isEmpty() ? "(none: one configuration)" : String.join(", ", s.axes()) + ", seed");
        page.open("tr").element("th", "runs").open("td");
        page.element("span", Integer.toString(s.withResults()), "data-of", "withResults").text(" of ")
                .element("span", Integer.toString(s.planned()), "data-of", "planned").text(" planned have a result; ")
                .element("span", Integer.toString(s.failed()), "data-of", "failed").text(" failed");
        page.close("td").close("tr");
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (Configuration c : s.configurations()) {
            c.statuses().forEach((k, v) -> statuses.merge(k, v, Integer::sum));
        }
        page.open("tr").element("th", "statuses").open("td");
        boolean firstStatus = true;
        for (Map.Entry<String, Integer> e : statuses.entrySet()) {
            page.text(firstStatus ? "" : ", ").text(e.getKey() + " ")
                    .element("span", Integer.toString(e.getValue()), "data-of", "status." + e.getKey());
            firstStatus = false;
        }
        page.close("td").close("tr");
        row(page, "consensus rule", String.format(Locale.ROOT, "terms selected in at least %s of the finished runs "
                + "(all but FAILED), with their median coefficients", Html.percent(s.consensusThreshold())));
        page.close("table");

        Map<String, List<ReportRun>> reasons = new TreeMap<>();
        for (ReportRun r : runs) {
            if (r.status() == RunStatus.FAILED || r.status() == RunStatus.DIVERGED) {
                reasons.computeIfAbsent(r.status() + ": " + (r.reason() == null ? "(no reason given)" : r.reason()),
                        k -> new ArrayList<>()).add(r);
            }
        }
        page.element("h2", "Failures", "id", "failures");
        if (reasons.isEmpty()) {
            page.element("p", "No run failed or diverged.");
            return;
        }
        page.open("table").open("tr").element("th", "status and reason").element("th", "runs")
                .element("th", "which").close("tr");
        for (Map.Entry<String, List<ReportRun>> e : reasons.entrySet()) {
            page.open("tr").element("td", e.getKey()).number("failures." + e.getKey(),
                    Integer.toString(e.getValue().size())).open("td");
            int shown = 0;
            for (ReportRun r : e.getValue()) {
                if (shown++ == 10) {
                    page.text(" ...");
                    break;
                }
                page.element("a", r.runId(), "href", "#run-" + r.runId()).text(" ");
            }
            page.close("td").close("tr");
        }
        page.close("table");
    }

    private static void consensus(Html page, SweepSummary s) {
        page.element("h2", "Consensus equations", "id", "consensus");
        page.element("p", "Per configuration (all axes but the seed) and field: the terms selected in at least "
                + Html.percent(s.consensusThreshold()) + " of the finished runs with their median coefficients. "
                + "Statuses: CONVERGED / MAX_ITERATIONS / DIVERGED / FAILED. Success: runs whose selected terms are "
                + "exactly the true ones (failed runs count as not found), with the Wilson 95 % interval.",
                "class", "note");
        Map<String, java.util.Set<String>> truths = new LinkedHashMap<>();
        for (Configuration c : s.configurations()) {
            for (FieldStatistics f : c.fields()) {
                if (f.truth() != null) {
                    truths.computeIfAbsent(f.field(), k -> new java.util.LinkedHashSet<>())
                            .add(trueEquation(f.field(), f.truth(), s.terms()));
                }
            }
        }
        page.open("p").text("Truth: ");
        if (truths.isEmpty()) {
            page.text("unknown (no run knows its true equation).");
        }
        String separator = "";
        for (java.util.Set<String> t : truths.values()) {
            page.text(separator).element("span", String.join(" or ", t), "class", "eq");
            separator = "; ";
        }
        page.close("p");
        page.table("consensus-table", "configuration", "field", "runs", "statuses", "success", "95 % interval",
                "consensus equation", "support", "coefficient errors");
        for (int i = 0; i < s.configurations().size(); i++) {
            Configuration c = s.configurations().get(i);
            String key = "c" + i;
            List<FieldStatistics> fields = new ArrayList<>(c.fields());
            if (fields.isEmpty()) {
                fields.add(null); // a row for the configuration all the same
            }
            for (FieldStatistics f : fields) {
                page.open("tr").element("td", c.configuration()).element("td", f == null ? "–" : f.field());
                page.number(key + ".runs", Integer.toString(c.runs()));
                page.open("td", "class", "n");
                for (int k = 0; k < SweepSummary.STATUSES.size(); k++) {
                    String status = SweepSummary.STATUSES.get(k);
                    page.text(k == 0 ? "" : " / ").element("span", Integer.toString(c.statuses().get(status)),
                            "data-of", key + ".status." + status, "title", status);
                }
                page.close("td");
                boolean perField = c.fields().size() > 1 && f != null;
                Integer correct = perField ? f.correct() : c.correct();
                Double rate = perField ? f.successRate() : c.successRate();
                SweepSummary.Interval interval = perField ? f.successInterval() : c.successInterval();
                String at = perField ? key + "." + f.field() : key;
                if (correct == null) {
                    page.element("td", "no truth").element("td", "–");
                } else {
                    page.open("td", "class", "n").element("span", Integer.toString(correct), "data-of",
                            at + ".correct").text("/" + c.runs() + " = ").element("span", Html.percent(rate),
                            "data-of", at + ".successRate").close("td");
                    page.open("td", "class", "n").element("span", Html.percent(interval.low()), "data-of",
                            at + ".successLow").text(" – ").element("span", Html.percent(interval.high()),
                            "data-of", at + ".successHigh").close("td");
                }
                if (f == null || f.consensus() == null) {
                    page.element("td", "no finished run").element("td", "").element("td", "");
                    page.close("tr");
                    continue;
                }
                page.open("td", "class", "eq");
                consensusEquation(page, key + "." + f.field(), f);
                page.close("td");
                Boolean ok = f.consensus().correctSupport();
                page.element("td", ok == null ? "–" : ok ? "the true terms" : "other terms", "class",
                        ok == null ? null : ok ? "ok" : "bad");
                page.open("td");
                if (f.consensus().errors() != null) {
                    boolean first = true;
                    for (Map.Entry<String, Double> e : f.consensus().errors().entrySet()) {
                        page.text((first ? "" : ", ") + e.getKey() + " ").element("span", Html.percent(e.getValue()),
                                "data-of", key + "." + f.field() + ".consensusError." + e.getKey());
                        first = false;
                    }
                }
                page.close("td").close("tr");
            }
        }
        page.close("table");
    }

    /** The consensus equation with each coefficient tagged (u_t = 0.1001*u_xx - 0.9987*u*u_x). */
    private static void consensusEquation(Html page, String key, FieldStatistics f) {
        page.text(f.field() + "_t =");
        List<String> terms = f.consensus().terms();
        if (terms.isEmpty()) {
            page.text(" 0");
        }
        for (int j = 0; j < terms.size(); j++) {
            double c = f.consensus().coefficients().get(j);
            page.text(j == 0 ? (c < 0 ? " -" : " ") : (c < 0 ? " - " : " + "));
            page.element("span", Html.coefficient(Math.abs(c)), "data-of", key + ".consensus." + terms.get(j),
                    "data-sign", c < 0 ? "-" : "+", "data-digits", "4");
            if (!terms.get(j).equals("1")) {
                page.text("*" + terms.get(j));
            }
        }
    }

    /** The true equation with its terms in library order (those the library lacks last). */
    private static String trueEquation(String field, Map<String, Double> truth, List<String> library) {
        List<String> terms = new ArrayList<>(truth.keySet());
        terms.sort(java.util.Comparator.comparingInt(t -> library.contains(t) ? library.indexOf(t)
                : Integer.MAX_VALUE));
        double[] values = terms.stream().mapToDouble(truth::get).toArray();
        boolean[] all = new boolean[terms.size()];
        java.util.Arrays.fill(all, true);
        return EquationFormatter.format(field + "_t", terms, values, all);
    }

    private static void holdsUpTo(Html page, SweepSummary s) {
        if (s.holdsUpTo().isEmpty()) {
            return;
        }
        page.element("h2", "Holds up to", "id", "holds");
        page.element("p", "The highest noise level at which the success rate is at least 90 % (and 50 %) at that "
                + "level and every lower one; – when already the lowest level falls short.", "class", "note");
        page.open("table", "id", "holds-table").open("tr").element("th", "other axes")
                .element("th", "success ≥ 90 % up to noise").element("th", "success ≥ 50 % up to noise").close("tr");
        for (int i = 0; i < s.holdsUpTo().size(); i++) {
            NoiseLimit l = s.holdsUpTo().get(i);
            page.open("tr").element("td", l.others().isEmpty() ? "(no other axis)" : l.others().toString()
                    .replaceAll("[{}]", ""));
            page.percent("holds" + i + ".90", l.holds90()).percent("holds" + i + ".50", l.holds50());
            page.close("tr");
        }
        page.close("table");
    }

    /** Terms (rows) × configurations (columns), each cell the selection frequency, shaded by it. */
    private static void heatmap(Html page, SweepSummary s) {
        page.element("h2", "Term selection", "id", "heatmap");
        page.element("p", "How often each term was selected among the finished runs of each configuration (darker: "
                + "more often); true terms in bold.", "class", "note");
        for (String field : s.fields()) {
            if (s.fields().size() > 1) {
                page.element("h3", "field " + field);
            }
            page.open("table", "class", "heatmap").open("tr").element("th", field + "_t term");
            for (Configuration c : s.configurations()) {
                page.element("th", c.configuration());
            }
            page.close("tr");
            for (String term : s.terms()) {
                boolean isTrue = s.configurations().stream().map(c -> c.field(field)).anyMatch(
                        f -> f != null && f.truth() != null && f.truth().containsKey(term));
                page.open("tr").open("th").raw(isTrue ? "<b>" : "").text(term).raw(isTrue ? "</b>" : "").close("th");
                for (int i = 0; i < s.configurations().size(); i++) {
                    FieldStatistics f = s.configurations().get(i).field(field);
                    TermStatistics t = f == null ? null : f.term(term);
                    if (t == null) {
                        page.element("td", "–", "class", "heat");
                        continue;
                    }
                    int shade = (int) Math.round(255 - 200 * t.frequency());
                    String colour = String.format(Locale.ROOT, "background:rgb(%d,%d,255);color:%s", shade,
                            shade, t.frequency() > 0.6 ? "#fff" : "#000");
                    page.element("td", String.format(Locale.ROOT, "%.2f", t.frequency()), "class", "heat n",
                            "style", colour, "data-of", "c" + i + "." + field + "." + term + ".frequency");
                }
                page.close("tr");
            }
            page.close("table");
        }
    }

    private static void coefficients(Html page, SweepSummary s, OutputFiles files) throws IOException {
        page.element("h2", "Coefficients", "id", "coefficients");
        Map<String, Double> trueTerms = new LinkedHashMap<>();
        for (Configuration c : s.configurations()) {
            for (FieldStatistics f : c.fields()) {
                if (f.truth() != null) {
                    f.truth().forEach((term, v) -> trueTerms.putIfAbsent(f.field() + "\u0000" + term, v));
                }
            }
        }
        for (Map.Entry<String, Double> e : trueTerms.entrySet()) {
            String[] parts = e.getKey().split("\u0000");
            String name = "coefficient-" + parts[0] + "-" + fileName(parts[1]) + ".png";
            try (OutputStream png = files.create(name)) {
                SweepCharts.coefficient(s, parts[0], parts[1], e.getValue(), png);
            }
            image(page, name, "coefficient of " + parts[1] + " in " + parts[0] + "_t against noise, truth "
                    + Html.coefficient(e.getValue()));
        }
        page.element("p", "Per configuration and field, every term selected at least once: the selection frequency "
                + "(Wilson 95 % interval) and, over the runs that selected it, the coefficient's mean, sample standard "
                + "deviation, median and 5-95 % range (data units), and the median's relative error to the truth.",
                "class", "note");
        page.table("term-table", "configuration", "field", "term", "selected", "frequency", "95 % interval", "mean",
                "sd", "median", "5 %", "95 %", "truth", "median error");
        for (int i = 0; i < s.configurations().size(); i++) {
            Configuration c = s.configurations().get(i);
            for (FieldStatistics f : c.fields()) {
                for (TermStatistics t : f.terms()) {
                    if (t.selected() == 0 && t.truth() == null) {
                        continue;
                    }
                    String key = "c" + i + "." + f.field() + "." + t.term();
                    page.open("tr").element("td", c.configuration()).element("td", f.field());
                    page.open("td").raw(t.truth() != null ? "<b>" : "").text(t.term())
                            .raw(t.truth() != null ? "</b>" : "").close("td");
                    page.number(key + ".selected", Integer.toString(t.selected()))
                            .percent(key + ".frequency", t.frequency());
                    page.open("td", "class", "n").element("span", Html.percent(t.frequencyInterval().low()),
                            "data-of", key + ".frequencyLow").text(" – ").element("span",
                            Html.percent(t.frequencyInterval().high()), "data-of", key + ".frequencyHigh").close("td");
                    page.number(key + ".mean", t.mean()).number(key + ".sd", t.sd()).number(key + ".median", t.median())
                            .number(key + ".p5", t.p5()).number(key + ".p95", t.p95()).number(key + ".truth", t.truth())
                            .percent(key + ".medianError", t.medianError());
                    page.close("tr");
                }
            }
        }
        page.close("table");
    }

    private static void timing(Html page, SweepSummary s, List<String> configurations,
                               Map<String, List<ReportRun>> runs, OutputFiles files) throws IOException {
        page.element("h2", "Iterations and time", "id", "timing");
        try (OutputStream png = files.create("timing.png")) {
            SweepCharts.timing(configurations, runs, png);
        }
        image(page, "timing.png", "iterations and seconds per run, per configuration");
        page.table("timing-table", "configuration", "iterations: median", "5 %", "95 %", "mean", "seconds: median",
                "5 %", "95 %", "mean");
        for (int i = 0; i < s.configurations().size(); i++) {
            Configuration c = s.configurations().get(i);
            page.open("tr").element("td", c.configuration());
            for (String what : List.of("iterations", "seconds")) {
                SweepSummary.Spread spread = what.equals("iterations") ? c.iterations() : c.seconds();
                String key = "c" + i + "." + what;
                page.number(key + ".median", spread == null ? null : spread.median())
                        .number(key + ".p5", spread == null ? null : spread.p5())
                        .number(key + ".p95", spread == null ? null : spread.p95())
                        .number(key + ".mean", spread == null ? null : spread.mean());
            }
            page.close("tr");
        }
        page.close("table");
    }

    /**
     * Every run, one row each. The rows carry what the filters match ({@code data-status}, {@code data-found},
     * {@code data-configuration}); the filter bar stays hidden until {@link RunTableScript} shows it, so that
     * without script the page is the full table as before.
     */
    private static void runTable(Html page, List<ReportRun> runs) {
        filters(page, runs);
        page.table("run-table", "run", "configuration", "seed", "status", "iterations", "seconds", "true terms",
                "equation", "mask over training");
        for (ReportRun r : runs) {
            page.open("tr", "id", "run-" + r.runId(), "data-status", r.status().name(), "data-configuration",
                            r.configuration(), "data-found", found(r))
                    .element("td", r.runId(), "class", "eq")
                    .element("td", r.configuration()).number("run." + r.runId() + ".seed", Long.toString(r.seed()))
                    .element("td", r.status().name()
                            + (r.reason() == null || r.status() == RunStatus.CONVERGED ? ""
                            : " (" + r.reason() + ")"))
                    .number("run." + r.runId() + ".iterations", Integer.toString(r.iterations()))
                    .number("run." + r.runId() + ".seconds", String.format(Locale.ROOT, "%.1f", r.seconds()))
                    .element("td", found(r), "class", r.correctSupport() == null ? null
                            : r.correctSupport() ? "ok" : "bad")
                    .element("td", r.equation() == null ? "" : r.equation(), "class", "eq");
            if (r.pictures()) {
                String folder = "../runs/" + r.runId() + "/";
                page.open("td").element("a", "mask", "href", folder + "mask.png").text(" · ")
                        .element("a", "loss", "href", folder + "loss.png").close("td");
            } else {
                page.element("td", "–");
            }
            page.close("tr");
        }
        page.close("table");
        page.raw(RunTableScript.ELEMENT);
    }

    private static String found(ReportRun r) {
        return r.correctSupport() == null ? "–" : r.correctSupport() ? "yes" : "no";
    }

    /** The filter bar, its choices the values the runs hold; hidden (and inert) where no script runs. */
    private static void filters(Html page, List<ReportRun> runs) {
        page.open("div", "id", "run-filters", "hidden", "hidden", "class", "note");
        select(page, "status", "filter-status", runs.stream().map(r -> r.status().name()));
        select(page, "configuration", "filter-configuration", runs.stream().map(ReportRun::configuration));
        select(page, "true terms", "filter-found", runs.stream().map(SweepReport::found));
        page.text(" equation contains ").raw("<input id=\"filter-equation\" type=\"search\" size=\"24\"/>");
        page.text(" · showing ").element("span", Integer.toString(runs.size()), "id", "run-shown")
                .text(" of " + runs.size() + " runs; click a column's heading to sort by it (again: reversed)");
        page.close("div");
    }

    private static void select(Html page, String label, String id, java.util.stream.Stream<String> values) {
        page.text(label + " ").open("select", "id", id).element("option", "all", "value", "");
        for (String v : new java.util.TreeSet<>(values.toList())) {
            page.element("option", v, "value", v);
        }
        page.close("select").text(" ");
    }

    private static void row(Html page, String header, String value) {
        page.open("tr").element("th", header).element("td", value).close("tr");
    }

    private static void image(Html page, String file, String alt) {
        page.open("p").raw("<img src=\"" + Html.escape(file) + "\" alt=\"" + Html.escape(alt) + "\" width=\""
                + SweepCharts.WIDTH + "\"/>").close("p");
    }

    /** A term as a file name: u*u_x becomes u.u_x, u^2 becomes u2. */
    static String fileName(String term) {
        // anything else a file name on HDFS or a web page may not hold (':' starts a URI scheme) becomes '_'
        return term.replace('*', '.').replace("^", "").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void writeText(OutputFiles files, String name, String text) throws IOException {
        try (OutputStream out = files.create(name)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
