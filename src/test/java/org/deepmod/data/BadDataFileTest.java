package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad data gets a message that names the file and says what is wrong. */
class BadDataFileTest {

    private static final Configuration CONF = new Configuration();
    private static final Path BURGERS = Paths.get(System.getProperty("deepmod.project.dir", "."))
            .resolve("data/burgers-pdefind.npz");
    private static final int[] GRID = {2, 3};
    private static final double[] T = {0, 1, 2, 0, 1, 2};
    private static final double[] X = {1, 1, 1, 4, 4, 4};

    /**
     * The pickle stream numpy 2.4 writes after the header for np.save(f, {'u': np.array([1.5, 2.5])}), as
     * DeePyMoD's burgers.npy holds a pickled dict.
     */
    private static final String PICKLE = "800495df000000000000008c166e756d70792e5f636f72652e6d756c74696172726179948c"
            + "0c5f7265636f6e7374727563749493948c056e756d7079948c076e6461727261799493944b0085944301629487945294284b"
            + "012968038c0564747970659493948c024f3894898887945294284b038c017c944e4e4e4affffffff4affffffff4b3f749462"
            + "895d947d948c017594680268054b008594680787945294284b014b028594680b8c02663894898887945294284b038c013c94"
            + "4e4e4e4affffffff4affffffff4b00749462894310000000000000f83f00000000000004409474946273617494622e";

    @TempDir
    Path dir;

    private String write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file.toString();
    }

    private static String npz(Map<String, byte[]> arrays, Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, NpyBytes.npz(arrays, false));
        return file.toString();
    }

    private static Map<String, byte[]> grid(byte[] u) {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("t", NpyBytes.npy(GRID, T));
        arrays.put("x", NpyBytes.npy(GRID, X));
        arrays.put("u", u);
        return arrays;
    }

    /** Reading {@code path} fails with a message holding the file's name and every one of {@code words}. */
    private static void assertRefused(String path, String... words) {
        String message = assertThrows(BadInputException.class, () -> DataFiles.read(path, CONF)).getMessage();
        assertTrue(message.contains(Path.of(path).getFileName().toString()), "no file name in: " + message);
        for (String word : words) {
            assertTrue(message.contains(word), "no '" + word + "' in: " + message);
        }
    }

    private static byte[] pickledNpy() {
        return NpyBytes.concat(NpyBytes.header(1, "{'descr': '|O', 'fortran_order': False, 'shape': (), }"),
                HexFormat.of().parseHex(PICKLE));
    }

    @Test
    void pickledDictWithoutTheCoordinatesNamesTheMissingVariable() throws IOException {
        assertRefused(write("burgers.npy", pickledNpy()), "no variable 't'", "[u]");
    }

    @Test
    void pickledArrayInsideAnArchiveIsRefused() throws IOException {
        assertRefused(npz(grid(pickledNpy()), dir, "pickled.npz"), "array 'u'", "pickled");
    }

    /** Cut inside an entry's data, inside the central directory, and inside the first local header. */
    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {300_000, 620_900, 621_200, 20})
    void truncatedArchiveIsRefused(int length) throws IOException {
        byte[] whole = Files.readAllBytes(BURGERS);
        assertRefused(write("cut.npz", Arrays.copyOf(whole, length)), "truncated");
    }

    /** A stored entry cut inside its data but with the archive's tail kept: the npy length check catches it. */
    @Test
    void truncatedArrayInsideAWholeArchiveIsRefused() throws IOException {
        byte[] u = NpyBytes.npy(GRID, 0, 1, 2, 10, 11, 12);
        assertRefused(npz(grid(Arrays.copyOf(u, u.length - 8)), dir, "short.npz"), "array 'u'", "truncated",
                "(2, 3)");
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {5, 9, 60, 150})
    void truncatedNpyIsRefused(int length) throws IOException {
        byte[] table = NpyBytes.npy(new int[] {4, 3}, new double[12]);
        assertRefused(write("cut.npy", Arrays.copyOf(table, length)), "truncated");
    }

    @Test
    void nanInAnArchiveNamesArrayAndIndex() throws IOException {
        byte[] u = NpyBytes.npy(GRID, 0, 1, 2, 10, 11, Double.NaN);
        assertRefused(npz(grid(u), dir, "nan.npz"), "array 'u'", "NaN", "[1, 2]");
    }

    @Test
    void infinityInANpyTableNamesRowAndColumn() throws IOException {
        double[] table = {0, 1, 2, 1, 1, 3, 2, Double.NEGATIVE_INFINITY, 4};
        assertRefused(write("inf.npy", NpyBytes.npy(new int[] {3, 3}, table)), "-Infinity", "[2, 1]");
    }

    @Test
    void coordinateOfNoAxisLengthIsRefusedByName() throws IOException {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("t", NpyBytes.npy(new int[] {3}, 0, 1, 2));
        arrays.put("x", NpyBytes.npy(new int[] {5}, 1, 4, 5, 6, 7));
        arrays.put("u", NpyBytes.npy(GRID, 0, 1, 2, 10, 11, 12));
        assertRefused(npz(arrays, dir, "axes.npz"), "'x' (5,)", "'u' (2, 3)", "does not match");
    }

    @Test
    void missingArrayIsNamedWithWhatTheArchiveHolds() throws IOException {
        Map<String, byte[]> arrays = grid(NpyBytes.npy(GRID, 0, 1, 2, 10, 11, 12));
        arrays.put("usol", arrays.remove("u"));
        assertRefused(npz(arrays, dir, "renamed.npz"), "no variable 'u'", "usol");
    }

    @Test
    void complexDataWithARealImaginaryPartIsRefused() throws IOException {
        double[] real = {0, 1, 2, 10, 11, 12};
        double[] imaginary = {0, 0.5, 0, 0, 0, 0};
        byte[] u = NpyBytes.npy(1, "<c16", false, GRID, real, imaginary);
        assertRefused(npz(grid(u), dir, "complex.npz"), "array 'u'", "complex", "imaginary parts up to 0.5",
                "set 'complex: real' in the dataset");
    }

    @Test
    void unsupportedDtypeIsNamed() throws IOException {
        byte[] strings = NpyBytes.concat(NpyBytes.header(1, NpyBytes.dict("<U3", false, 2)), new byte[24]);
        assertRefused(write("strings.npy", strings), "'<U3'", "not supported");
    }

    @Test
    void npyTableOfTheWrongShapeIsRefused() throws IOException {
        assertRefused(write("vector.npy", NpyBytes.npy(new int[] {4}, 1, 2, 3, 4)), "shape is (4,)", "2-D");
    }

    @Test
    void notAZipArchiveIsRefused() throws IOException {
        assertRefused(write("text.npz", "t,x,u\n".getBytes(StandardCharsets.UTF_8)), "not a zip archive");
    }

    @Test
    void csvWithAMissingColumnNamesTheColumn() throws IOException {
        assertRefused(write("no-x.csv", "t,pos,u\n0,1,2\n".getBytes(StandardCharsets.UTF_8)),
                "missing column 'x'", "pos");
    }

    @Test
    void csvWithABadNumberNamesLineAndColumn() throws IOException {
        String csv = "t,x,u\n0,1,2\n0.1,1,abc\n";
        assertRefused(write("bad.csv", csv.getBytes(StandardCharsets.UTF_8)), "line 3", "column 'u'",
                "'abc' is not a number");
    }

    @Test
    void csvWithNaNNamesLineAndColumn() throws IOException {
        String csv = "t,x,u\n0,1,2\n0.1,nan,3\n";
        assertRefused(write("nan.csv", csv.getBytes(StandardCharsets.UTF_8)), "line 3", "column 'x'", "NaN");
    }

    @Test
    void csvWithARaggedRowNamesTheLine() throws IOException {
        assertRefused(write("ragged.csv", "t,x,u\n0,1,2\n0,1\n".getBytes(StandardCharsets.UTF_8)), "line 3",
                "2 values", "3 columns");
    }

    @Test
    void emptyCsvIsRefused() throws IOException {
        assertRefused(write("empty.csv", new byte[0]), "header");
    }

    @Test
    void missingFileIsNamed() {
        assertRefused(dir.resolve("nowhere.npz").toString(), "file not found");
    }

    @Test
    void unknownExtensionIsRefused() throws IOException {
        assertRefused(write("data.h5", new byte[8]), ".npz, .npy, .mat or .csv");
    }
}
