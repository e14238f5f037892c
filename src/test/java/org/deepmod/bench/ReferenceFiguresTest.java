package org.deepmod.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The figures the benchmarks print beside their own are those of the measured tables in docs/reference-baseline.md. */
class ReferenceFiguresTest {
    private static final Path BASELINE = Path.of(System.getProperty("deepmod.project.dir", "."))
            .resolve("docs/reference-baseline.md");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "step.iteration.ms, 23.9, '| ordinary training iteration, 1600 points | 23.9 ms'",
        "step.full.ms, 29.0, '| full training step (forward, loss, backward, Adam), 2000 points | 29.0 ms'",
        "step.peakMemory.mib, 527, '| peak memory of the process | 527 MiB'",
        "run.burgers.iterations, 8226, '| 5 % | 8226 | 215.9 |'",
        "run.burgers.seconds, 215.9, '| 5 % | 8226 | 215.9 |'"})
    void eachFigureStandsInTheMeasuredTables(String key, double value, String row) throws IOException {
        assertEquals(value, ReferenceFigures.require(key), 0.0, key);
        assertTrue(Files.readString(BASELINE).contains(row), row + " not in " + BASELINE);
    }

    /** LassoCV's cost: a write iteration, which runs it once, less an ordinary iteration. */
    @Test
    void theEstimatorsCostIsTheWriteIterationsExtra() throws IOException {
        String row = "| every 25th iteration (adds LassoCV) | 61.5 ms";
        assertTrue(Files.readString(BASELINE).contains(row), row + " not in " + BASELINE);
        assertEquals(61.5 - ReferenceFigures.require("step.iteration.ms"), ReferenceFigures.require("sparse.lasso-cv.ms"),
                1e-9);
    }
}
