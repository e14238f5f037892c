package org.deepmod.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The linear output layer after the last hidden layer: out_c = a_c·W (+ b for the value channel), W H x K
 * given by its columns ([K][H], contiguous for the dot products). Forward fills {@code values} ([C][N·K]);
 * backward reads {@code gradients} (the loss's gradient with respect to those values, as they are when it runs)
 * and adds to the output layer's own parameter gradients ({@link #columnGradients} [K][H], {@link #biasGradient}).
 */
public final class OutputLayer {
    /**
     * The dot products add in eight partial sums whatever the kernels' width: the pad units of a wider layer
     * add exact zeros, so a run gives the same numbers, to the bit, on AVX2 and AVX-512 machines. Every other
     * sum in the kernels runs over samples or inner units in an order the width does not change.
     */
    private static final VectorSpecies<Float> DOT_LANES = FloatVector.SPECIES_256;

    private final float[][] columns;
    private final float[] bias;
    private final float[][] values;
    private final float[][] gradients;
    private final float[][] columnGradients;
    private final float[] biasGradient;
    private final float[] laneSums = new float[DOT_LANES.length()];

    public OutputLayer(float[][] columns, float[] bias, float[][] values, float[][] gradients) {
        this.columns = columns;
        this.bias = bias;
        this.values = values;
        this.gradients = gradients;
        this.columnGradients = new float[columns.length][columns.length == 0 ? 0 : columns[0].length];
        this.biasGradient = new float[columns.length];
    }

    /** ∂L/∂W by column ([K][H]), summed by {@link #backward}. */
    public float[][] columnGradients() {
        return columnGradients;
    }

    /** ∂L/∂b, summed by {@link #backward}. */
    public float[] biasGradient() {
        return biasGradient;
    }

    /** values_c[row, k] = Σ_h a_c[row, h] W[h, k] (+ b_k on the value channel), a_c in the tile's results. */
    void forward(TileBuffers tiles, int row0, int tileRowCount) {
        int k = columns.length;
        int width = tiles.width;
        for (int c = 0; c < tiles.channels; c++) {
            float[] a = tiles.results[c];
            float[] out = values[c];
            for (int r = 0; r < tileRowCount; r++) {
                for (int o = 0; o < k; o++) {
                    float sum = dot(a, r * width, columns[o], width);
                    out[(row0 + r) * k + o] = c == 0 ? sum + bias[o] : sum;
                }
            }
        }
    }

    /**
     * From the gradient of the values to that of the last hidden layer's activated channels (into the tile's
     * activation gradients), and the weight gradient ∂L/∂W_hk += Σ_c Σ_rows a_c[row, h] ∂L/∂values_c[row, k]
     * on the way (the tile's results hold a_c).
     */
    void backward(TileBuffers tiles, int row0, int tileRowCount) {
        int k = columns.length;
        int width = tiles.width;
        for (int c = 0; c < tiles.channels; c++) {
            float[] a = tiles.results[c];
            float[] gc = tiles.activationGradients[c];
            float[] upstream = gradients[c];
            for (int r = 0; r < tileRowCount; r++) {
                int i = r * width;
                for (int o = 0; o < k; o++) {
                    float go = upstream[(row0 + r) * k + o];
                    float[] w = columns[o];
                    float[] dw = columnGradients[o];
                    if (o == 0) {
                        for (int h = 0; h < width; h++) {
                            gc[i + h] = go * w[h];
                        }
                    } else {
                        for (int h = 0; h < width; h++) {
                            gc[i + h] += go * w[h];
                        }
                    }
                    for (int h = 0; h < width; h++) {
                        dw[h] += go * a[i + h];
                    }
                }
            }
        }
        for (int r = 0; r < tileRowCount; r++) {
            for (int o = 0; o < k; o++) {
                biasGradient[o] += gradients[0][(row0 + r) * k + o];
            }
        }
    }

    /** Σ_h a[from + h] w[h] over the width, with SIMD lanes (a float reduction does not vectorise by itself). */
    private float dot(float[] a, int from, float[] w, int width) {
        int h = 0;
        FloatVector acc = FloatVector.zero(DOT_LANES);
        for (; h + DOT_LANES.length() <= width; h += DOT_LANES.length()) {
            acc = FloatVector.fromArray(DOT_LANES, a, from + h).fma(FloatVector.fromArray(DOT_LANES, w, h), acc);
        }
        if (h < width) { // only where the kernels' vectors are narrower than the dot's
            VectorMask<Float> rest = DOT_LANES.indexInRange(h, width);
            acc = FloatVector.fromArray(DOT_LANES, a, from + h, rest)
                    .fma(FloatVector.fromArray(DOT_LANES, w, h, rest), acc);
        }
        // lane by lane, in order: reduceLanes may add in another order once the JIT compiles it, and a
        // run's result must not depend on when that happens
        acc.intoArray(laneSums, 0);
        float sum = laneSums[0];
        for (int l = 1; l < laneSums.length; l++) {
            sum += laneSums[l];
        }
        return sum;
    }
}
