package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.deepmod.cli.CliRun;
import org.deepmod.cli.Main;
import org.deepmod.config.SweepFiles;
import org.deepmod.results.ResultStore;
import org.deepmod.storage.OutputLock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real: the output folder on a 4 MB tmpfs (mounted here; the test is skipped where mount is
 * not allowed), filled by a file written until the kernel answers "No space left on device". Full at the start:
 * sweep and run stop with one line, exit 2. Full mid-sweep (a sweep in a JVM of its own): each run whose result
 * cannot be written is named, the sweep goes on to the end, nothing half-written is left, and a resume once
 * there is room trains exactly the runs without a result.
 */
class DiskFullTest {
    private static final long BOUND_SECONDS = 240;

    @TempDir
    Path dir;

    @Test
    void aFullDiskStopsAtTheStartAndCostsOnlyTheUnwrittenRunsMidSweep() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "mounting a tmpfs needs root");
        try {
            Path sweepFile = SparkTests.write(dir, "four.yaml", SweepFiles.tiny("axes: {noise: [0.0, 0.1]}\nseeds: 2\n"));
            Path runFile = SparkTests.write(dir, "run.yaml", "name: tiny\nsamples: 300\n");

            Path filler = fill(disk.resolve("filler"));
            for (String[] args : new String[][] {
                    {"sweep", sweepFile.toString(), "--out", disk.resolve("full").toString(), "--master", "local[1]"},
                    {"run", runFile.toString(), "--out", disk.resolve("full-run").toString()}}) {
                CliRun r = CliRun.of(args);
                assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.out() + r.err());
                assertTrue(r.err().contains(": cannot write results there (No space left on device)"), r.err());
                assertEquals(1, r.err().lines().count(), "one line: " + r.err());
            }
            Files.delete(filler);

            Path out = disk.resolve("out");
            Path log = dir.resolve("driver.log");
            Set<String> before;
            try (ChildJvm jvm = new ChildJvm()) {
                Process sweep = jvm.deepmod(log, "sweep", sweepFile.toString(), "--master", "local[1]",
                        "--out", out.toString(), "--conf", "spark.ui.enabled=false");
                ChildJvm.await(sweep, log, BOUND_SECONDS, "a result", () -> ChildJvm.results(out) >= 1);
                filler = fill(disk.resolve("filler"));
                assertTrue(sweep.waitFor(BOUND_SECONDS, TimeUnit.SECONDS), "the sweep goes on to its end");
                String text = Files.readString(log);
                ResultStore store = new ResultStore(out.toString(), new Configuration());
                before = new TreeSet<>(store.existing());
                assertTrue(before.size() < 4, "the disk filled before the last result: " + text);
                assertEquals(4 - before.size(), text.lines().filter(l -> l.contains(
                        ": FAILED, its result cannot be written: ") && l.contains("No space left on device")).count(),
                        "each unwritten run named once: " + text);
                assertEquals(Main.EXIT_BAD_INPUT, sweep.exitValue(), text);
                assertTrue(text.contains("cannot write the sweep's tables and report"), text);
                // Spark's own executor logs the failed write with its trace before the job fails; the command's
                // word on it is one line, with nothing after it
                assertFalse(text.substring(text.indexOf("cannot write the sweep's tables")).contains("\tat "), text);
                assertTrue(store.readValid(before).invalid().isEmpty(), "every result there is whole");
                assertFalse(Files.exists(out.resolve(OutputLock.TEMPORARY)), "nothing half-written is left");
                assertFalse(Files.exists(out.resolve(OutputLock.NAME)), "the lock is released");
            }

            Files.delete(filler);
            SweepChecks.resumeTrainsExactlyTheRest(sweepFile, out, 4, before.size());
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Writes the file until the disk is full; returns it. */
    private static Path fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            assertTrue(String.valueOf(e.getMessage()).contains("No space left on device"), e.toString());
        }
        return file;
    }
}
