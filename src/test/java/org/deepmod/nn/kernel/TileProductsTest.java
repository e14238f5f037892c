package org.deepmod.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tile products against the same sums in float64: every block shape (two vectors of columns, one vector,
 * the rows left over by blocks of six) and inner dimensions shorter than, equal to and not a multiple of the
 * padded width. Entries beyond the logical sizes (pad columns, rows past {@code rows}) must not be touched by
 * the weight-gradient sum and must not leak into the logical ones. At the kernels' vector width
 * ({@link VectorWidth}; the build runs this class at 256 and 512 bits too); a product starts from NaN, so an
 * entry it leaves uncomputed fails.
 */
class TileProductsTest {
    private static final int L = TileProducts.LANES.length();

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat() * 2 - 1;
        }
        return v;
    }

    /** a (rows x lda, inner used) times b (inner x width): every entry of c within float rounding of the exact sum. */
    @ParameterizedTest(name = "{0} rows, inner {1}, width {2} columns, lda {3} columns")
    @CsvSource({
        "6, 50, 56, 56", // the Burgers layer (8 lanes: three double-vector blocks and one single; 16: two double)
        "18, 50, 56, 56",
        "12, 1, 8, 8",
        "6, 7, 16, 8", // a narrower input layer than output
        "24, 30, 24, 32",
        "6, 64, 72, 64"})
    void multiplyMatchesTheSums(int rows, int inner, int widthColumns, int ldaColumns) {
        int width = TileProducts.padded(widthColumns);
        int lda = Math.max(TileProducts.padded(ldaColumns), inner);
        Random r = new Random(rows * 31 + inner);
        float[] a = random(r, rows * lda);
        float[] b = random(r, inner * width);
        float[] c = new float[rows * width];
        java.util.Arrays.fill(c, Float.NaN);
        TileProducts.multiply(a, lda, b, inner, c, rows, width);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                double sum = 0;
                for (int k = 0; k < inner; k++) {
                    sum += (double) a[i * lda + k] * b[k * width + j];
                }
                assertEquals(sum, c[i * width + j], 1e-5 * inner, "c[" + i + ", " + j + "]");
            }
        }
    }

    /** Widths of one to five whole vectors of this width: each block shape, whatever the lane count. */
    @ParameterizedTest(name = "{0} vectors wide")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void multiplyCoversEveryBlockShapeAtThisWidth(int vectors) {
        multiplyMatchesTheSums(12, 2 * L + 1, vectors * L, vectors * L);
    }

    /** d += Σ_pairs aᵀ g over the first {@code rows} rows, for inner sizes with and without a rest of six. */
    @ParameterizedTest(name = "{0} pairs, {1} of 18 rows, inner {2}, width {3} columns")
    @CsvSource({
        "5, 18, 50, 56",
        "5, 7, 50, 56", // the last tile of a pass: fewer rows than the tile holds
        "1, 18, 6, 8",
        "2, 1, 5, 8",
        "3, 18, 13, 24",
        "4, 12, 30, 20"})
    void weightGradientSumsOnlyTheRowsAndColumnsGiven(int pairs, int rows, int inner, int widthColumns) {
        int width = TileProducts.padded(widthColumns);
        int lda = TileProducts.padded(inner);
        int tileRows = 18;
        Random r = new Random(pairs * 7 + rows);
        float[][] a = new float[pairs][];
        float[][] g = new float[pairs][];
        for (int p = 0; p < pairs; p++) {
            a[p] = random(r, tileRows * lda);
            g[p] = random(r, tileRows * width);
        }
        float[] start = random(r, inner * width + L); // the accumulator's previous contents, and a guard beyond
        float[] d = start.clone();
        TileProducts.accumulateTransposed(a, g, pairs, lda, rows, inner, width, d);
        for (int k = 0; k < inner; k++) {
            for (int j = 0; j < width; j++) {
                double sum = start[k * width + j];
                for (int p = 0; p < pairs; p++) {
                    for (int i = 0; i < rows; i++) {
                        sum += (double) a[p][i * lda + k] * g[p][i * width + j];
                    }
                }
                assertEquals(sum, d[k * width + j], 1e-5 * (pairs * rows + 1), "d[" + k + ", " + j + "]");
            }
        }
        for (int i = inner * width; i < d.length; i++) {
            assertEquals(start[i], d[i], "guard entry " + i + " beyond the gradient was written");
        }
    }

    /**
     * The weight gradient's rows round up to whole blocks of six only where the tiles have the columns to read:
     * the Burgers layer (50 of 56) computes 54, a layer that fills its vectors keeps its own count.
     */
    @ParameterizedTest(name = "inner {0}, tile stride {1}: {2} rows")
    @CsvSource({
        "50, 56, 54",
        "48, 48, 48",
        "19, 24, 24",
        "8, 8, 8", // 12 would read past the tile's row
        "30, 32, 30",
        "1, 8, 6"})
    void gradientRowsAreWholeBlocksWithinTheTile(int inner, int lda, int expected) {
        assertEquals(expected, TileProducts.gradientRows(inner, lda));
    }
}
