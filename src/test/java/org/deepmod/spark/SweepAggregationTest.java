package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.SweepSummary.FieldStatistics;
import org.deepmod.results.SweepSummary.TermStatistics;
import org.deepmod.results.SweepIndex;
import org.deepmod.results.ResultStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.deepmod.training.RunStatus;

/**
 * The statistics of {@link SweepAggregation} against a hand computation from crafted run results
 * ({@link SweepFixtures}): statuses, success and its Wilson interval, per term frequency and coefficient spread
 * (percentiles interpolated as numpy's default), the consensus rule (ties at the threshold, no finished run),
 * iterations and seconds, noise limits, and two fields.
 */
class SweepAggregationTest {
    private static final double EPS = 1e-9;
    private static SparkSession spark;
    /** The fixture sweep summarised with the default threshold, once for the tests that read it. */
    private static SweepSummary burgers;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkTests.session("local[2]");
        burgers = summarise(SweepFixtures.burgers(), 0.5);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static SweepSummary summarise(SweepFixtures.Sweep sweep, double consensus) {
        SweepIndex index = sweep.index().withConsensus(consensus);
        Dataset<Row> table = ResultsTable.build(spark, index.specs(), sweep.results(), index.axisPaths());
        return SweepAggregation.summarise(table, index.name(), index.specs(), index.axisPaths(), "out", consensus);
    }

    @Test
    void statusesSuccessAndWilsonIntervalPerConfiguration() {
        SweepSummary s = burgers;
        assertEquals(List.of("noise=0.0, estimator=threshold", "noise=0.5, estimator=threshold",
                "noise=1.0, estimator=threshold", "noise=0.0, estimator=stability", "noise=0.5, estimator=stability"),
                s.configurations().stream().map(SweepSummary.Configuration::configuration).toList());
        assertEquals(10, s.withResults());
        assertEquals(2, s.failed());
        assertEquals(List.of("1", "u", "u_xx", "u*u_x"), s.terms());

        var c0 = s.configurations().get(0);
        assertEquals(Map.of(RunStatus.CONVERGED.name(), 2, RunStatus.MAX_ITERATIONS.name(), 1,
                RunStatus.DIVERGED.name(), 0, RunStatus.FAILED.name(), 1), c0.statuses());
        assertEquals(2, c0.correct());
        assertEquals(0.5, c0.successRate(), EPS, "2 of 4: the FAILED run counts as not found");
        // Wilson, z = 1.96: centre (0.5 + 0.4802) / 1.9604 = 0.5, half 1.96 sqrt(0.0625 + 0.0600) / 1.9604
        assertEquals(0.15003, c0.successInterval().low(), 1e-5);
        assertEquals(0.84997, c0.successInterval().high(), 1e-5);
        // iterations of the runs that trained: 100, 200, 300 (numpy: percentile 5 = 100 + 0.1 * 100)
        assertEquals(200, c0.iterations().median(), EPS);
        assertEquals(110, c0.iterations().p5(), EPS);
        assertEquals(290, c0.iterations().p95(), EPS);
        assertEquals(200, c0.iterations().mean(), EPS);
        assertEquals(2.0, c0.seconds().median(), EPS);
        assertEquals(2.9, c0.seconds().p95(), EPS);

        var c1 = s.configurations().get(1);
        assertEquals(Map.of(RunStatus.CONVERGED.name(), 1, RunStatus.MAX_ITERATIONS.name(), 0,
                RunStatus.DIVERGED.name(), 1, RunStatus.FAILED.name(), 0), c1.statuses());
        assertEquals(0.5, c1.successRate(), EPS);
        assertEquals(225, c1.iterations().median(), EPS);
        assertEquals(67.5, c1.iterations().p5(), EPS, "50 + 0.05 * 350");

        var c2 = s.configurations().get(2);
        assertEquals(0, c2.correct());
        assertEquals(0.0, c2.successInterval().low(), EPS);
        assertEquals(0.65762, c2.successInterval().high(), 1e-5, "Wilson 0 of 2: z^2 / (n + z^2)");

        var c4 = s.configurations().get(4);
        assertEquals(1, c4.failed());
        assertEquals(0.0, c4.successRate(), EPS, "a configuration whose runs all failed found nothing");
        assertTrue(c4.fields().isEmpty(), "no finished run: no field statistics");
        assertNull(c4.iterations());
    }

    @Test
    void termStatisticsOverTheRunsThatSelectedTheTerm() {
        SweepSummary s = burgers;
        FieldStatistics u = s.configurations().get(0).field("u");
        assertEquals(3, u.finished(), "the FAILED run has no mask");
        assertEquals(2, u.correct());

        TermStatistics uxx = u.term("u_xx"); // 0.1, 0.12, 0.08
        assertEquals(3, uxx.selected());
        assertEquals(1.0, uxx.frequency(), EPS);
        assertEquals(0.1, uxx.mean(), EPS);
        assertEquals(0.02, uxx.sd(), EPS, "sample standard deviation: sqrt((0 + 0.0004 + 0.0004) / 2)");
        assertEquals(0.1, uxx.median(), EPS);
        assertEquals(0.082, uxx.p5(), EPS, "0.08 + 0.1 * 0.02");
        assertEquals(0.118, uxx.p95(), EPS, "0.10 + 0.9 * 0.02");
        assertEquals(0.1, uxx.truth(), EPS);
        assertEquals(0.0, uxx.medianError(), EPS);

        TermStatistics uux = u.term("u*u_x"); // -1.0, -0.9, -1.1
        assertEquals(-1.0, uux.mean(), EPS);
        assertEquals(0.1, uux.sd(), EPS);
        assertEquals(-1.09, uux.p5(), EPS);
        assertEquals(-0.91, uux.p95(), EPS);

        TermStatistics extra = u.term("u"); // selected once, 0.05
        assertEquals(1, extra.selected());
        assertEquals(1.0 / 3, extra.frequency(), EPS);
        assertNull(extra.sd(), "one value has no sample standard deviation");
        assertEquals(0.05, extra.median(), EPS);
        assertNull(extra.truth());
        assertNull(extra.medianError());

        TermStatistics never = u.term("1");
        assertEquals(0, never.selected());
        assertNull(never.mean());
        assertNull(never.median());
        assertEquals(0.0, never.frequencyInterval().low(), EPS);

        FieldStatistics noisy = s.configurations().get(1).field("u"); // u_xx 0.2 once of 2
        assertEquals(0.2, noisy.term("u_xx").median(), EPS);
        assertEquals(1.0, noisy.term("u_xx").medianError(), EPS, "|0.2 - 0.1| / 0.1");
    }

    @Test
    void consensusEquationsAgainstTheTruth() {
        SweepSummary s = burgers;
        var c0 = s.configurations().get(0).field("u").consensus();
        assertEquals(List.of("u_xx", "u*u_x"), c0.terms(), "u in 1 of 3 finished runs stays out");
        assertEquals(List.of(0.1, -1.0), c0.coefficients());
        assertEquals("u_t = 0.1*u_xx - u*u_x".replace("- u", "- 1*u"), c0.equation());
        assertTrue(c0.correctSupport());
        assertEquals(0.0, c0.errors().get("u_xx"), EPS);

        var c1 = s.configurations().get(1).field("u").consensus();
        assertEquals(List.of("u", "u_xx", "u*u_x"), c1.terms(), "1 of 2 is a tie at 0.5: in");
        assertEquals(List.of(3.0, 0.2, -0.5), c1.coefficients());
        assertFalse(c1.correctSupport());
        assertEquals(Map.of("u_xx", 1.0, "u*u_x", 0.5), c1.errors());

        var c2 = s.configurations().get(2).field("u").consensus();
        assertEquals(List.of(), c2.terms(), "nothing selected: an empty equation");
        assertEquals("u_t = 0", c2.equation());
        assertFalse(c2.correctSupport());
        assertEquals(Map.of("u_xx", 1.0, "u*u_x", 1.0), c2.errors(), "a missing true term is 100 % off");

        assertTrue(s.consensusTable().contains("noise=0.5, estimator=stability: no finished run"),
                s.consensusTable());
    }

    /** The threshold on crafted frequencies: u is in 1 of 3 finished runs of the first configuration, 1 of 2 of the second. */
    @ParameterizedTest
    @CsvSource({
        "0.3333333333333333, true, true",
        "0.34, false, true",
        "0.51, false, false",
    })
    void consensusThresholdCountsTiesAsIn(double threshold, boolean inFirst, boolean inSecond) {
        SweepSummary s = summarise(SweepFixtures.burgers(), threshold);
        assertEquals(threshold, s.consensusThreshold(), 0);
        assertEquals(inFirst, s.configurations().get(0).field("u").consensus().terms().contains("u"));
        assertEquals(inSecond, s.configurations().get(1).field("u").consensus().terms().contains("u"));
    }

    @Test
    void holdsUpToTheHighestNoiseWhereEveryLevelUpToItSucceeds() {
        SweepSummary s = burgers;
        assertEquals(2, s.holdsUpTo().size());
        // stability: 0.0 -> 1/1, 0.5 -> 0/1 (its run failed)
        SweepSummary.NoiseLimit stability = s.holdsUpTo().get(0);
        assertEquals(Map.of("estimator", "stability"), stability.others());
        assertEquals(0.0, stability.holds90(), EPS);
        assertEquals(0.0, stability.holds50(), EPS);
        // threshold: 0.0 -> 2/4, 0.5 -> 1/2, 1.0 -> 0/2
        SweepSummary.NoiseLimit threshold = s.holdsUpTo().get(1);
        assertEquals(Map.of("estimator", "threshold"), threshold.others());
        assertNull(threshold.holds90(), "already the lowest noise is below 90 %");
        assertEquals(0.5, threshold.holds50(), EPS);
    }

    @Test
    void twoFieldsHaveTheirOwnStatisticsAndConsensus() {
        SweepSummary s = summarise(SweepFixtures.twoFields(), 0.5);
        assertEquals(List.of("u", "v"), s.fields());
        var c = s.configurations().get(0);
        assertEquals("(base)", c.configuration());
        assertEquals(1, c.correct(), "seed 1 gets v wrong, so the run is wrong");
        FieldStatistics u = c.field("u");
        FieldStatistics v = c.field("v");
        assertEquals(Map.of("u_xx", 0.1), u.truth());
        assertEquals(Map.of("v_xx", 0.2), v.truth());
        assertEquals(2, u.correct());
        assertEquals(1, v.correct());
        assertEquals(0.105, u.term("u_xx").median(), EPS);
        assertEquals(0, v.term("u_xx").selected(), "u_xx is a term of u's equation, not v's");
        assertEquals(List.of("u_xx"), u.consensus().terms());
        assertTrue(u.consensus().correctSupport());
        assertEquals(0.05, u.consensus().errors().get("u_xx"), EPS);
        assertEquals(List.of("u", "v_xx"), v.consensus().terms(), "u in 1 of 2: a tie, in");
        assertEquals(0.25, v.consensus().coefficients().get(1), EPS);
        assertFalse(v.consensus().correctSupport());
        assertEquals(0.25, v.consensus().errors().get("v_xx"), EPS);
        assertTrue(s.holdsUpTo().isEmpty(), "no noise axis");
    }

    /** summary.json, statistics.parquet and the results table hold the same numbers. */
    @Test
    void summaryStatisticsAndResultsAgree() throws Exception {
        SweepFixtures.Sweep sweep = SweepFixtures.burgers();
        ResultStore store = new ResultStore(dir.resolve("out").toString(), new Configuration());
        SweepSummary written = SweepOutputs.write(spark, store, sweep.index(), sweep.results());
        SweepSummary read = SweepChecks.readSummary(store);
        assertEquals(written, read, "summary.json round-trips");

        List<Row> stats = spark.read().parquet(dir.resolve("out/statistics.parquet").toString())
                .filter("configuration = 'noise=0.0, estimator=threshold' and term = 'u*u_x'").collectAsList();
        assertEquals(1, stats.size());
        assertEquals(-1.09, stats.get(0).<Double>getAs("p5"), EPS);
        assertEquals("0.0", stats.get(0).getAs("noise"));
        assertEquals(3L, stats.get(0).<Long>getAs("selected"));

        Row run = spark.read().parquet(dir.resolve("out/results.parquet").toString())
                .filter("runId = 'n0.0-threshold-1'").first();
        assertEquals(List.of(0.0, 0.0, 0.12, -0.9), run.getList(run.fieldIndex("estimatorCoefficients")));
        assertEquals(1e-5, run.<Double>getAs("reg"), 0);
        assertEquals(0.2, run.<scala.collection.Map<String, Double>>getAs("coefficientErrors").apply("u_xx"), EPS);
    }
}
