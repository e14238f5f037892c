package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Well-formed files of every supported kind read into the expected points. */
class DataFilesTest {

    private static final Configuration CONF = new Configuration();

    @TempDir
    Path dir;

    /** A 2 (x) × 3 (t) grid with u = 10·ix + it, so every value tells where it came from. */
    private static final int[] GRID = {2, 3};
    private static final double[] T = {0, 1, 2, 0, 1, 2};
    private static final double[] X = {1, 1, 1, 4, 4, 4};
    private static final double[] U = {0, 1, 2, 10, 11, 12};

    private String write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file.toString();
    }

    private static void assertGrid(Dataset data) {
        assertEquals(6, data.size());
        assertArrayEquals(T, data.coordColumn(0));
        assertArrayEquals(X, data.coordColumn(1));
        assertArrayEquals(U, data.targetColumn(0));
    }

    @ParameterizedTest(name = "{0}, fortran={1}, version {2}")
    @CsvSource({
        "<f8, false, 1", "<f8, true, 1", ">f8, false, 2", ">f8, true, 3", "<f4, false, 1", ">f4, true, 1",
        "<i8, false, 1", ">i8, true, 2", "<i4, false, 1", ">i4, false, 1", "<i2, true, 1", "|i1, false, 1",
        "|u1, false, 1", "<u2, true, 1", ">u4, false, 1", "=f8, false, 1"})
    void readsEveryNumericDtypeByteOrderAndLayout(String descr, boolean fortran, int version) throws IOException {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("t", NpyBytes.npy(version, descr, fortran, GRID, T, null));
        arrays.put("x", NpyBytes.npy(version, descr, fortran, GRID, X, null));
        arrays.put("u", NpyBytes.npy(version, descr, fortran, GRID, U, null));
        assertGrid(DataFiles.read(write("grid.npz", NpyBytes.npz(arrays, false)), CONF));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"|i1", ">i2", "<i4", ">i8", "<f4"})
    void signedValuesKeepTheirSign(String descr) throws IOException {
        int[] flat = {2};
        Map<String, byte[]> arrays = Map.of("t", NpyBytes.npy(flat, 0, 1), "x", NpyBytes.npy(flat, 0, 0),
                "u", NpyBytes.npy(1, descr, false, flat, new double[] {-5, -100}, null));
        Dataset data = DataFiles.read(write("signed.npz", NpyBytes.npz(arrays, false)), CONF);
        assertArrayEquals(new double[] {-5, -100}, data.targetColumn(0));
    }

    @Test
    void readsCompressedArchivesAndFileUris() throws IOException {
        String path = write("grid.npz", NpyBytes.npz(Map.of("t", NpyBytes.npy(GRID, T), "x", NpyBytes.npy(GRID, X),
                "u", NpyBytes.npy(GRID, U)), true));
        assertGrid(DataFiles.read(path, CONF));
        assertGrid(DataFiles.read(Path.of(path).toUri().toString(), CONF));
    }

    /** PDE-FIND's original u was complex with imaginary parts below 1e-8: those are taken as real. */
    @Test
    void takesTheRealPartOfComplexDataWithNegligibleImaginaryPart() throws IOException {
        double[] imaginary = {1e-9, -2e-9, 0, 1e-8, 0, 0};
        Map<String, byte[]> arrays = Map.of("t", NpyBytes.npy(GRID, T), "x", NpyBytes.npy(GRID, X),
                "u", NpyBytes.npy(1, "<c16", false, GRID, U, imaginary));
        assertGrid(DataFiles.read(write("complex.npz", NpyBytes.npz(arrays, false)), CONF));
    }

    @Test
    void readsOtherArrayNamesIntoCanonicalNames() throws IOException {
        Map<String, byte[]> arrays = Map.of("time", NpyBytes.npy(GRID, T), "pos", NpyBytes.npy(GRID, X),
                "usol", NpyBytes.npy(GRID, U));
        Dataset data = DataFiles.read(write("named.npz", NpyBytes.npz(arrays, false)), CONF,
                ReadOptions.defaults().withTimeName("time").withSpatialNames("pos").withFieldNames("usol"));
        assertGrid(data);
        assertEquals(List.of("t", "x"), data.coordNames());
        assertEquals(List.of("u"), data.targetNames());
    }

    @Test
    void readsTwoSpatialDimensionsAndTwoFieldsFromAnArchive() throws IOException {
        int[] flat = {3};
        Map<String, byte[]> arrays = Map.of("t", NpyBytes.npy(flat, 0, 1, 2), "x", NpyBytes.npy(flat, 3, 4, 5),
                "y", NpyBytes.npy(flat, 6, 7, 8), "u", NpyBytes.npy(flat, 9, 10, 11),
                "v", NpyBytes.npy(flat, 12, 13, 14));
        Dataset data = DataFiles.read(write("ad.npz", NpyBytes.npz(arrays, true)), CONF,
                ReadOptions.defaults().withSpatialDims(2).withFieldNames("u", "v"));
        assertEquals(List.of("t", "x", "y"), data.coordNames());
        assertEquals(List.of("u", "v"), data.targetNames());
        assertArrayEquals(new double[] {1, 4, 7}, data.coords()[1]);
        assertArrayEquals(new double[] {11, 14}, data.targets()[2]);
    }

    @Test
    void readsANpyTableOfColumns() throws IOException {
        double[] table = {0, 1, 2, 3, 4, 0.5, 6, 7, 8, 9};
        Dataset data = DataFiles.read(write("table.npy", NpyBytes.npy(1, "<f8", true, new int[] {2, 5}, table, null)),
                CONF, ReadOptions.defaults().withSpatialDims(2));
        assertArrayEquals(new double[][] {{0, 1, 2}, {0.5, 6, 7}}, data.coords());
        assertArrayEquals(new double[][] {{3, 4}, {8, 9}}, data.targets());
        assertEquals(List.of("u", "v"), data.targetNames());
    }

    @Test
    void readsCsvColumnsByNameInAnyOrder() throws IOException {
        String csv = "u, extra, x,t\n0,a,1,0\n\n1,b,1,1\r\n2,c,1,2\n10,d,4,0\n11,e,4,1\n12,f,4,2\n";
        assertGrid(DataFiles.read(write("grid.csv", csv.getBytes(StandardCharsets.UTF_8)), CONF));
    }

    @Test
    void readsNumpySavetxtOutput() throws IOException {
        String csv = "# t,x,u\n0.000000000000000000e+00,1.000000000000000000e+00,0.000000000000000000e+00\n"
                + "1,1,1\n2,1,2\n0,4,10\n1,4,11\n2,4,12\n";
        assertGrid(DataFiles.read(write("savetxt.csv", csv.getBytes(StandardCharsets.UTF_8)), CONF));
    }
}
