package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.deepmod.CapturedOutput;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.PlannedRun;
import org.deepmod.config.SweepPlan;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.ResultStore;
import org.deepmod.training.RunStatus;

/**
 * Checks of a finished sweep's output folder against its runs, recomputed here by hand from the
 * runs/<runId>.json files, so that the Spark SQL aggregation is compared with an independent count.
 */
final class SweepChecks {
    private SweepChecks() {
    }

    /**
     * Resumes the sweep of {@code sweepFile} in {@code out} on local[2] and checks that it kept the {@code done}
     * results there were, trained exactly the other runs of {@code runs}, and left the folder complete.
     */
    static void resumeTrainsExactlyTheRest(java.nio.file.Path sweepFile, java.nio.file.Path out, int runs, int done)
            throws IOException {
        SweepPlan plan = SparkTests.plan(sweepFile);
        SparkSession spark = SparkTests.session("local[2]");
        SweepJob.Outcome outcome;
        try {
            outcome = SweepJob.run(spark, plan, SweepJob.Options.of(out.toString(), true),
                    new CapturedOutput().out);
        } finally {
            spark.stop();
        }
        assertEquals(done, outcome.resumed());
        assertEquals(runs - done, outcome.trained(), "exactly the runs without a result");
        assertComplete(out.toString(), plan, new Configuration());
    }

    /** Every run of the plan has a result, the tables exist, and the summary agrees with the runs. */
    static Map<String, RunResult> assertComplete(String output, SweepPlan plan, Configuration conf) throws IOException {
        ResultStore store = new ResultStore(output, conf);
        Set<String> planned = plan.runs().stream().map(PlannedRun::runId).collect(Collectors.toSet());
        assertEquals(planned, store.existing(), "one result per run, nothing else");
        Map<String, RunResult> results = new LinkedHashMap<>();
        for (PlannedRun run : plan.runs()) {
            RunResult r = store.read(run.runId());
            assertEquals(run.runId(), r.identity().runId(), "a result is filed under its own runId");
            results.put(run.runId(), r);
        }
        for (String table : List.of(ResultsTable.PARQUET, ResultsTable.CSV, "summary.json")) {
            assertTrue(store.fileSystem().isFile(new Path(store.output(), table)), table + " is a file");
        }
        assertFalse(store.fileSystem().exists(new Path(store.output(), "_tmp")), "no temporary files left");
        assertSummaryMatches(plan, results, readSummary(store));
        return results;
    }

    /**
     * The report of a sweep that trained: index.html parses, every picture it shows or links (the runs' mask and
     * loss pictures among them) decodes, every run has its gzipped trace, and the page lists every run.
     */
    static void assertReport(String output, SweepPlan plan, Configuration conf) throws IOException {
        ResultStore store = new ResultStore(output, conf);
        Path folder = new Path(store.output(), "report");
        org.w3c.dom.Document page = ReportChecks.parse(ReportChecks.read(store.fileSystem(), new Path(folder,
                "index.html")));
        int pictures = ReportChecks.assertPicturesDecode(store.fileSystem(), folder, page);
        long trained = plan.runs().stream().filter(r -> store.read(r.runId()).status() != RunStatus.FAILED).count();
        assertTrue(pictures >= 2 * trained + 2, pictures + " pictures: each trained run's mask and loss, the sweep's");
        for (PlannedRun run : plan.runs()) {
            if (store.read(run.runId()).status() != RunStatus.FAILED) {
                byte[] gz = ReportChecks.read(store.fileSystem(), new Path(store.artefactsOf(run.runId()),
                        "trace.jsonl.gz"));
                org.deepmod.report.Trace trace = org.deepmod.report.TraceReader.read(new java.io.InputStreamReader(
                        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)),
                        StandardCharsets.UTF_8), run.runId());
                RunResult result = store.read(run.runId());
                assertEquals(result.discovery().terms(), trace.terms());
                int last = trace.entries().get(trace.entries().size() - 1).iteration();
                int every = result.identity().config().path("training").path("writeIterations").asInt();
                int iterations = result.training().iterations();
                assertTrue(last < iterations && last >= iterations - every,
                        "the trace ends at the run's last write iteration: " + last + " of " + iterations);
            }
            assertNotNull(ReportChecks.byId(page, "run-" + run.runId()), run.runId() + " is listed");
        }
    }

    static SweepSummary readSummary(ResultStore store) throws IOException {
        try (InputStream in = store.fileSystem().open(new Path(store.output(), "summary.json"))) {
            return SweepSummary.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Per configuration: runs, failures, correct supports and every term's selection frequency. */
    static void assertSummaryMatches(SweepPlan plan, Map<String, RunResult> results, SweepSummary summary) {
        Map<String, List<RunResult>> byConfiguration = new LinkedHashMap<>();
        for (PlannedRun run : plan.runs()) {
            RunResult r = results.get(run.runId());
            if (r != null) {
                byConfiguration.computeIfAbsent(run.configuration(), k -> new ArrayList<>()).add(r);
            }
        }
        assertEquals(new ArrayList<>(byConfiguration.keySet()),
                summary.configurations().stream().map(SweepSummary.Configuration::configuration).toList());
        assertEquals(results.size(), summary.withResults());
        for (SweepSummary.Configuration c : summary.configurations()) {
            List<RunResult> runs = byConfiguration.get(c.configuration());
            assertEquals(runs.size(), c.runs(), c.configuration());
            assertEquals(runs.stream().filter(r -> r.status() == RunStatus.FAILED).count(), c.failed());
            List<RunResult.Discovery> masked = runs.stream().map(RunResult::discovery)
                    .filter(d -> d != null && d.mask() != null).toList();
            List<RunResult.TruthCheck> checks = runs.stream().map(RunResult::truthCheck).filter(t -> t != null)
                    .toList();
            if (checks.stream().anyMatch(t -> t.correctSupport() != null)) {
                long correct = checks.stream().filter(t -> Boolean.TRUE.equals(t.correctSupport())).count();
                assertEquals(correct, (long) c.correct(), c.configuration());
                assertEquals((double) correct / runs.size(), c.successRate(), 1e-12);
            }
            Set<String> terms = new HashSet<>();
            masked.forEach(r -> terms.addAll(r.terms()));
            SweepSummary.FieldStatistics u = c.field("u");
            if (masked.isEmpty()) {
                assertEquals(null, u, "no field statistics without a finished run");
                continue;
            }
            assertEquals(terms, u.terms().stream().map(SweepSummary.TermStatistics::term).collect(Collectors.toSet()),
                    "statistics for every term of the library");
            assertEquals(masked.size(), u.finished());
            for (String term : terms) {
                List<Double> chosen = masked.stream().filter(d -> d.mask()[d.terms().indexOf(term)])
                        .map(d -> d.coefficients()[d.terms().indexOf(term)]).sorted().toList();
                SweepSummary.TermStatistics t = u.term(term);
                assertNotNull(t);
                assertEquals(chosen.size(), t.selected(), c.configuration() + " " + term);
                assertEquals((double) chosen.size() / masked.size(), t.frequency(), 1e-12,
                        c.configuration() + " " + term);
                if (!chosen.isEmpty()) {
                    int n = chosen.size();
                    double median = n % 2 == 1 ? chosen.get(n / 2) : (chosen.get(n / 2 - 1) + chosen.get(n / 2)) / 2;
                    assertEquals(median, t.median(), 1e-12, c.configuration() + " " + term + " median");
                    assertEquals(chosen.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), t.mean(),
                            1e-12);
                }
            }
        }
    }
}
