package org.deepmod.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deepmod.training.RunStatus;

class CommandLineTest {
    private static final Path PROJECT = Path.of(System.getProperty("deepmod.project.dir", "."));

    /** Runs the command line in this JVM, capturing both streams. */
    static Result execute(String... args) {
        CliRun r = CliRun.of(args);
        return new Result(r.code(), r.out(), r.err());
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void launcherHelpListsTheContractCommands() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PROJECT.resolve("bin/deepmod").toString(), "--help")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), text);
        for (String command : new String[] {"run", "sweep", "report", "sparse", "bench"}) {
            assertTrue(text.contains("  " + command + " "), command + " missing from:\n" + text);
        }
    }

    /**
     * The same config gives the same trace, to the byte, whether the kernels run compiled by C2 or only by C1
     * (where the Vector API computes lane by lane): nothing in a run depends on when the JIT compiles what.
     */
    @Test
    void aRunIsTheSameWhateverTheJitCompiles(@TempDir Path dir) throws IOException, InterruptedException {
        Path c2 = launch(dir.resolve("c2"), "");
        Path c1 = launch(dir.resolve("c1"), "-XX:TieredStopAtLevel=1");
        List<String> compiled = Files.readAllLines(c2.resolve("trace.jsonl"));
        assertEquals(3, compiled.size(), "a header and iterations 0 and 25");
        assertEquals(compiled, Files.readAllLines(c1.resolve("trace.jsonl")));
    }

    static Path launch(Path out, String javaOptions) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PROJECT.resolve("bin/deepmod").toString(), "run",
                PROJECT.resolve("configs/burgers.yaml").toString(), "--set", "training.maxIterations=30",
                // a small problem with both of a step's passes (data and collocation points): a JVM limited to
                // C1 runs the vector kernels without intrinsics, hundreds of times slower
                "--set", "samples=800", "--set", "collocation.points=200",
                "--out", out.toString()).redirectErrorStream(true);
        builder.environment().put("DEEPMOD_JAVA_OPTS", javaOptions);
        Process p = builder.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), text);
        return out;
    }

    @Test
    void badConfigExitsTwoNamingThePath(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "noise: 0.05\nnetwork: {hidden: [50, 50], activation: relu}\n");
        Result r = execute("run", config.toString(), "--out", dir.resolve("out").toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("network.activation"), r.err());
        assertTrue(r.err().contains("bad.yaml"), r.err());
        assertTrue(!Files.exists(dir.resolve("out").resolve("result.json")), "nothing trains on a bad config");
    }

    @Test
    void badSettingExitsTwo(@TempDir Path dir) {
        Result r = execute("run", PROJECT.resolve("configs/burgers.yaml").toString(), "--set", "samples=-5",
                "--out", dir.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("samples: -5 is out of range"), r.err());
    }

    @Test
    void missingConfigFileExitsTwo(@TempDir Path dir) {
        Result r = execute("run", dir.resolve("nope.yaml").toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("nope.yaml: no such file"), r.err());
    }

    /** A learning rate of 10 blows the network up: the run is marked DIVERGED and its result still written. */
    @Test
    void divergingRunIsMarkedAndRecorded(@TempDir Path dir) throws IOException {
        Result r = execute("run", PROJECT.resolve("configs/burgers.yaml").toString(), "--out", dir.toString(),
                "--set", "optimizer.lr=10", "--set", "network.hidden=[20,20]", "--set", "samples=500",
                "--set", "training.maxIterations=500");
        assertEquals(Main.EXIT_FAILURE, r.code(), r.out() + r.err());
        JsonNode result = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
        assertEquals(RunStatus.DIVERGED.name(), result.get("status").asText());
        assertTrue(result.get("iterations").asInt() < 500, "stopped at the divergence");
        assertTrue(result.get("reason").asText().contains("the loss became"), result.get("reason").asText());
        // the trace is streamed: it holds the header and every write iteration before the divergence
        List<String> trace = Files.readAllLines(dir.resolve("trace.jsonl"));
        assertTrue(trace.size() >= 2, "header and at least one iteration: " + trace.size() + " lines");
        int last = new ObjectMapper().readTree(trace.get(trace.size() - 1)).get("iteration").asInt();
        assertTrue(last < result.get("iterations").asInt(), "last traced iteration " + last);
    }

    /**
     * report rebuilds a run folder's pictures and equation from result.json and trace.jsonl alone: the pictures
     * it draws are, pixel for pixel, those the run drew.
     */
    @Test
    void reportRebuildsARunFolder(@TempDir Path dir) throws IOException {
        Result run = execute("run", PROJECT.resolve("configs/burgers.yaml").toString(), "--out", dir.toString(),
                "--set", "network.hidden=[20,20]", "--set", "samples=500", "--set", "training.maxIterations=60");
        assertEquals(Main.EXIT_OK, run.code(), run.out() + run.err());
        int[] mask = pixels(dir.resolve("mask.png"));
        int[] loss = pixels(dir.resolve("loss.png"));
        Files.delete(dir.resolve("mask.png"));
        Files.delete(dir.resolve("loss.png"));
        JsonNode result = new ObjectMapper().readTree(dir.resolve("result.json").toFile());

        Result report = execute("report", dir.toString());
        assertEquals(Main.EXIT_OK, report.code(), report.err());
        assertArrayEquals(mask, pixels(dir.resolve("mask.png")), "mask.png redrawn differently");
        assertArrayEquals(loss, pixels(dir.resolve("loss.png")), "loss.png redrawn differently");
        assertTrue(report.out().contains(result.get("equation").asText()), report.out());
        assertTrue(report.out().contains("MAX_ITERATIONS after 60 iterations"), report.out());
    }

    /** A PNG's pixels; fails unless it decodes to a picture of more than one colour. */
    private static int[] pixels(Path png) throws IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(image != null, png + " does not decode");
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        assertTrue(java.util.Arrays.stream(rgb).distinct().count() > 1, png + " is blank");
        return rgb;
    }

    @Test
    void reportOnAFolderWithoutResultsExitsTwo(@TempDir Path dir) {
        Result r = execute("report", dir.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(dir + ": neither result.json"), r.err());
    }
}
