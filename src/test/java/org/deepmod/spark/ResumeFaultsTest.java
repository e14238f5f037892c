package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.deepmod.cli.CliRun;
import org.deepmod.cli.Main;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.SweepConfig;
import org.deepmod.config.SweepFiles;
import org.deepmod.config.SweepPlan;
import org.deepmod.results.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deepmod.training.RunStatus;

/**
 * What --resume does with what it finds, through the command line: result files that are not results
 * (truncated, {@code {}}), a FAILED run (with and without --retry-failed), and a data file corrected in place.
 * Also the sweep's exit codes: 0 all runs done, 3 some FAILED.
 */
class ResumeFaultsTest {
    private static final String FOUR_RUNS = SweepFiles.tiny("axes: {noise: [0.0, 0.1]}\nseeds: 2\n");

    @TempDir
    Path dir;

    private static CliRun sweep(Path file, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", file.toString(), "--out", out.toString(),
                "--master", "local[2]", "--conf", "spark.ui.enabled=false"));
        args.addAll(Arrays.asList(more));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        System.out.println(r.out() + r.err());
        return r;
    }

    @Test
    void corruptResultsAreSetAsideAndRetrainedAndFailedRunsOnlyWithRetryFailed() throws Exception {
        Path file = SparkTests.write(dir, "four.yaml", FOUR_RUNS);
        Path out = dir.resolve("out");
        assertEquals(Main.EXIT_OK, sweep(file, out).code());
        SweepPlan plan = SparkTests.plan(file);
        List<String> ids = plan.runs().stream().map(r -> r.runId()).toList();
        Path truncated = out.resolve("runs/" + ids.get(0) + ".json");
        Path empty = out.resolve("runs/" + ids.get(1) + ".json");
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2)); // a disk that filled up
        Files.writeString(empty, "{}");
        // a run Spark gave up on, recorded FAILED as the driver records it
        ResultStore store = new ResultStore(out.toString(), new Configuration());
        store.write(RunResult.failed(new RunResult.Identity(ids.get(2), "tiny-burgers",
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(plan.runs().get(2).configJson())),
                "Spark gave the task up: executor lost", 0));

        CliRun report = CliRun.of("report", out.toString());
        assertEquals(Main.EXIT_OK, report.code(), report.err());
        assertTrue(report.err().contains(truncated + ": not JSON"), report.err());
        assertTrue(report.err().contains(empty + ": runId: missing"), report.err());

        CliRun resumed = sweep(file, out, "--resume");
        assertEquals(Main.EXIT_RUNS_UNSUCCESSFUL, resumed.code(), "the FAILED run is kept: " + resumed.err());
        assertTrue(resumed.out().contains("4 runs planned, 2 resumed, 2 to train"), resumed.out());
        assertTrue(resumed.out().contains("not a valid result, moved to"), resumed.out());
        assertTrue(resumed.out().contains("1 run(s) FAILED or DIVERGED"), resumed.out());
        SweepChecks.assertComplete(out.toString(), plan, new Configuration());
        try (Stream<Path> aside = Files.list(out.resolve("runs/" + ResultStore.INVALID))) {
            List<String> names = aside.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(4, names.size(), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith(ids.get(0)) && n.endsWith(".reason.txt")), names.toString());
            Path reason = out.resolve("runs/" + ResultStore.INVALID).resolve(names.stream()
                    .filter(n -> n.startsWith(ids.get(1)) && n.endsWith(".reason.txt")).findFirst().orElseThrow());
            assertTrue(Files.readString(reason).contains("runId: missing"), Files.readString(reason));
        }

        CliRun retried = sweep(file, out, "--resume", "--retry-failed");
        assertEquals(Main.EXIT_OK, retried.code(), retried.err());
        assertTrue(retried.out().contains("--retry-failed: 1 FAILED run(s) are trained again"), retried.out());
        assertTrue(retried.out().contains("3 resumed, 1 to train"), retried.out());
        assertEquals(RunStatus.MAX_ITERATIONS, store.read(ids.get(2)).status());
    }

    /** A corrupt data file fails its runs (exit 3); corrected at the same path, --resume sees it and retrains them. */
    @Test
    void aDataFileCorrectedInPlaceIsNoticedOnResume() throws Exception {
        Path data = dir.resolve("burgers.npz");
        Files.writeString(data, "not a numpy file");
        Path file = SparkTests.write(dir, "file.yaml", SparkTests.withDataFile(SweepFiles.tiny("seeds: 2\n"),
                data.toString()));
        Path out = dir.resolve("out");
        CliRun broken = sweep(file, out);
        assertEquals(Main.EXIT_RUNS_UNSUCCESSFUL, broken.code(), broken.err());
        assertTrue(broken.out().contains("2 run(s) FAILED or DIVERGED"), broken.out());

        Files.copy(SparkTests.PROJECT.resolve("data/burgers-pdefind.npz"), data,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(data, FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
        CliRun resumed = sweep(file, out, "--resume");
        assertEquals(Main.EXIT_OK, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("burgers.npz changed since 2 result(s) were trained on it (16 bytes"),
                resumed.out());
        assertTrue(resumed.out().contains("0 resumed, 2 to train"), resumed.out());
        SweepPlan plan = SweepPlan.expand(SweepConfig.read(file), new HadoopDataPaths(new Configuration()));
        Map<String, RunResult> results = SweepChecks.assertComplete(out.toString(), plan, new Configuration());
        String now = DataFingerprints.fingerprint(
                DataFingerprints.dataFile(plan.runs().get(0).configJson()).orElseThrow(), new Configuration());
        for (RunResult r : results.values()) {
            assertEquals(RunStatus.MAX_ITERATIONS, r.status(), r.reason());
            String fingerprint = r.identity().dataFingerprint();
            assertTrue(fingerprint.startsWith(Files.size(data) + " bytes"), fingerprint);
            // what the next --resume compares: equal, so an unchanged file is not trained again
            assertEquals(now, fingerprint);
        }
    }
}
