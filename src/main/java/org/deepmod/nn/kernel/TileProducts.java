package org.deepmod.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix products of a hand-written pass, on tiles that are already in the cache: a tile of a layer's
 * activations times the next layer's weights (forward), a tile of pre-activation gradients times the
 * transposed weights (backward), and the weight gradient's sum over a tile's rows.
 *
 * <p>Why not MKL: its calls on these shapes (8000 x 50 times 50 x 50) spent ~40 % of their time packing operands
 * and clearing the result (perf), and every operand had to be copied between PyTorch's memory and the kernels'
 * tiles (~12 % of a step). Here the products run where the kernels' tiles are, 6 rows by two vectors
 * of columns at a time (12 accumulators stay in AVX2's 16 registers; more and C2 no longer keeps the vectors
 * in registers). Row strides are multiples of the vector length ({@link #padded}, of whatever width
 * {@link VectorWidth} chose), so no product has a tail. Each entry sums over the inner units in order (pad
 * units add exact zeros), so results depend neither on the JIT nor on the width.
 */
public final class TileProducts {
    static final VectorSpecies<Float> LANES = VectorWidth.Chosen.FLOATS;
    private static final int L = LANES.length();
    /** Rows of a block; tiles are a multiple of it. */
    public static final int BLOCK_ROWS = 6;

    private TileProducts() {
    }

    /** {@code width} rounded up to whole vectors: the row stride of every tile of a layer that wide. */
    public static int padded(int width) {
        return (width + L - 1) / L * L;
    }

    /**
     * c[r, j] = Σ_{k < inner} a[r, k] b[k, j] for r < rows (a multiple of {@link #BLOCK_ROWS}) and j < width (a
     * multiple of the vector length); a has row stride lda, b and c have stride width.
     */
    public static void multiply(float[] a, int lda, float[] b, int inner, float[] c, int rows, int width) {
        for (int r = 0; r < rows; r += BLOCK_ROWS) {
            int j = 0;
            for (; j + 2 * L <= width; j += 2 * L) {
                rowsTimesTwoVectors(a, r * lda, lda, b, j, width, inner, c, r * width);
            }
            if (j < width) {
                rowsTimesOneVector(a, r * lda, lda, b, j, width, inner, c, r * width);
            }
        }
    }

    private static void rowsTimesTwoVectors(float[] a, int ar, int lda, float[] b, int j, int ldb, int inner,
                                            float[] c, int cr) {
        FloatVector c00 = FloatVector.zero(LANES);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        for (int k = 0; k < inner; k++) {
            int bk = k * ldb + j;
            FloatVector b0 = FloatVector.fromArray(LANES, b, bk);
            FloatVector b1 = FloatVector.fromArray(LANES, b, bk + L);
            FloatVector x = FloatVector.broadcast(LANES, a[ar + k]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(LANES, a[ar + lda + k]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(LANES, a[ar + 2 * lda + k]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(LANES, a[ar + 3 * lda + k]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(LANES, a[ar + 4 * lda + k]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(LANES, a[ar + 5 * lda + k]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        int o = cr + j;
        c00.intoArray(c, o);
        c01.intoArray(c, o + L);
        o += ldb;
        c10.intoArray(c, o);
        c11.intoArray(c, o + L);
        o += ldb;
        c20.intoArray(c, o);
        c21.intoArray(c, o + L);
        o += ldb;
        c30.intoArray(c, o);
        c31.intoArray(c, o + L);
        o += ldb;
        c40.intoArray(c, o);
        c41.intoArray(c, o + L);
        o += ldb;
        c50.intoArray(c, o);
        c51.intoArray(c, o + L);
    }

    private static void rowsTimesOneVector(float[] a, int ar, int lda, float[] b, int j, int ldb, int inner,
                                           float[] c, int cr) {
        FloatVector c0 = FloatVector.zero(LANES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        for (int k = 0; k < inner; k++) {
            FloatVector b0 = FloatVector.fromArray(LANES, b, k * ldb + j);
            c0 = FloatVector.broadcast(LANES, a[ar + k]).fma(b0, c0);
            c1 = FloatVector.broadcast(LANES, a[ar + lda + k]).fma(b0, c1);
            c2 = FloatVector.broadcast(LANES, a[ar + 2 * lda + k]).fma(b0, c2);
            c3 = FloatVector.broadcast(LANES, a[ar + 3 * lda + k]).fma(b0, c3);
            c4 = FloatVector.broadcast(LANES, a[ar + 4 * lda + k]).fma(b0, c4);
            c5 = FloatVector.broadcast(LANES, a[ar + 5 * lda + k]).fma(b0, c5);
        }
        int o = cr + j;
        c0.intoArray(c, o);
        c1.intoArray(c, o + ldb);
        c2.intoArray(c, o + 2 * ldb);
        c3.intoArray(c, o + 3 * ldb);
        c4.intoArray(c, o + 4 * ldb);
        c5.intoArray(c, o + 5 * ldb);
    }

    /**
     * The rows of a weight gradient worth computing for {@code inner} rows taken from tiles of stride lda:
     * inner rounded up to whole blocks of {@link #BLOCK_ROWS} where the tiles are that wide. A rest of one or
     * two rows would go one vector at a time, each a chain of dependent multiply-adds that waits on the
     * previous one; a whole block over the tiles' pad columns costs less, and its extra rows are not read.
     */
    public static int gradientRows(int inner, int lda) {
        int blocked = (inner + BLOCK_ROWS - 1) / BLOCK_ROWS * BLOCK_ROWS;
        return blocked <= lda ? blocked : inner;
    }

    /**
     * d[k, j] += Σ_i Σ_{r < rows} a_i[r, k] g_i[r, j] for k < inner and j < width (a multiple of the vector
     * length), over the first {@code count} pairs of tiles: a layer's weight gradient from a tile of every
     * channel. The a_i have row stride lda; the g_i and d have stride width.
     */
    public static void accumulateTransposed(float[][] a, float[][] g, int count, int lda, int rows, int inner,
                                            int width, float[] d) {
        for (int i = 0; i < count; i++) {
            accumulateTransposed(a[i], g[i], lda, rows, inner, width, d);
        }
    }

    private static void accumulateTransposed(float[] a, float[] g, int lda, int rows, int inner, int width,
                                             float[] d) {
        int k = 0;
        for (; k + BLOCK_ROWS <= inner; k += BLOCK_ROWS) {
            int j = 0;
            for (; j + 2 * L <= width; j += 2 * L) {
                columnsTimesTwoVectors(a, g, lda, rows, k, j, width, d);
            }
            if (j < width) {
                columnsTimesOneVector(a, g, lda, rows, k, j, width, d);
            }
        }
        for (; k < inner; k++) {
            for (int j = 0; j < width; j += L) {
                columnTimesOneVector(a, g, lda, rows, k, j, width, d);
            }
        }
    }

    // The weight gradient's blocks have the products' shape (six broadcasts against two vectors) with the
    // strides swapped; one kernel with the strides as arguments measured 28 % (products) and 50 % (weight
    // gradient) slower in the same JVM, so each keeps its own.

    private static void columnsTimesTwoVectors(float[] ai, float[] gi, int lda, int rows, int k,
                                               int j, int ldg, float[] d) {
        FloatVector c00 = FloatVector.zero(LANES);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        for (int r = 0; r < rows; r++) {
            int gr = r * ldg + j;
            int ar = r * lda + k;
            FloatVector g0 = FloatVector.fromArray(LANES, gi, gr);
            FloatVector g1 = FloatVector.fromArray(LANES, gi, gr + L);
            FloatVector x = FloatVector.broadcast(LANES, ai[ar]);
            c00 = x.fma(g0, c00);
            c01 = x.fma(g1, c01);
            x = FloatVector.broadcast(LANES, ai[ar + 1]);
            c10 = x.fma(g0, c10);
            c11 = x.fma(g1, c11);
            x = FloatVector.broadcast(LANES, ai[ar + 2]);
            c20 = x.fma(g0, c20);
            c21 = x.fma(g1, c21);
            x = FloatVector.broadcast(LANES, ai[ar + 3]);
            c30 = x.fma(g0, c30);
            c31 = x.fma(g1, c31);
            x = FloatVector.broadcast(LANES, ai[ar + 4]);
            c40 = x.fma(g0, c40);
            c41 = x.fma(g1, c41);
            x = FloatVector.broadcast(LANES, ai[ar + 5]);
            c50 = x.fma(g0, c50);
            c51 = x.fma(g1, c51);
        }
        int o = k * ldg + j;
        addInto(c00, d, o);
        addInto(c01, d, o + L);
        o += ldg;
        addInto(c10, d, o);
        addInto(c11, d, o + L);
        o += ldg;
        addInto(c20, d, o);
        addInto(c21, d, o + L);
        o += ldg;
        addInto(c30, d, o);
        addInto(c31, d, o + L);
        o += ldg;
        addInto(c40, d, o);
        addInto(c41, d, o + L);
        o += ldg;
        addInto(c50, d, o);
        addInto(c51, d, o + L);
    }

    /** One row of d (the rows left over by the blocks of 6), one vector of its columns. */
    private static void columnTimesOneVector(float[] ai, float[] gi, int lda, int rows, int k, int j, int ldg,
                                             float[] d) {
        FloatVector c0 = FloatVector.zero(LANES);
        for (int r = 0; r < rows; r++) {
            c0 = FloatVector.broadcast(LANES, ai[r * lda + k]).fma(FloatVector.fromArray(LANES, gi, r * ldg + j), c0);
        }
        addInto(c0, d, k * ldg + j);
    }

    /** Six rows of d, one vector of its columns. */
    private static void columnsTimesOneVector(float[] ai, float[] gi, int lda, int rows, int k, int j, int ldg,
                                              float[] d) {
        FloatVector c0 = FloatVector.zero(LANES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        for (int r = 0; r < rows; r++) {
            int ar = r * lda + k;
            FloatVector g0 = FloatVector.fromArray(LANES, gi, r * ldg + j);
            c0 = FloatVector.broadcast(LANES, ai[ar]).fma(g0, c0);
            c1 = FloatVector.broadcast(LANES, ai[ar + 1]).fma(g0, c1);
            c2 = FloatVector.broadcast(LANES, ai[ar + 2]).fma(g0, c2);
            c3 = FloatVector.broadcast(LANES, ai[ar + 3]).fma(g0, c3);
            c4 = FloatVector.broadcast(LANES, ai[ar + 4]).fma(g0, c4);
            c5 = FloatVector.broadcast(LANES, ai[ar + 5]).fma(g0, c5);
        }
        int o = k * ldg + j;
        addInto(c0, d, o);
        addInto(c1, d, o + ldg);
        addInto(c2, d, o + 2 * ldg);
        addInto(c3, d, o + 3 * ldg);
        addInto(c4, d, o + 4 * ldg);
        addInto(c5, d, o + 5 * ldg);
    }

    private static void addInto(FloatVector v, float[] d, int at) {
        v.add(FloatVector.fromArray(LANES, d, at)).intoArray(d, at);
    }
}
