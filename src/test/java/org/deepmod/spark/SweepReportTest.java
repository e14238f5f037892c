package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.deepmod.cli.Main;
import org.deepmod.experiment.RunResult;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.SweepSummary.FieldStatistics;
import org.deepmod.results.SweepSummary.TermStatistics;
import org.deepmod.results.RunFields;
import org.deepmod.results.SweepIndex;
import org.deepmod.results.ResultStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.deepmod.training.RunStatus;

/**
 * The report page of the crafted sweep ({@link SweepFixtures}), rebuilt by {@code deepmod report} from the run
 * files alone: every number it shows is summary.json's (or the run files'), every picture decodes, and a real
 * browser renders it.
 */
class SweepReportTest {
    @TempDir
    static Path dir;
    private static Path output;
    private static SweepSummary summary;
    private static Document page;
    private static SweepFixtures.Sweep sweep;

    @BeforeAll
    static void report() throws Exception {
        sweep = SweepFixtures.burgers();
        output = dir.resolve("sweep");
        ResultStore store = new ResultStore(output.toString(), new Configuration());
        sweep.results().values().forEach(store::write);
        store.writeText(SweepIndex.FILE, sweep.index().toJson());
        assertEquals(Main.EXIT_OK, Main.execute("report", output.toString()));
        summary = SweepSummary.fromJson(Files.readString(output.resolve("summary.json")));
        page = ReportChecks.parse(Files.readAllBytes(output.resolve("report/index.html")));
    }

    @AfterAll
    static void stopSpark() {
        org.apache.spark.sql.SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
    }

    @Test
    void everyNumberShownIsSummaryJsons() {
        List<Element> numbers = ReportChecks.tagged(page);
        for (Element e : numbers) {
            String key = e.getAttribute("data-of");
            ReportChecks.assertClose(valueOf(key), e, key);
        }
        // 5 configurations x (runs, 4 statuses, correct, rate, interval) + terms + consensus + timing + runs
        assertTrue(numbers.size() > 150, numbers.size() + " numbers checked");
        assertTrue(numbers.stream().anyMatch(e -> e.getAttribute("data-of").equals("c0.u.u*u_x.p5")));
        assertTrue(numbers.stream().anyMatch(e -> e.getAttribute("data-of").equals("c1.u.consensus.u")),
                "the tie at the threshold is in the consensus shown");
        String text = page.getDocumentElement().getTextContent();
        assertTrue(text.contains("corrupt.npy: not a numpy file"), "the failures' reasons are shown");
        assertTrue(text.contains("noise=0.5, estimator=stability"));
    }

    @Test
    void everyPictureExistsAndDecodes() throws Exception {
        ResultStore store = new ResultStore(output.toString(), new Configuration());
        int pictures = ReportChecks.assertPicturesDecode(store.fileSystem(),
                new org.apache.hadoop.fs.Path(store.output(), "report"), page);
        assertEquals(4, pictures, "success rate, u_xx, u*u_x and timing");
    }

    @Test
    void aRealBrowserRendersIt() throws Exception {
        Chromium.assertRenders(output.resolve("report/index.html"), dir.resolve("screenshot.png"));
    }

    /**
     * The runs table in a real browser: sorting by a column and each filter change which runs are shown and in
     * which order, each expectation computed from the run files; without script the table is whole and the
     * filter bar hidden.
     */
    @Test
    void theRunsTableSortsAndFiltersInABrowser() throws Exception {
        List<String> order = sweep.index().runs().stream().map(SweepIndex.Run::runId).toList();
        Element filters = ReportChecks.byId(page, "run-filters");
        assertEquals("hidden", filters.getAttribute("hidden"), "without script the filter bar is hidden");
        org.w3c.dom.NodeList rows = ReportChecks.byId(page, "run-table").getElementsByTagName("tr");
        List<String> staticRows = new java.util.ArrayList<>();
        for (int i = 1; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            assertEquals("", row.getAttribute("hidden"), "without script every run is shown");
            staticRows.add(row.getAttribute("id").substring("run-".length()));
        }
        assertEquals(order, staticRows);

        String configuration = summary.configurations().get(0).configuration();
        assertEquals("noise=0.0, estimator=threshold", configuration);
        String shown = Chromium.interact(output.resolve("report/index.html"), """
                var out = [];
                function visible(name) {
                  var ids = [];
                  Array.prototype.forEach.call(doc.getElementById("run-table").rows, function (r, i) {
                    if (i > 0 && !r.hidden) ids.push(r.id.substring(4));
                  });
                  out.push(name + "=" + ids.join(",") + "|" + doc.getElementById("run-shown").textContent);
                }
                function sort(label) {
                  doc.querySelector("#run-table th button[data-label='" + label + "']").click();
                }
                function choose(id, value, event) {
                  var e = doc.getElementById(id);
                  e.value = value;
                  e.dispatchEvent(new doc.defaultView.Event(event || "change"));
                }
                out.push("bar=" + (doc.getElementById("run-filters").hidden ? "hidden" : "shown"));
                visible("initial");
                sort("seconds"); visible("seconds");
                sort("seconds"); visible("secondsReversed");
                sort("iterations"); visible("iterations");
                choose("filter-status", "FAILED"); visible("failed");
                choose("filter-status", ""); choose("filter-found", "no"); visible("notFound");
                choose("filter-found", ""); choose("filter-configuration", "%s"); visible("configuration");
                choose("filter-equation", "U_XX", "input"); visible("configurationAndUxx");
                choose("filter-configuration", ""); visible("uxx");
                choose("filter-equation", "", "input"); visible("all");
                return out.join(" ## ");
                """.formatted(configuration));
        Map<String, String> steps = new java.util.LinkedHashMap<>();
        for (String line : shown.split(" ## ")) {
            int eq = line.indexOf('=');
            assertTrue(eq > 0, "the browser's answer: " + shown);
            steps.put(line.substring(0, eq), line.substring(eq + 1));
        }
        assertEquals("shown", steps.get("bar"), "with script the filter bar shows");
        Map<String, RunResult> results = sweep.results();
        java.util.Comparator<String> bySweepOrder = java.util.Comparator.comparingInt(order::indexOf);
        java.util.Comparator<String> bySeconds = java.util.Comparator.<String>comparingDouble(
                id -> Double.parseDouble(String.format(java.util.Locale.ROOT, "%.1f",
                        results.get(id).training().seconds())));
        assertEquals(ids(order), steps.get("initial"));
        assertEquals(ids(order.stream().sorted(bySeconds.thenComparing(bySweepOrder)).toList()), steps.get("seconds"));
        assertEquals(ids(order.stream().sorted(bySeconds.reversed().thenComparing(bySweepOrder)).toList()),
                steps.get("secondsReversed"), "reversed, ties still in the sweep's order");
        assertEquals(ids(order.stream().sorted(java.util.Comparator.<String>comparingInt(
                id -> results.get(id).training().iterations()).thenComparing(bySweepOrder)).toList()),
                steps.get("iterations"));
        // the filters keep the last sort (by iterations)
        List<String> byIterations = order.stream().sorted(java.util.Comparator.<String>comparingInt(
                id -> results.get(id).training().iterations()).thenComparing(bySweepOrder)).toList();
        List<String> failed = byIterations.stream().filter(id -> results.get(id).status() == RunStatus.FAILED)
                .toList();
        assertEquals(2, failed.size());
        assertEquals(ids(failed), steps.get("failed"));
        List<String> notFound = byIterations.stream()
                .filter(id -> Boolean.FALSE.equals(RunFields.correct(RunFields.of(results.get(id))))).toList();
        assertTrue(notFound.size() >= 3, notFound.toString());
        assertEquals(ids(notFound), steps.get("notFound"));
        List<String> inConfiguration = byIterations.stream().filter(id -> {
            Map<String, String> axes = sweep.index().runs().stream().filter(r -> r.runId().equals(id)).findFirst()
                    .orElseThrow().axes();
            return axes.get("noise").equals("0.0") && axes.get("estimator").equals("threshold");
        }).toList();
        assertEquals(4, inConfiguration.size());
        assertEquals(ids(inConfiguration), steps.get("configuration"));
        java.util.function.Predicate<String> withUxx = id -> results.get(id).discovery() != null
                && results.get(id).discovery().equation().toLowerCase(java.util.Locale.ROOT).contains("u_xx");
        assertEquals(ids(inConfiguration.stream().filter(withUxx).toList()), steps.get("configurationAndUxx"));
        List<String> uxx = byIterations.stream().filter(withUxx).toList();
        assertTrue(uxx.size() > 3 && uxx.size() < order.size(), uxx.toString());
        assertEquals(ids(uxx), steps.get("uxx"));
        assertEquals(ids(byIterations), steps.get("all"));
    }

    /** The browser's answer for these runs: their ids in order, then how many the page says it shows. */
    private static String ids(List<String> runIds) {
        return String.join(",", runIds) + "|" + runIds.size();
    }

    @Test
    void aBadConsensusIsRefused() {
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("report", output.toString(), "--consensus", "1.5"));
    }

    /** What a data-of key names, read from summary.json (and for failures and runs, from the run files). */
    private static double valueOf(String key) {
        String[] k = key.split("\\.");
        switch (k[0]) {
            case "withResults": return summary.withResults();
            case "planned": return summary.planned();
            case "failed": return summary.failed();
            case "status":
                return summary.configurations().stream().mapToInt(c -> c.statuses().get(k[1])).sum();
            case "failures":
                String reason = key.substring("failures.".length());
                return sweep.results().values().stream().filter(r -> reason.equals(r.status() + ": " + r.reason()))
                        .count();
            case "run":
                String id = key.substring("run.".length(), key.lastIndexOf('.')); // run ids may hold dots
                RunResult r = sweep.results().get(id);
                return switch (key.substring(key.lastIndexOf('.') + 1)) {
                    case "seed" -> sweep.index().runs().stream().filter(x -> x.runId().equals(id)).findFirst()
                            .orElseThrow().seed();
                    case "iterations" -> r.training().iterations();
                    default -> r.training().seconds();
                };
            default:
                break;
        }
        if (k[0].startsWith("holds")) {
            SweepSummary.NoiseLimit l = summary.holdsUpTo().get(Integer.parseInt(k[0].substring(5)));
            return k[1].equals("90") ? l.holds90() : l.holds50();
        }
        SweepSummary.Configuration c = summary.configurations().get(Integer.parseInt(k[0].substring(1)));
        switch (k[1]) {
            case "runs": return c.runs();
            case "status": return c.statuses().get(k[2]);
            case "correct": return c.correct();
            case "successRate": return c.successRate();
            case "successLow": return c.successInterval().low();
            case "successHigh": return c.successInterval().high();
            case "iterations", "seconds":
                SweepSummary.Spread s = k[1].equals("iterations") ? c.iterations() : c.seconds();
                return switch (k[2]) {
                    case "median" -> s.median();
                    case "p5" -> s.p5();
                    case "p95" -> s.p95();
                    default -> s.mean();
                };
            default:
                break;
        }
        FieldStatistics f = c.field(k[1]);
        switch (k[2]) {
            case "correct": return f.correct();
            case "successRate": return f.successRate();
            case "successLow": return f.successInterval().low();
            case "successHigh": return f.successInterval().high();
            case "consensus":
                return f.consensus().coefficients().get(f.consensus().terms().indexOf(k[3]));
            case "consensusError": return f.consensus().errors().get(k[3]);
            default:
                break;
        }
        TermStatistics t = f.term(k[2]);
        Map<String, Double> values = new java.util.HashMap<>();
        values.put("selected", (double) t.selected());
        values.put("frequency", t.frequency());
        values.put("frequencyLow", t.frequencyInterval().low());
        values.put("frequencyHigh", t.frequencyInterval().high());
        values.put("mean", t.mean());
        values.put("sd", t.sd());
        values.put("median", t.median());
        values.put("p5", t.p5());
        values.put("p95", t.p95());
        values.put("truth", t.truth());
        values.put("medianError", t.medianError());
        Double v = values.get(k[3]);
        if (v == null) {
            throw new AssertionError(key + ": the page shows a number summary.json does not have");
        }
        return v;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
