package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PDE-FIND Burgers data shipped in data/ (x 256 × t 101, u stored in Fortran order). */
class BurgersPdeFindFileTest {

    private static final Path PROJECT = Paths.get(System.getProperty("deepmod.project.dir", "."));
    private static final Path FILE = PROJECT.resolve("data/burgers-pdefind.npz");
    private static Dataset data;

    @BeforeAll
    static void read() {
        data = DataFiles.read(FILE.toString(), new Configuration());
    }

    @Test
    void holdsEveryGridPointWithTheRightRanges() {
        assertEquals(25_856, data.size());
        assertEquals(List.of("t", "x"), data.coordNames());
        assertEquals(List.of("u"), data.targetNames());
        double[] t = data.coordColumn(0);
        double[] x = data.coordColumn(1);
        assertEquals(0, Arrays.stream(t).min().orElseThrow());
        assertEquals(10, Arrays.stream(t).max().orElseThrow(), 1e-12);
        assertEquals(-8, Arrays.stream(x).min().orElseThrow());
        assertEquals(7.9375, Arrays.stream(x).max().orElseThrow());
    }

    /** Values checked against numpy: x along axis 0, t along axis 1, so time is fastest after flattening. */
    @Test
    void flattensWithTimeFastestAndUndoesTheFortranOrderOfU() {
        assertArrayEquals(new double[] {0, -8}, data.coords()[0]);
        assertArrayEquals(new double[] {0.1, -8}, data.coords()[1]);
        assertArrayEquals(new double[] {0, -7.9375}, data.coords()[101]);
        assertEquals(0.30087193476341956, data.target(100 * 101 + 50, 0)); // u[100, 50]
        assertEquals(0.00017293490768264565, data.target(255 * 101 + 100, 0)); // u[255, 100]
        assertEquals(1.0, data.target(96 * 101, 0)); // the maximum, u[96, 0]
        double mean = Arrays.stream(data.targetColumn(0)).sum() / data.size();
        assertEquals(0.11077836568159465, mean, 1e-15);
    }

    /** Configs name it relative to the project, as a plain local path; Hadoop resolves that against user.dir. */
    @Test
    void readsThroughARelativePathAsConfigsGiveIt() {
        assumeTrue(Files.exists(Paths.get("data/burgers-pdefind.npz")), "tests not run from the project folder");
        assertEquals(25_856, DataFiles.read("data/burgers-pdefind.npz", new Configuration()).size());
    }

    /** The project's copy is the one configs read; it must not drift from the shared original. */
    @Test
    void projectCopyMatchesTheSharedOriginal() throws IOException {
        Path shared = PROJECT.resolve("../shared/data/burgers-pdefind.npz");
        assumeTrue(Files.exists(shared), "no shared/ folder beside the project");
        assertArrayEquals(Files.readAllBytes(shared), Files.readAllBytes(FILE));
    }
}
