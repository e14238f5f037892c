package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.deepmod.cli.CliRun;
import org.deepmod.cli.Main;
import org.deepmod.config.SweepFiles;
import org.deepmod.config.SweepPlan;
import org.deepmod.results.ResultStore;
import org.deepmod.storage.OutputLock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deepmod.CapturedOutput;

/**
 * Faults of the driver process, with real processes: the sweep runs in a JVM of its own (the command line, as
 * bin/deepmod starts it) that is killed with SIGKILL, interrupted with SIGINT, or raced by a second sweep.
 */
class ProcessFaultsTest {
    /** Four tiny runs on local[1]: they end one by one, so a fault lands between results. */
    /**
     * Four runs of 1500 iterations each that never stop early: a signal sent once the first result is there
     * finds the others still training, also on a loaded machine (100-iteration runs all ended before it).
     */
    private static final String FOUR_RUNS = SweepFiles.tiny("set: {training: {maxIterations: 1500, "
            + "writeIterations: 25, convergence: {patience: 100000}}}\naxes: {noise: [0.0, 0.1]}\nseeds: 2\n");
    private static final long BOUND_SECONDS = 240;

    @TempDir
    Path dir;

    private Process sweep(ChildJvm jvm, Path sweep, Path out, String... more) throws IOException {
        return sweep(jvm, dir.resolve("driver.log"), List.of(), sweep, out, more);
    }

    private Process sweep(ChildJvm jvm, Path log, List<String> jvmOptions, Path sweep, Path out, String... more)
            throws IOException {
        String[] args = {"sweep", sweep.toString(), "--master", "local[1]", "--out", out.toString(),
                "--conf", "spark.ui.enabled=false"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return jvm.deepmod(log, jvmOptions, all);
    }

    /** kill -9 of the driver between results, then --resume: exactly the runs without a result are trained. */
    @Test
    void aKilledDriverIsResumedTrainingExactlyTheMissingRuns() throws Exception {
        Path file = SparkTests.write(dir, "four.yaml", FOUR_RUNS);
        Path out = dir.resolve("out");
        Set<String> before;
        try (ChildJvm jvm = new ChildJvm()) {
            Process driver = sweep(jvm, file, out);
            ChildJvm.await(driver, dir.resolve("driver.log"), BOUND_SECONDS, "a result",
                    () -> ChildJvm.results(out) >= 1);
            driver.destroyForcibly(); // SIGKILL: no hook runs, the lock and _tmp stay behind
            assertTrue(driver.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, driver.exitValue());
        }
        assertTrue(Files.exists(out.resolve(OutputLock.NAME)), "the killed driver could not release its lock");
        ResultStore store = new ResultStore(out.toString(), new Configuration());
        before = new TreeSet<>(store.existing());
        assertTrue(before.size() >= 1 && before.size() < 4, before.toString());
        Map<String, Long> times = modificationTimes(out, before);

        SweepPlan plan = SparkTests.plan(file);
        SparkSession spark = SparkTests.session("local[2]");
        CapturedOutput log = new CapturedOutput();
        SweepJob.Outcome outcome;
        try {
            outcome = SweepJob.run(spark, plan, SweepJob.Options.of(out.toString(), true), log.out);
        } finally {
            spark.stop();
        }
        assertTrue(log.text().contains("taking over the lock"), log.text());
        assertTrue(log.text().contains("is gone"), log.text());
        assertEquals(before.size(), outcome.resumed());
        assertEquals(4 - before.size(), outcome.trained(), "exactly the runs without a result");
        SweepChecks.assertComplete(out.toString(), plan, new Configuration());
        assertEquals(times, modificationTimes(out, before), "a result that was there is not written again");
        assertFalse(Files.exists(out.resolve(OutputLock.NAME)), "the lock is released at the end");
    }

    /** A second sweep on a folder a live sweep holds stops at once, exit 2, naming the holder; the first ends well. */
    @Test
    void aSecondSweepOnTheSameFolderStopsAtOnceNamingTheFirst() throws Exception {
        // two runs are enough: the second sweep comes while the first holds the lock, before it trains
        Path file = SparkTests.write(dir, "two.yaml", SweepFiles.tiny("seeds: 2\n"));
        Path out = dir.resolve("out");
        try (ChildJvm jvm = new ChildJvm()) {
            Process first = sweep(jvm, file, out, "--resume");
            ChildJvm.await(first, dir.resolve("driver.log"), BOUND_SECONDS, "the lock",
                    () -> Files.exists(out.resolve(OutputLock.NAME)));

            CliRun second = CliRun.of("sweep", file.toString(), "--out", out.toString(), "--resume",
                    "--master", "local[1]", "--conf", "spark.ui.enabled=false");
            assertEquals(Main.EXIT_BAD_INPUT, second.code(), second.err());
            assertTrue(second.err().contains("another sweep or run is writing to this folder"), second.err());
            assertTrue(second.err().contains("pid " + first.pid()), second.err());
            assertTrue(second.err().contains(out.toString()), second.err());
            assertEquals(1, second.err().lines().count(), "one line: " + second.err());

            assertTrue(first.waitFor(BOUND_SECONDS, TimeUnit.SECONDS), "the first sweep ends");
            String log = Files.readString(dir.resolve("driver.log"));
            assertEquals(0, first.exitValue(), log);
            assertTrue(log.contains("2 to train"), log);
        }
        SweepChecks.assertComplete(out.toString(), SparkTests.plan(file), new Configuration());
        assertFalse(Files.exists(out.resolve(OutputLock.NAME)));
    }

    /** Ctrl-C: one line, exit 130, Spark's temporary folders removed, the lock released. */
    @Test
    void ctrlCStopsTheSweepWithOneLineAndExit130() throws Exception {
        Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored in this process tree (a non-interactive shell "
                + "started it in the background, '... &'), and the sweep inherits that: Ctrl-C cannot reach it");
        Path file = SparkTests.write(dir, "four.yaml", FOUR_RUNS);
        Path out = dir.resolve("out");
        Path local = Files.createDirectories(dir.resolve("spark-local"));
        try (ChildJvm jvm = new ChildJvm()) {
            Process driver = sweep(jvm, file, out, "--conf", "spark.local.dir=" + local);
            ChildJvm.await(driver, dir.resolve("driver.log"), BOUND_SECONDS, "a result",
                    () -> ChildJvm.results(out) >= 1);
            assertTrue(listing(local).length() > 0, "Spark's temporary folders while it runs");
            ChildJvm.signal(driver, "INT");
            assertTrue(driver.waitFor(60, TimeUnit.SECONDS), "Ctrl-C ends the sweep");
            String log = Files.readString(dir.resolve("driver.log"));
            assertEquals(Main.EXIT_INTERRUPTED, driver.exitValue(), log);
            assertTrue(log.contains("interrupted; resume with --resume"), log);
            assertFalse(log.contains("Exception"), log);
            assertFalse(log.contains("\tat "), log);
        }
        assertEquals("", listing(local), "Spark removed its temporary folders");
        assertFalse(Files.exists(out.resolve(OutputLock.NAME)), "the lock is released");
        assertTrue(ChildJvm.results(out) < 4, "interrupted before the end");
    }

    /**
     * SIGTERM (timeout, systemd, a scheduler's cancel) takes Ctrl-C's path: one line, exit 143, the lock and
     * the half-written files removed; then --resume trains exactly the runs without a result.
     */
    @Test
    void sigtermStopsTheSweepLikeCtrlCAndTheResumeTrainsExactlyTheRest() throws Exception {
        Path file = SparkTests.write(dir, "four.yaml", FOUR_RUNS);
        Path out = dir.resolve("out");
        try (ChildJvm jvm = new ChildJvm()) {
            Process driver = sweep(jvm, file, out);
            ChildJvm.await(driver, dir.resolve("driver.log"), BOUND_SECONDS, "a result",
                    () -> ChildJvm.results(out) >= 1);
            ChildJvm.signal(driver, "TERM");
            assertTrue(driver.waitFor(60, TimeUnit.SECONDS), "SIGTERM ends the sweep");
            String log = Files.readString(dir.resolve("driver.log"));
            assertEquals(Main.EXIT_TERMINATED, driver.exitValue(), log);
            assertTrue(log.contains("terminated; resume with --resume"), log);
            assertFalse(log.contains("Exception"), log);
            assertFalse(log.contains("\tat "), log);
        }
        assertFalse(Files.exists(out.resolve(OutputLock.NAME)), "the lock is released");
        // _tmp/ is deleted at exit, but a task thread still writing in that instant can leave a file in it (seen
        // once in this test); the resume clears it before anything trains, checked below
        Set<String> before = new TreeSet<>(new ResultStore(out.toString(), new Configuration()).existing());
        assertTrue(before.size() >= 1 && before.size() < 4, before.toString());
        Map<String, Long> times = modificationTimes(out, before);

        SweepChecks.resumeTrainsExactlyTheRest(file, out, 4, before.size());
        assertEquals(times, modificationTimes(out, before), "a result that was there is not written again");
        assertFalse(Files.exists(out.resolve(OutputLock.TEMPORARY)), "no half-written files left");
    }

    /**
     * A sweep paused past the lock's bound (SIGSTOP: a preempted or suspended job) has its lock taken over by a
     * --resume; when it continues (SIGCONT) it stops at once, exit 2, one line naming the new holder, and the
     * other sweep completes the folder. It used to go on and train every remaining run a second time. The
     * bounds are shortened for the test (heartbeat 1 s, stale after 5 s) by system properties.
     */
    @Test
    void aPausedSweepWhoseLockWasTakenOverStopsWhenItContinues() throws Exception {
        Path file = SparkTests.write(dir, "four.yaml", FOUR_RUNS);
        Path out = dir.resolve("out");
        List<String> shortBounds = List.of("-Ddeepmod.lock.heartbeat=1", "-Ddeepmod.lock.staleAfter=5");
        Path firstLog = dir.resolve("first.log");
        Path secondLog = dir.resolve("second.log");
        try (ChildJvm jvm = new ChildJvm()) {
            Process first = sweep(jvm, firstLog, shortBounds, file, out);
            ChildJvm.await(first, firstLog, BOUND_SECONDS, "a result", () -> ChildJvm.results(out) >= 1);
            ChildJvm.signal(first, "STOP");
            Path lock = out.resolve(OutputLock.NAME);
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() - Files.getLastModifiedTime(lock).toMillis() < 6_000) {
                assertTrue(System.currentTimeMillis() < deadline, "the paused sweep's heartbeat stops");
                Thread.sleep(200);
            }
            Process second = sweep(jvm, secondLog, shortBounds, file, out, "--resume");
            ChildJvm.await(second, secondLog, BOUND_SECONDS, "the take-over",
                    () -> read(secondLog).contains("taking over the lock"));
            ChildJvm.signal(first, "CONT");

            assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the first sweep stops once it continues");
            String log = Files.readString(firstLog);
            assertEquals(Main.EXIT_BAD_INPUT, first.exitValue(), log);
            assertTrue(log.contains("this command's lock was taken over by"), log);
            assertTrue(log.contains("pid " + second.pid()), log);
            assertFalse(log.contains("this sweep goes on"), log);
            assertFalse(log.contains("\tat "), log);

            assertTrue(second.waitFor(BOUND_SECONDS, TimeUnit.SECONDS), "the second sweep ends");
            String log2 = Files.readString(secondLog);
            assertEquals(0, second.exitValue(), log2);
            assertTrue(log2.contains("process " + first.pid()) || log2.contains("heartbeat is"), log2);
        }
        SweepChecks.assertComplete(out.toString(), SparkTests.plan(file), new Configuration());
        assertFalse(Files.exists(out.resolve(OutputLock.NAME)), "the second sweep released the lock");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private static String listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return String.join(" ", files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    private static Map<String, Long> modificationTimes(Path out, Set<String> ids) throws IOException {
        Map<String, Long> times = new java.util.TreeMap<>();
        for (String id : ids) {
            times.put(id, Files.getLastModifiedTime(out.resolve("runs/" + id + ".json")).toMillis());
        }
        return times;
    }

    /**
     * Whether this JVM was started with SIGINT ignored (Linux: bit 2 of SigIgn in /proc/self/status), as every
     * command started with '&' by a non-interactive shell is; the child JVMs inherit it and never see Ctrl-C.
     */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }
}
