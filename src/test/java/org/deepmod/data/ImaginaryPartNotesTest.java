package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The imaginary part reading drops from complex data is told as a note naming the file and the array, with the
 * largest imaginary part relative to the largest real one as the file holds it: the run's result keeps the note,
 * so that data that was not quite real is never used without a word.
 */
class ImaginaryPartNotesTest {
    private static final Configuration CONF = new Configuration();
    private static final ReadOptions PDE_FIND = new ReadOptions("t", List.of("x"), List.of("usol"));
    private static final Path DATA = Path.of(System.getProperty("deepmod.project.dir", ".")).resolve("data");

    @TempDir
    Path dir;

    private static List<String> notesOfReading(Path file, ReadOptions options) {
        List<String> notes = new ArrayList<>();
        DataFiles.read(file.toString(), CONF, options, notes::add);
        return notes;
    }

    /** DeePyMoD's own Burgers example, whose u is complex128 with an imaginary part of rounding. */
    @Test
    void deepymodsBurgersFileIsNotedWithTheRatioItHolds() {
        Path file = DATA.resolve("deepymod-burgers.npy");
        List<String> notes = notesOfReading(file, ReadOptions.defaults());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith(file + ": array 'u' is complex (dtype '<c16'); its imaginary part, up to "),
                notes.get(0));
        ImaginaryRatios.assertStated(ImaginaryRatios.ofPickledArray(file, "u"), notes.get(0));
    }

    /** As PDE-FIND's kdv.mat: a solver's rounding, about 2e-6 of the real part, spread unevenly over the grid. */
    @Test
    void aSolversNoiseIsDroppedAndItsLargestRatioNoted() {
        Path file = ComplexMatFiles.pdeFindShaped(dir.resolve("kdv-like.mat"),
                (i, j) -> 6e-5 * Math.sin(1 + 7 * i + 3 * j));
        List<String> notes = notesOfReading(file, PDE_FIND);
        assertEquals(1, notes.size(), notes.toString());
        String note = notes.get(0);
        assertTrue(note.startsWith(file + ": variable 'usol' is complex (MATLAB complex double); its imaginary part"),
                note);
        assertTrue(note.endsWith(" was dropped"), note);
        ImaginaryRatios.assertStated(ImaginaryRatios.ofMatVariable(file, "usol"), note);
    }

    /** complex: real takes the real part of a larger imaginary part: noted as such, with its size. */
    @Test
    void aLargerOneTheDatasetAsksToDropIsNotedWithItsRatio() {
        Path file = ComplexMatFiles.pdeFindShaped(dir.resolve("wave.mat"), (i, j) -> 0.3 * (1 + i) * Math.cos(i - j));
        List<String> notes = notesOfReading(file, PDE_FIND.withRealPartOfComplex());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).endsWith(" was dropped as the dataset's 'complex: real' asks"), notes.get(0));
        ImaginaryRatios.assertStated(ImaginaryRatios.ofMatVariable(file, "usol"), notes.get(0));
    }

    /** A complex dtype of an .npz, noted by its array and dtype. */
    @Test
    void aComplexArrayOfAnArchiveIsNotedByNameAndDtype() throws IOException {
        int[] grid = {2, 3};
        double[] real = {0.5, 1, 2, -10, 11, 12};
        double[] imaginary = {1e-9, -2.5e-5, 0, 1e-8, 0, 3e-6};
        Map<String, byte[]> arrays = Map.of("t", NpyBytes.npy(grid, 0, 1, 2, 0, 1, 2),
                "x", NpyBytes.npy(grid, 1, 1, 1, 4, 4, 4), "u", NpyBytes.npy(1, "<c16", false, grid, real, imaginary));
        Path file = Files.write(dir.resolve("complex.npz"), NpyBytes.npz(arrays, false));
        List<String> notes = notesOfReading(file, ReadOptions.defaults());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith(file + ": array 'u' is complex (dtype '<c16')"), notes.get(0));
        ImaginaryRatios.assertStated(largestAbsolute(imaginary) / largestAbsolute(real), notes.get(0));
    }

    /** Nothing dropped, nothing said: a complex variable whose imaginary part is zero, and real data. */
    @Test
    void dataThatLosesNothingLeavesNoNote() {
        Path zero = ComplexMatFiles.pdeFindShaped(dir.resolve("zero-imaginary.mat"), 0.0);
        assertEquals(List.of(), notesOfReading(zero, PDE_FIND));
        assertEquals(List.of(), notesOfReading(DATA.resolve("burgers-pdefind.npz"), ReadOptions.defaults()));
    }

    private static double largestAbsolute(double[] values) {
        return Arrays.stream(values).map(Math::abs).max().orElseThrow();
    }
}
