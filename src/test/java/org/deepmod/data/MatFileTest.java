package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.hadoop.conf.Configuration;
import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

/**
 * MATLAB level-5 files written by MFL in PDE-FIND's shape: a complex field usol (x rows, t columns) whose
 * imaginary part is zero, x a column vector, t a column vector; read back into points through the config's
 * names.
 */
class MatFileTest {

    private static final Configuration CONF = new Configuration();
    private static final int NX = 16;
    private static final int NT = 11;
    private static final ReadOptions PDE_FIND = new ReadOptions("t", java.util.List.of("x"), java.util.List.of("usol"));

    @TempDir
    Path dir;

    private static double x(int i) {
        return -8 + i * 0.5;
    }

    private static double t(int j) {
        return j * 0.1;
    }

    private static double u(int i, int j) {
        return Math.sin(x(i)) * Math.exp(-t(j)) + 100 * i + j; // every value tells where it came from
    }

    /** The file PDE-FIND ships, shrunk: usol NX×NT complex, x NX×1, t NT×1; optionally an imaginary part. */
    private String pdeFindFile(String name, double imaginary, int xLength, boolean compressed) throws IOException {
        Matrix usol = Mat5.newComplex(NX, NT);
        for (int i = 0; i < NX; i++) {
            for (int j = 0; j < NT; j++) {
                usol.setDouble(i, j, u(i, j));
                usol.setImaginaryDouble(i, j, i == 3 && j == 4 ? imaginary : 0.0);
            }
        }
        Matrix x = Mat5.newMatrix(xLength, 1);
        for (int i = 0; i < xLength; i++) {
            x.setDouble(i, 0, x(i));
        }
        Matrix t = Mat5.newMatrix(NT, 1);
        for (int j = 0; j < NT; j++) {
            t.setDouble(j, 0, t(j));
        }
        MatFile mat = Mat5.newMatFile().addArray("usol", usol).addArray("x", x).addArray("t", t)
                .addArray("label", Mat5.newString("burgers"));
        if (!compressed) {
            mat = Mat5.newMatFile();
            mat.addEntry(new MatFile.Entry("usol", false, usol));
        }
        Path file = dir.resolve(name);
        Mat5.writeToFile(mat, file.toFile());
        return file.toString();
    }

    @Test
    void readsPdeFindsLayoutWithTimeFastest() throws IOException {
        Dataset data = DataFiles.read(pdeFindFile("burgers.mat", 0.0, NX, true), CONF, PDE_FIND);
        assertEquals(NX * NT, data.size());
        for (int i = 0; i < NX; i++) {
            for (int j = 0; j < NT; j++) {
                int point = i * NT + j;
                assertEquals(t(j), data.coord(point, 0), 0.0);
                assertEquals(x(i), data.coord(point, 1), 0.0);
                assertEquals(u(i, j), data.target(point, 0), 0.0);
            }
        }
    }

    @Test
    void readsTheSameAsTheNpzOfTheSameGrid() throws IOException {
        Dataset mat = DataFiles.read(pdeFindFile("burgers.mat", 0.0, NX, true), CONF, PDE_FIND);
        double[] t = new double[NX * NT];
        double[] x = new double[NX * NT];
        double[] u = new double[NX * NT];
        for (int p = 0; p < t.length; p++) {
            t[p] = t(p % NT);
            x[p] = x(p / NT);
            u[p] = u(p / NT, p % NT);
        }
        java.util.Map<String, byte[]> arrays = new java.util.LinkedHashMap<>();
        arrays.put("t", NpyBytes.npy(new int[] {NX, NT}, t));
        arrays.put("x", NpyBytes.npy(new int[] {NX, NT}, x));
        arrays.put("u", NpyBytes.npy(new int[] {NX, NT}, u));
        Path npz = dir.resolve("burgers.npz");
        Files.write(npz, NpyBytes.npz(arrays, false));
        Dataset fromNpz = DataFiles.read(npz.toString(), CONF);
        assertTrue(Arrays.equals(mat.coordsFlat(), fromNpz.coordsFlat()));
        assertTrue(Arrays.equals(mat.targetsFlat(), fromNpz.targetsFlat()));
    }

    private static void assertRefused(String path, ReadOptions options, String... words) {
        String message = assertThrows(BadInputException.class, () -> DataFiles.read(path, CONF, options))
                .getMessage();
        assertTrue(message.contains(Path.of(path).getFileName().toString()), "no file name in: " + message);
        assertTrue(!message.contains("\n"), "not one line: " + message);
        for (String word : words) {
            assertTrue(message.contains(word), "no '" + word + "' in: " + message);
        }
    }

    @Test
    void nonZeroImaginaryPartIsRefused() throws IOException {
        String path = pdeFindFile("complex.mat", 0.5, NX, true);
        assertRefused(path, PDE_FIND, "variable 'usol'", "imaginary parts up to 0.5", "ratio above",
                "set 'complex: real' in the dataset");
        String message = assertThrows(BadInputException.class, () -> DataFiles.read(path, CONF, PDE_FIND))
                .getMessage();
        assertTrue(!message.contains("corrupt"), "the cause is the imaginary part, not the file: " + message);
    }

    /** PDE-FIND's kdv.mat holds imaginary parts up to about 2e-6 of the real ones: read as real. */
    @Test
    void imaginaryPartsOfASolversNoiseAreTakenAsReal() throws IOException {
        double largest = Math.abs(u(NX - 1, 0));
        Dataset d = DataFiles.read(pdeFindFile("kdv-like.mat", 2e-6 * largest, NX, true), CONF, PDE_FIND);
        Dataset exact = DataFiles.read(pdeFindFile("real.mat", 0.0, NX, true), CONF, PDE_FIND);
        assertTrue(Arrays.equals(exact.targetsFlat(), d.targetsFlat()), "the real parts, unchanged");
    }

    /** A dataset's complex: real takes the real part however large the imaginary part is. */
    @Test
    void theRealPartIsTakenWhenTheDatasetAsksForIt() throws IOException {
        Dataset d = DataFiles.read(pdeFindFile("complex.mat", 0.5, NX, true), CONF, PDE_FIND.withRealPartOfComplex());
        Dataset exact = DataFiles.read(pdeFindFile("real.mat", 0.0, NX, true), CONF, PDE_FIND);
        assertTrue(Arrays.equals(exact.targetsFlat(), d.targetsFlat()), "the real parts, unchanged");
    }

    /** Only the variables the dataset reads are checked: a complex variable beside them is no reason to refuse. */
    @Test
    void aComplexVariableTheDatasetDoesNotReadIsNoReasonToRefuse() throws IOException {
        Matrix other = Mat5.newComplex(2, 2);
        other.setImaginaryDouble(0, 0, 1.0);
        Path file = dir.resolve("beside.mat");
        Mat5.writeToFile(Mat5.newMatFile().addArray("t", column(NT, MatFileTest::t)).addArray("x", column(NX,
                MatFileTest::x)).addArray("usol", real()).addArray("spectrum", other), file.toFile());
        assertEquals(NX * NT, DataFiles.read(file.toString(), CONF, PDE_FIND).size());
    }

    private static Matrix column(int length, java.util.function.IntToDoubleFunction value) {
        Matrix m = Mat5.newMatrix(length, 1);
        for (int i = 0; i < length; i++) {
            m.setDouble(i, 0, value.applyAsDouble(i));
        }
        return m;
    }

    private static Matrix real() {
        Matrix usol = Mat5.newMatrix(NX, NT);
        for (int i = 0; i < NX; i++) {
            for (int j = 0; j < NT; j++) {
                usol.setDouble(i, j, u(i, j));
            }
        }
        return usol;
    }

    @Test
    void coordinateOfTheWrongLengthIsRefused() throws IOException {
        assertRefused(pdeFindFile("short.mat", 0.0, NX - 1, true), PDE_FIND, "variable 'x' (15, 1)",
                "'usol' (16, 11)", "does not match");
    }

    @Test
    void missingVariableIsNamedWithWhatTheFileHolds() throws IOException {
        assertRefused(pdeFindFile("burgers.mat", 0.0, NX, true), PDE_FIND.withFieldNames("uu"), "no variable 'uu'",
                "usol");
    }

    @Test
    void missingCoordinateIsNamed() throws IOException {
        assertRefused(pdeFindFile("onlyu.mat", 0.0, NX, false), PDE_FIND, "no variable 't'", "[usol]");
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {0, 60, 127, 200, 400})
    void truncatedFileIsRefused(int length) throws IOException {
        Path whole = Path.of(pdeFindFile("whole.mat", 0.0, NX, true));
        Path cut = dir.resolve("cut.mat");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(whole), length));
        assertRefused(cut.toString(), PDE_FIND, "truncated");
    }

    @Test
    void hdf5MatFileIsRefusedWithHowToReSave() throws IOException {
        byte[] bytes = new byte[1024];
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 ."
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, 0, text.length);
        bytes[124] = 0;
        bytes[125] = 2;
        bytes[126] = 'I';
        bytes[127] = 'M';
        Path file = dir.resolve("v73.mat");
        Files.write(file, bytes);
        assertRefused(file.toString(), PDE_FIND, "v7.3", "HDF5", "-v7");
    }

    /** A level-4 file (no text header): type 0 (double, little-endian), 2×1 real, name "u". */
    @Test
    void levelFourFileIsRefused() throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(20 + 2 + 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(2).putInt(1).putInt(0).putInt(2).put((byte) 'u').put((byte) 0).putDouble(1).putDouble(2);
        byte[] padded = Arrays.copyOf(b.array(), 256);
        Path file = dir.resolve("level4.mat");
        Files.write(file, padded);
        assertRefused(file.toString(), PDE_FIND, "not a level-5 MAT-file");
    }
}
