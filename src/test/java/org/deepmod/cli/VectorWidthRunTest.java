package org.deepmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepmod.nn.VectorWidth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run gives the same trace, to the byte, with the kernels at 256 bits (AVX2's 8 floats) and at 512 (AVX-512's
 * 16), whichever this machine prefers: the same config gives the same numbers on either kind of machine. The
 * wider layers' pad units add exact zeros, the output layer's dot products add in eight partial sums and the
 * tiles hold as many samples at either width (org.deepmod.nn.JetKernels, JetMlp).
 */
class VectorWidthRunTest {
    @Test
    void aRunIsTheSameAtEitherVectorWidth(@TempDir Path dir) throws IOException, InterruptedException {
        Path narrow = CommandLineTest.launch(dir.resolve("256"), "-D" + VectorWidth.PROPERTY + "=256");
        Path wide = CommandLineTest.launch(dir.resolve("512"), "-D" + VectorWidth.PROPERTY + "=512");
        List<String> trace = Files.readAllLines(narrow.resolve("trace.jsonl"));
        assertEquals(3, trace.size(), "a header and iterations 0 and 25");
        assertEquals(trace, Files.readAllLines(wide.resolve("trace.jsonl")));
    }
}
