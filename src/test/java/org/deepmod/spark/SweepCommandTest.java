package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.deepmod.cli.Main;
import org.deepmod.config.SweepFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deepmod sweep with bad input: exit code 2 and every problem named, before any Spark starts. */
class SweepCommandTest {

    @TempDir
    Path dir;

    private static String stderrOf(Runnable command) {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            command.run();
        } finally {
            System.setErr(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBadSweepFileExitsWithTwoAndNamesTheFileAndEveryPath() throws Exception {
        Path file = SparkTests.write(dir, "bad.yaml",
                SweepFiles.tiny("axes: {noise: [0.0, 20], network.hidden: [[8], [0]]}\nseeds: -1\n"));
        int[] exit = new int[1];
        String err = stderrOf(() -> exit[0] = Main.execute("sweep", file.toString()));
        assertEquals(Main.EXIT_BAD_INPUT, exit[0]);
        assertTrue(err.contains(file + ": "), err);
        assertTrue(err.contains("seeds: -1 is out of range"), err);
    }

    @Test
    void aMissingDataFileIsBadInputBeforeAnyRun() throws Exception {
        String yaml = SweepFiles.tiny("seeds: 2\n").replace("  dataset: {type: burgers-delta, t: {start: 0.5, stop: "
                + "5.0, count: 20}, x: {start: -3.0, stop: 4.0, count: 40}}", "  dataset: {type: file, path: nowhere.npz}");
        Path file = SparkTests.write(dir, "missing.yaml", yaml);
        int[] exit = new int[1];
        String err = stderrOf(() -> exit[0] = Main.execute("sweep", file.toString(), "--out", dir.resolve("o").toString()));
        assertEquals(Main.EXIT_BAD_INPUT, exit[0]);
        assertTrue(err.contains("base.dataset.path: nowhere.npz: no such data file"), err);
    }

    @Test
    void aMissingSweepFileIsBadInput() {
        int[] exit = new int[1];
        String err = stderrOf(() -> exit[0] = Main.execute("sweep", dir.resolve("none.yaml").toString()));
        assertEquals(Main.EXIT_BAD_INPUT, exit[0]);
        assertTrue(err.contains("none.yaml: no such file"), err);
    }
}
