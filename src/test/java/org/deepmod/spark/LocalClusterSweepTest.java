package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.SweepPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.deepmod.CapturedOutput;
import org.deepmod.training.RunStatus;

/**
 * The same 8-run sweep on local-cluster[2,1,1024]: a Master and two Workers inside this JVM that launch two
 * real executor JVMs, so the tasks, DJL's start-up and the result writing happen in other processes with
 * other working folders. The Workers take Spark's jars from a stand-in SPARK_HOME (spark.test.home, filled
 * by the build) and our classes from spark.executor.extraClassPath. Then an executor JVM is killed (SIGKILL)
 * in the middle of a sweep.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterSweepTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        Path home = SparkTests.sparkHome();
        System.setProperty("spark.testing", "true");
        System.setProperty("spark.test.home", home.toString());
        spark = SparkTests.session("local-cluster[2,1,1024]",
                "spark.executor.extraClassPath=" + System.getProperty("java.class.path"),
                "spark.executor.memory=900m");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        System.clearProperty("spark.testing");
        System.clearProperty("spark.test.home");
    }

    @Test
    @Order(1)
    void theSweepCompletesInTwoExecutorJvms() throws IOException {
        SweepPlan plan = SparkTests.plan(SparkTests.EIGHT_RUNS);
        // a relative output folder: the executors, elsewhere, must get it qualified by the driver
        String output = Path.of("").toAbsolutePath().relativize(dir.resolve("out")).toString();
        CapturedOutput log = new CapturedOutput();
        SweepJob.Outcome outcome = SweepJob.run(spark, plan, SweepJob.Options.of(output, false), log.out);
        System.out.println(log.text());

        assertEquals(8, outcome.trained());
        assertEquals(3, spark.sparkContext().statusTracker().getExecutorInfos().length, "the driver and 2 executors");
        SweepChecks.assertComplete(dir.resolve("out").toString(), plan, new Configuration());
    }

    /**
     * kill -9 of an executor JVM while it trains: Spark retries its tasks elsewhere, and every run ends with
     * exactly one valid result (none FAILED), nothing half-written left behind.
     */
    @Test
    @Order(2)
    void anExecutorKilledMidSweepLeavesEveryRunExactlyOneResult() throws Exception {
        SweepPlan plan = SparkTests.plan(SparkTests.EIGHT_RUNS);
        Path out = dir.resolve("out");
        CapturedOutput log = new CapturedOutput();
        CompletableFuture<SweepJob.Outcome> sweep = CompletableFuture.supplyAsync(
                () -> SweepJob.run(spark, plan, SweepJob.Options.of(out.toString(), false), log.out));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (ChildJvm.results(out) < 1) {
            assertTrue(System.nanoTime() < deadline && !sweep.isDone(), "a first result in time: " + log.text());
            Thread.sleep(50);
        }
        List<ProcessHandle> executors = ProcessHandle.current().descendants()
                .filter(p -> commandLine(p).contains("CoarseGrainedExecutorBackend")).toList();
        assertEquals(2, executors.size(), "two executor JVMs");
        ProcessHandle victim = executors.get(0);
        assertTrue(victim.destroyForcibly(), "SIGKILL sent");
        victim.onExit().get(30, TimeUnit.SECONDS);
        assertNotEquals(true, victim.isAlive());

        SweepJob.Outcome outcome = sweep.get(300, TimeUnit.SECONDS);
        System.out.println(log.text());
        assertEquals(8, outcome.trained());
        Map<String, RunResult> results = SweepChecks.assertComplete(out.toString(), plan, new Configuration());
        for (RunResult r : results.values()) {
            assertTrue(List.of(RunStatus.CONVERGED, RunStatus.MAX_ITERATIONS).contains(r.status()),
                    r.status() + ": " + r.reason());
        }
        assertEquals(0, outcome.unsuccessful());
    }

    /** The whole command line (Java's ProcessHandle.Info leaves out one as long as an executor's class path). */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(java.nio.file.Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // ended meanwhile
        }
    }
}
