package org.deepmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deepmod.nn.kernel.VectorWidth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run gives the same trace, to the byte, with the kernels at 256 bits (AVX2's 8 floats) and at 512 (AVX-512's
 * 16), whichever this machine prefers: the same config gives the same numbers on either kind of machine. The
 * wider layers' pad units add exact zeros, the output layer's dot products add in eight partial sums and the
 * tiles hold as many samples at either width (org.deepmod.nn.kernel.HiddenLayerKernel, org.deepmod.nn.JetMlp).
 */
class VectorWidthRunTest {
    private static final Path PROJECT = Path.of(System.getProperty("deepmod.project.dir", "."));

    @Test
    void aRunIsTheSameAtEitherVectorWidth(@TempDir Path dir) throws IOException, InterruptedException {
        Path narrow = CommandLineTest.launch(dir.resolve("256"), "-D" + VectorWidth.PROPERTY + "=256");
        Path wide = CommandLineTest.launch(dir.resolve("512"), "-D" + VectorWidth.PROPERTY + "=512");
        List<String> trace = Files.readAllLines(narrow.resolve("trace.jsonl"));
        assertEquals(3, trace.size(), "a header and iterations 0 and 25");
        assertEquals(trace, Files.readAllLines(wide.resolve("trace.jsonl")));
    }

    /** {@code bench step --vector-bits} measures at the width it names, whatever the CPU prefers. */
    @ParameterizedTest(name = "{0} bits")
    @ValueSource(strings = {"256", "512"})
    void benchStepRunsAtTheWidthItIsGiven(String bits) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PROJECT.resolve("bin/deepmod").toString(), "bench", "step", "--no-autograd",
                "--points", "200", "--steps", "25", "--warmup", "25", "--vector-bits", bits).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), text);
        int lanes = Integer.parseInt(bits) / Float.SIZE;
        assertTrue(text.contains(", " + bits + "-bit vectors (" + lanes + " floats"), text);
    }
}
