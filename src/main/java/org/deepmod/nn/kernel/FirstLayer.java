package org.deepmod.nn.kernel;

/**
 * The first layer's inputs: z = coords·W with coords N x D and W D x H (row-major, H the padded width);
 * ∂z/∂(coordinate d) is row d of W for every sample, higher derivatives vanish. Fills a tile's
 * pre-activations and takes the weight gradient back from the gradient with respect to them.
 */
public final class FirstLayer {
    private final float[] coords;
    private final int dims;
    private final float[] weights;

    public FirstLayer(float[] coords, int dims, float[] weights) {
        this.coords = coords;
        this.dims = dims;
        this.weights = weights;
    }

    /**
     * The tile's pre-activations z_c without bias; the value channel only when {@code withValue} (the forward
     * pass: the backward keeps σ(z_0) instead).
     */
    void loadPreActivations(TileBuffers tiles, int row0, int tileRowCount, boolean withValue) {
        int width = tiles.width;
        int n = tileRowCount * width;
        float[][] z = tiles.preActivations;
        float[] w = weights;
        if (withValue) {
            float[] z0 = z[0];
            for (int r = 0, i = 0; i < n; r++, i += width) {
                int point = (row0 + r) * dims;
                float x0 = coords[point];
                for (int h = 0; h < width; h++) {
                    z0[i + h] = x0 * w[h];
                }
                for (int d = 1; d < dims; d++) {
                    float x = coords[point + d];
                    int row = d * width;
                    for (int h = 0; h < width; h++) {
                        z0[i + h] += x * w[row + h];
                    }
                }
            }
        }
        for (int c = 1; c < tiles.channels; c++) {
            int d = tiles.layout.inputCoordinate(c);
            if (d < 0) {
                z[c] = tiles.zeros;
                continue;
            }
            float[] zc = z[c];
            for (int i = 0; i < n; i += width) {
                System.arraycopy(w, d * width, zc, i, width);
            }
        }
    }

    /**
     * Adds the weight gradient (D x width) from ∂L/∂z_c in the tile's results: z = coords·W + b gives
     * ∂L/∂W_dh = Σ_n coords_nd ∂L/∂z_0 + Σ_n ∂L/∂(z_d)_nh for the first-derivative channel along d.
     */
    void addWeightGradient(TileBuffers tiles, int row0, int tileRowCount, float[] dw) {
        int width = tiles.width;
        float[] gz0 = tiles.results[0];
        for (int r = 0; r < tileRowCount; r++) {
            int point = (row0 + r) * dims;
            int i = r * width;
            for (int d = 0; d < dims; d++) {
                float x = coords[point + d];
                int row = d * width;
                for (int h = 0; h < width; h++) {
                    dw[row + h] += x * gz0[i + h];
                }
            }
        }
        for (int c = 1; c < tiles.channels; c++) {
            int d = tiles.layout.inputCoordinate(c);
            if (d >= 0) {
                float[] tile = tiles.results[c];
                int row = d * width;
                for (int i = 0; i < tileRowCount * width; i += width) {
                    for (int h = 0; h < width; h++) {
                        dw[row + h] += tile[i + h];
                    }
                }
            }
        }
    }
}
