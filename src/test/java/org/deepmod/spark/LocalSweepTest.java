package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.PlannedRun;
import org.deepmod.config.SweepFiles;
import org.deepmod.config.SweepPlan;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.SweepIndex;
import org.deepmod.results.ResultStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deepmod.CapturedOutput;
import org.deepmod.training.RunStatus;

/** Sweeps on an embedded local[2] Spark: results, summary, failures and resume. */
class LocalSweepTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkTests.session("local[2]");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private SweepJob.Outcome sweep(SweepPlan plan, String output, boolean resume, int limit, CapturedOutput log) {
        return SweepJob.run(spark, plan, new SweepJob.Options(output, resume, limit, 10_000), log.out);
    }

    @Test
    void everyRunHasAResultAndTheSummaryMatchesTheRuns() throws IOException {
        SweepPlan plan = SparkTests.plan(SparkTests.EIGHT_RUNS);
        assertEquals(8, plan.runs().size());
        String output = dir.resolve("out").toString();
        CapturedOutput log = new CapturedOutput();
        SweepJob.Outcome outcome = sweep(plan, output, false, 0, log);
        System.out.println(log.text());

        assertEquals(8, outcome.trained());
        assertEquals(0, outcome.missing());
        Map<String, RunResult> results = SweepChecks.assertComplete(output, plan, new Configuration());
        SweepChecks.assertReport(output, plan, new Configuration());
        assertReportRebuildsTheSummary(output);
        for (RunResult r : results.values()) {
            assertTrue(List.of(RunStatus.CONVERGED, RunStatus.MAX_ITERATIONS).contains(r.status()),
                    r.status() + ": " + r.reason());
            assertEquals(r.discovery().terms().size(), r.discovery().mask().length);
            assertTrue(r.training().device().startsWith("cpu (no GPU assigned"), r.training().device());
        }
        List<Row> rows = spark.read().parquet(dir.resolve("out/results.parquet").toString())
                .orderBy("planIndex").collectAsList();
        assertEquals(8, rows.size());
        assertEquals(plan.runs().get(5).runId(), rows.get(5).getAs("runId"));
        assertEquals("0.1", rows.get(5).getAs("noise"));
        assertEquals(1L, rows.get(5).<Long>getAs("seed"));
        assertEquals(9, Files.readAllLines(dir.resolve("out/results.csv")).size(), "a header and 8 rows");
        assertTrue(log.text().contains("[test] 8/8 runs done, 0 failed"), log.text());
        assertTrue(log.text().contains("noise=0.1"), "the summary table is printed");
    }

    @Test
    void aRunThatFailsIsRecordedWithItsReasonAndTheSweepGoesOn() throws IOException {
        Path corrupt = Files.write(dir.resolve("corrupt.npy"), "not a numpy file".getBytes());
        Path good = SparkTests.PROJECT.resolve("data/burgers-pdefind.npz").toAbsolutePath();
        String yaml = SweepFiles.tiny("axes: {dataset.path: [" + corrupt + ", " + good + "]}\n")
                .replace("  dataset: {type: burgers-delta, t: {start: 0.5, stop: 5.0, count: 20}, x: {start: -3.0, "
                        + "stop: 4.0, count: 40}}", "  dataset: {type: file, truth: {u_xx: 0.1, u*u_x: -1.0}}");
        SweepPlan plan = SparkTests.plan(yaml);
        String output = dir.resolve("out").toString();
        SweepJob.Outcome outcome = sweep(plan, output, false, 0, new CapturedOutput());

        assertEquals(2, outcome.trained());
        Map<String, RunResult> results = SweepChecks.assertComplete(output, plan, new Configuration());
        RunResult failed = results.get(plan.runs().get(0).runId());
        assertEquals(RunStatus.FAILED, failed.status());
        assertTrue(failed.reason().contains("corrupt.npy"), failed.reason());
        RunResult trained = results.get(plan.runs().get(1).runId());
        assertEquals(RunStatus.MAX_ITERATIONS, trained.status(), trained.reason());
        assertEquals(1, outcome.summary().failed());
    }

    @Test
    void resumeTrainsExactlyTheMissingRuns() throws IOException {
        SweepPlan plan = SparkTests.plan(SparkTests.EIGHT_RUNS);
        String output = dir.resolve("out").toString();
        ResultStore store = new ResultStore(output, new Configuration());

        SweepJob.Outcome first = sweep(plan, output, true, 3, new CapturedOutput());
        assertEquals(3, first.trained());
        assertEquals(5, first.missing());
        assertEquals(3, store.existing().size());
        assertEquals(3, first.summary().withResults());
        Map<String, Long> written = modificationTimes(store, plan);

        CapturedOutput log = new CapturedOutput();
        SweepJob.Outcome second = sweep(plan, output, true, 0, log);
        assertEquals(3, second.resumed());
        assertEquals(5, second.trained(), "exactly the 5 runs without a result");
        for (Map.Entry<String, Long> e : written.entrySet()) {
            assertEquals(e.getValue(), modificationTimes(store, plan).get(e.getKey()), "a resumed run is not rewritten");
        }
        SweepChecks.assertComplete(output, plan, new Configuration());
        assertTrue(log.text().contains("8/8 runs done (3 resumed)"), log.text());

        SweepJob.Outcome third = sweep(plan, output, true, 0, new CapturedOutput());
        assertEquals(8, third.resumed());
        assertEquals(0, third.trained(), "a finished sweep trains nothing");
        assertEquals(8, third.summary().withResults());
    }

    /** One column per axis, the seed apart; an axis named like a result column keeps both apart. */
    @Test
    void theResultsTableHasAColumnPerAxisAndTheResultColumns() {
        SweepPlan plan = SparkTests.plan(SweepFiles.tiny("axes: {device: [cpu, auto], estimator.threshold: [0.1]}\n"
                + "seeds: 2\n"));
        Map<String, RunResult> results = new HashMap<>();
        for (PlannedRun run : plan.runs()) {
            results.put(run.runId(), RunResult.failed(new RunResult.Identity(run.runId(), "r", null), "no reason", 0));
        }
        var table = ResultsTable.build(spark, plan.runs(), results, plan.axisPaths());
        List<String> columns = new ArrayList<>(ResultsTable.RESULT_COLUMNS);
        columns.addAll(3, List.of("axis_device", "estimator_threshold"));
        assertEquals(columns, List.of(table.columns()));
        assertEquals(List.of("cpu", "cpu", "auto", "auto"),
                table.orderBy("planIndex").select("axis_device").as(Encoders.STRING()).collectAsList());
    }

    /** The driver reads which run Spark gave up on from Spark's own abort message: check it against Spark 4.2. */
    @Test
    void theTaskSparkGaveUpOnIsReadFromItsAbortMessage() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Exception e = assertThrows(Exception.class, () -> jsc.parallelize(List.of(0, 1, 2, 3), 4).map(i -> {
            if (i == 2) {
                throw new IllegalStateException("an executor that dies on this run");
            }
            return i;
        }).collect());
        assertEquals(OptionalInt.of(2), SweepJob.givenUpTask(e), e.getMessage());
        assertEquals(OptionalInt.empty(), SweepJob.givenUpTask(new IllegalStateException("Task 1 in stage 0.0 failed")));
    }

    private static Map<String, Long> modificationTimes(ResultStore store, SweepPlan plan) throws IOException {
        Map<String, Long> times = new HashMap<>();
        for (PlannedRun run : plan.runs()) {
            if (store.fileSystem().exists(store.pathOf(run.runId()))) {
                times.put(run.runId(), store.fileSystem().getFileStatus(store.pathOf(run.runId())).getModificationTime());
            }
        }
        return times;
    }

    /**
     * deepmod report on a sweep folder rebuilds the summary the sweep ended with from the run files alone, and
     * prints its table; without sweep.json it names the configurations by the config paths that differ.
     */
    private static void assertReportRebuildsTheSummary(String output) throws IOException {
        Path summary = Path.of(output, "summary.json");
        SweepSummary swept = SweepSummary.fromJson(Files.readString(summary));
        Files.delete(summary);
        String printed = report(output);
        SweepSummary rebuilt = SweepSummary.fromJson(Files.readString(summary));
        assertEquals(swept, rebuilt);
        assertTrue(printed.contains(swept.table()), printed);
        assertTrue(printed.contains(swept.consensusTable()), printed);

        Files.delete(Path.of(output, SweepIndex.FILE));
        report(output);
        SweepSummary fromConfigs = SweepSummary.fromJson(Files.readString(summary));
        assertEquals(swept.configurations(), fromConfigs.configurations(), "noise=0.0 and noise=0.1 from the configs");
    }

    private static String report(String output) {
        java.io.PrintStream previous = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            code = org.deepmod.cli.Main.execute("report", output);
        } finally {
            System.setOut(previous);
        }
        assertEquals(0, code);
        return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
