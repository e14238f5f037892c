package org.deepmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deepmod.training.RunStatus;

/**
 * deepmod run in its own JVM with a small heap (DEEPMOD_HEAP=256m): a grid too large for it is refused before
 * anything is generated, with the figure; a file whose size the estimate cannot see still ends in a FAILED
 * result.json (exit 1), not a raw OutOfMemoryError.
 */
class RunMemoryTest {
    private static final Path PROJECT = Path.of(System.getProperty("deepmod.project.dir", "."));

    @TempDir
    Path dir;

    private record Launch(int exit, String output) {
    }

    private Launch runWithSmallHeap(Path config) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PROJECT.resolve("bin/deepmod").toString(), "run",
                config.toString(), "--out", dir.resolve("out").toString()).redirectErrorStream(true);
        builder.environment().put("DEEPMOD_HEAP", "256m");
        Process p = builder.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        return new Launch(p.exitValue(), text);
    }

    @Test
    void aGridTooLargeForTheHeapIsRefusedWithTheFigure() throws Exception {
        // 4 000 000 points, all of them used: about 4.5 GB by the estimate
        Path config = Files.writeString(dir.resolve("huge.yaml"), "dataset: {type: burgers-delta, "
                + "t: {start: 0.5, stop: 5.0, count: 2000}, x: {start: -3.0, stop: 4.0, count: 2000}}\nsamples: 0\n"
                + "network: {hidden: [16, 16]}\ntraining: {maxIterations: 2}\n");
        Launch r = runWithSmallHeap(config);
        assertEquals(Main.EXIT_BAD_INPUT, r.exit(), r.output());
        assertTrue(r.output().matches("(?s).*huge\\.yaml: the run needs about \\d+\\.\\d GB of memory .* more than the "
                + "0\\.\\d GB this JVM may use.*"), r.output());
        assertFalse(r.output().contains("OutOfMemoryError"), r.output());
        assertFalse(Files.exists(dir.resolve("out/result.json")), "nothing ran");
    }

    @Test
    void anOutOfMemoryErrorStillWritesAFailedResult() throws Exception {
        // a file's points are unknown until it is read: 800 000 rows pass the estimate, then fill the heap
        Path data = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(data)) {
            out.write("t,x,u\n");
            for (int i = 0; i < 800_000; i++) {
                double t = (i / 1000) * 0.01;
                double x = (i % 1000) * 0.01;
                out.write(String.format(Locale.ROOT, "%.2f,%.2f,%.5f%n", t, x, Math.sin(x - t)));
            }
        }
        Path config = Files.writeString(dir.resolve("file.yaml"), "dataset: {type: file, path: " + data
                + ", fields: [u]}\nsamples: 0\nnetwork: {hidden: [16, 16]}\ntraining: {maxIterations: 2}\n");
        Launch r = runWithSmallHeap(config);
        assertEquals(Main.EXIT_FAILURE, r.exit(), r.output());
        JsonNode result = new ObjectMapper().readTree(dir.resolve("out/result.json").toFile());
        assertEquals(RunStatus.FAILED.name(), result.get("status").asText());
        assertTrue(result.get("reason").asText().startsWith("out of memory (Java heap space)"), result.toString());
        assertTrue(r.output().contains("result.json: FAILED, out of memory"), r.output());
        assertFalse(r.output().contains("\tat "), "no stack trace: " + r.output());
    }
}
