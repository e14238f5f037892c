package org.deepmod.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The elementwise part of one hidden layer's jet, forward and backward, fused on the JVM: from the
 * pre-activation channels z_c (N x H each) to the activated channels a_c, and back from the gradient of the
 * a_c to that of the z_c. Through PyTorch this is ~25 small operations forward and ~40 backward per layer,
 * each streaming whole N x H arrays through memory; here every element is touched once, in tiles that stay
 * in the cache, with explicit SIMD (the Vector API).
 *
 * <p>Everything but the products between hidden layers ({@link TileProducts}) runs here, on the tile while it
 * is in cache: the bias, the activation itself (tanh from the kernels' exp, sin and cos from their sin/cos),
 * the first layer (two or three inputs), the linear output layer, and the sums over the samples that give
 * bias and first-layer weight gradients. {@link JetTape} takes a tile through every layer before the next.
 *
 * <p>A kernel belongs to one layer of one network and is reused from step to step (it keeps that layer's
 * σ(z_0) and derivative channels between a step's forward and backward). Not thread-safe.
 */
final class JetKernels {
    /**
     * The first layer's inputs: z = coords·W with coords N x D and W D x H (row-major, H the padded width);
     * ∂z/∂(coordinate d) is row d of W for every sample, higher derivatives vanish.
     */
    static final class Inputs {
        final float[] coords;
        final int dims;
        final float[] weights;

        Inputs(float[] coords, int dims, float[] weights) {
            this.coords = coords;
            this.dims = dims;
            this.weights = weights;
        }
    }

    /**
     * The linear output layer after the last hidden layer: out_c = a_c·W (+ b for the value channel), W
     * H x K given by its columns ([K][H], contiguous for the dot products). Forward fills {@code values}
     * ([C][N·K]); backward reads {@code gradients} (the loss's gradient with respect to those values) and adds
     * to the output layer's own parameter gradients ({@code columnGradients} [K][H], {@code biasGradient}).
     */
    static final class Head {
        final float[][] columns;
        final float[] bias;
        final float[][] values;
        float[][] gradients;
        final float[][] columnGradients;
        final float[] biasGradient;

        Head(float[][] columns, float[] bias, float[][] values) {
            this.columns = columns;
            this.bias = bias;
            this.values = values;
            this.columnGradients = new float[columns.length][columns.length == 0 ? 0 : columns[0].length];
            this.biasGradient = new float[columns.length];
        }
    }

    private static final VectorSpecies<Float> LANES = VectorWidth.Chosen.FLOATS;
    /**
     * The output layer's dot products add in eight partial sums whatever the kernels' width: the pad units of a
     * wider layer add exact zeros, so a run gives the same numbers, to the bit, on AVX2 and AVX-512 machines.
     * Every other sum in the kernels runs over samples or inner units in an order the width does not change.
     */
    private static final VectorSpecies<Float> DOT_LANES = FloatVector.SPECIES_256;

    private final JetChannels layout;
    private final boolean tanh;
    private final int width;
    private final int channelSize;
    private final int tileRows;
    private final int channels;
    private final float[][] s = new float[6][];
    private final float[][] z;
    private final float[][] g;
    private final float[][] out;
    private final float[] zeros;
    private final float[] laneSums = new float[DOT_LANES.length()];
    /** Where the 2D formulas write derivatives the spec does not carry. */
    private final float[] discarded;
    private final float[] tileSum;
    /** σ(z_0) over the whole layer (tanh z, or sin z), from forward to backward. */
    private final float[] firstBase;
    /** cos z_0 over the whole layer for sin, else null. */
    private final float[] secondBase;
    /** z_c (c ≥ 1) over the whole layer, stacked, for layers fed by a product; null for the first layer. */
    private final float[] savedDerivatives;

    /**
     * A kernel for a layer {@code width} wide (padded to whole vectors, {@link TileProducts#padded}: the
     * network's pad units have zero weights and biases, so their values and gradients are zero) over
     * {@code rows} samples, in tiles of {@code tileRows} (a multiple of {@link TileProducts#BLOCK_ROWS}).
     * {@code fedByProduct}: the layer's pre-activations come from the layer below through a product, so the
     * derivative channels are kept from forward to backward (the first layer's are rows of its weights).
     */
    JetKernels(JetChannels layout, Activation activation, int rows, int width, int tileRows, boolean fedByProduct) {
        this.layout = layout;
        if (activation.kernelForm() == null) {
            throw new IllegalArgumentException("no hand-written kernel for activation " + activation.name());
        }
        this.tanh = activation.kernelForm() == Activation.KernelForm.TANH;
        this.width = width;
        this.channelSize = Math.multiplyExact(rows, width);
        if (width % LANES.length() != 0 || tileRows % TileProducts.BLOCK_ROWS != 0) {
            throw new IllegalArgumentException("width " + width + " or tile rows " + tileRows + " not padded");
        }
        this.tileRows = tileRows;
        int tile = tileRows * width;
        this.channels = layout.count();
        for (int k = 0; k < s.length; k++) {
            s[k] = new float[tile];
        }
        this.z = new float[channels][tile];
        this.g = new float[channels][tile];
        this.out = new float[channels][tile];
        this.zeros = new float[tile];
        this.discarded = new float[tile];
        this.tileSum = new float[width];
        this.firstBase = new float[channelSize];
        this.secondBase = tanh ? null : new float[channelSize];
        this.savedDerivatives = fedByProduct ? new float[(channels - 1) * channelSize] : null;
    }

    /**
     * Whether the JVM was started with {@code --add-modules=jdk.incubator.vector} (bin/deepmod, the tests and
     * Spark's own launch options do); without it the kernels cannot load and training takes autograd.
     */
    static boolean available() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Rows of a tile: the passes go tile by tile through every layer. */
    int tileRows() {
        return tileRows;
    }

    /** The tile's pre-activations z_c without bias (tile rows x width each), for the layer below's product to fill. */
    float[][] preActivations() {
        return z;
    }

    /** The tile's activated channels a_c after {@link #forwardTile} or {@link #restoreTile}; ∂L/∂z_c after {@link #backwardTile}. */
    float[][] results() {
        return out;
    }

    /** ∂L/∂a_c of the tile, for the layer above's product to fill before {@link #backwardTile}. */
    float[][] activationGradients() {
        return g;
    }

    /** The first layer's pre-activations of the tile from the coordinates. */
    void loadCoordinates(Inputs inputs, int row0, int tileRowCount) {
        loadPreActivations(inputs, row0, tileRowCount * width, true);
    }

    /**
     * The tile's activated channels (channel 0 is σ(z_0), the others follow Faà di Bruno) from its
     * pre-activations plus {@code bias}, into {@link #results}; for the last hidden layer also through the
     * output layer {@code head} into its values. Keeps what {@link #restoreTile} needs.
     */
    void forwardTile(float[] bias, int row0, int tileRowCount, Head head) {
        int at = row0 * width;
        int n = tileRowCount * width;
        if (savedDerivatives != null) {
            for (int c = 1; c < channels; c++) {
                System.arraycopy(z[c], 0, savedDerivatives, (c - 1) * channelSize + at, n);
            }
        }
        activate(bias, at, n);
        derivativesOfSigma(n, layout.sigmaOrder());
        activatedChannels(n);
        if (head != null) {
            applyHead(head, row0, tileRowCount);
        }
    }

    /**
     * A tile as its forward left it, for the backward: the activated channels again in {@link #results} (the
     * weight gradient of the layer above needs them) and σ's derivatives one order further.
     * {@code firstLayer}: the inputs when this is the first layer, else null.
     */
    void restoreTile(Inputs firstLayer, int row0, int tileRowCount) {
        int at = row0 * width;
        int n = tileRowCount * width;
        if (savedDerivatives != null) {
            for (int c = 1; c < channels; c++) {
                System.arraycopy(savedDerivatives, (c - 1) * channelSize + at, z[c], 0, n);
            }
        } else {
            loadPreActivations(firstLayer, row0, n, false);
        }
        System.arraycopy(firstBase, at, s[0], 0, n);
        if (!tanh) {
            System.arraycopy(secondBase, at, s[1], 0, n);
        }
        derivativesOfSigma(n, layout.sigmaOrder() + 1);
        activatedChannels(n);
    }

    /**
     * The gradient with respect to the tile's pre-activations z_c into {@link #results}, after
     * {@link #restoreTile}, from the gradient with respect to its activated channels: in
     * {@link #activationGradients}, or for the last hidden layer from the output layer {@code head} (whose own
     * parameter gradients are added to on the way). Its sum over the samples of channel 0 (the bias gradient)
     * is added to {@code biasGradient}; for the first layer ({@code firstLayer} not null) the weight gradient
     * goes to {@code firstWeightGradient} (D x width): z = coords·W + b gives ∂L/∂W_dh = Σ_n coords_nd ∂L/∂z_0
     * + Σ_n ∂L/∂(z_d)_nh for the first-derivative channel along d.
     */
    void backwardTile(int row0, int tileRowCount, Head head, float[] biasGradient, Inputs firstLayer,
                      float[] firstWeightGradient) {
        int n = tileRowCount * width;
        if (head != null) {
            backwardThroughHead(head, row0, tileRowCount);
        }
        if (layout.twoDimensional()) {
            backward2d(n);
        } else {
            backward1d(n);
        }
        addRowSums(out[0], n, biasGradient);
        if (firstLayer != null) {
            firstLayerWeightGradient(firstLayer, row0, tileRowCount, firstWeightGradient);
        }
    }

    /** The first layer's z_c of the tile; the value channel only in the forward pass (backward keeps σ(z_0) instead). */
    private void loadPreActivations(Inputs inputs, int row0, int n, boolean withValue) {
        int dims = inputs.dims;
        float[] w = inputs.weights;
        if (withValue) {
            float[] z0 = z[0];
            for (int r = 0, i = 0; i < n; r++, i += width) {
                int point = (row0 + r) * dims;
                float x0 = inputs.coords[point];
                for (int h = 0; h < width; h++) {
                    z0[i + h] = x0 * w[h];
                }
                for (int d = 1; d < dims; d++) {
                    float x = inputs.coords[point + d];
                    int row = d * width;
                    for (int h = 0; h < width; h++) {
                        z0[i + h] += x * w[row + h];
                    }
                }
            }
        }
        for (int c = 1; c < channels; c++) {
            int d = layout.inputCoordinate(c);
            if (d < 0) {
                z[c] = zeros; // every tile is as long, so one zero tile serves every zero channel
                continue;
            }
            float[] zc = z[c];
            for (int i = 0; i < n; i += width) {
                System.arraycopy(w, d * width, zc, i, width);
            }
        }
    }

    /** z_0 += b, then σ's base values of the tile into s[0] (and s[1] for sin), kept for the backward. */
    private void activate(float[] bias, int at, int n) {
        float[] z0 = z[0];
        for (int i = 0; i < n; i += width) {
            for (int h = 0; h < width; h++) {
                z0[i + h] += bias[h];
            }
        }
        int step = LANES.length();
        float[] s0 = s[0];
        if (tanh) {
            for (int i = 0; i < n; i += step) {
                VectorMath.tanh(v(z0, i)).intoArray(s0, i);
            }
            System.arraycopy(s0, 0, firstBase, at, n);
        } else {
            float[] s1 = s[1];
            for (int i = 0; i < n; i += step) {
                VectorMath.sinCos(v(z0, i), s0, s1, i);
            }
            System.arraycopy(s0, 0, firstBase, at, n);
            System.arraycopy(s1, 0, secondBase, at, n);
        }
    }

    /** out[0] = σ(z_0), out[c] by the chain rule. */
    private void activatedChannels(int n) {
        System.arraycopy(s[0], 0, out[0], 0, n);
        if (layout.twoDimensional()) {
            forward2d(n);
        } else {
            forward1d(n);
        }
    }

    /** values_c[row, k] = Σ_h a_c[row, h] W[h, k] (+ b_k on the value channel). */
    private void applyHead(Head head, int row0, int tileRowCount) {
        int k = head.columns.length;
        for (int c = 0; c < channels; c++) {
            float[] a = out[c];
            float[] values = head.values[c];
            for (int r = 0; r < tileRowCount; r++) {
                for (int o = 0; o < k; o++) {
                    float sum = dot(a, r * width, head.columns[o]);
                    values[(row0 + r) * k + o] = c == 0 ? sum + head.bias[o] : sum;
                }
            }
        }
    }

    /**
     * From the gradient of the head's values to that of this layer's activated channels (g), and the head's
     * weight gradient ∂L/∂W_hk += Σ_c Σ_rows a_c[row, h] ∂L/∂values_c[row, k] on the way (out holds a_c).
     */
    private void backwardThroughHead(Head head, int row0, int tileRowCount) {
        int k = head.columns.length;
        for (int c = 0; c < channels; c++) {
            float[] a = out[c];
            float[] gc = g[c];
            float[] upstream = head.gradients[c];
            for (int r = 0; r < tileRowCount; r++) {
                int i = r * width;
                for (int o = 0; o < k; o++) {
                    float go = upstream[(row0 + r) * k + o];
                    float[] w = head.columns[o];
                    float[] dw = head.columnGradients[o];
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
                head.biasGradient[o] += head.gradients[0][(row0 + r) * k + o];
            }
        }
    }

    /** Σ_h a[from + h] w[h] over the layer's width, with SIMD lanes (a float reduction does not vectorise by itself). */
    private float dot(float[] a, int from, float[] w) {
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

    /** sums[h] += Σ_rows tile[row, h]. */
    private void addRowSums(float[] tile, int n, float[] sums) {
        float[] sum = tileSum;
        java.util.Arrays.fill(sum, 0f);
        for (int r = 0; r < n; r += width) {
            for (int h = 0; h < width; h++) {
                sum[h] += tile[r + h];
            }
        }
        for (int h = 0; h < width; h++) {
            sums[h] += sum[h];
        }
    }

    private void firstLayerWeightGradient(Inputs inputs, int row0, int tileRowCount, float[] dw) {
        int dims = inputs.dims;
        float[] gz0 = out[0];
        for (int r = 0; r < tileRowCount; r++) {
            int point = (row0 + r) * dims;
            int i = r * width;
            for (int d = 0; d < dims; d++) {
                float x = inputs.coords[point + d];
                int row = d * width;
                for (int h = 0; h < width; h++) {
                    dw[row + h] += x * gz0[i + h];
                }
            }
        }
        for (int c = 1; c < channels; c++) {
            int d = layout.inputCoordinate(c);
            if (d >= 0) {
                float[] tile = out[c];
                int row = d * width;
                for (int i = 0; i < tileRowCount * width; i += width) {
                    for (int h = 0; h < width; h++) {
                        dw[row + h] += tile[i + h];
                    }
                }
            }
        }
    }

    // A 2D spec may leave out some derivatives (those no active term uses): they read as zero tiles and are
    // written to a tile nobody reads, so the 2D formulas need no cases.

    private float[] zOf(Partial p) {
        int c = layout.of(p);
        return c < 0 ? zeros : z[c];
    }

    private float[] gOf(Partial p) {
        int c = layout.of(p);
        return c < 0 ? zeros : g[c];
    }

    private float[] outOf(Partial p) {
        int c = layout.of(p);
        return c < 0 ? discarded : out[c];
    }

    private static FloatVector v(float[] a, int i) {
        return FloatVector.fromArray(LANES, a, i);
    }

    // One loop per case, every channel in one pass with explicit SIMD (the JIT's auto-vectoriser gives up on
    // loops this wide). Tiles are padded to whole vectors; the padding is computed and never stored.
    // a_t = d1 z_t; with d_k = σ^(k)(z_0) and x_k = ∂x^k z: a_1 = d1 x1, a_2 = d2 x1^2 + d1 x2,
    // a_3 = d3 x1^3 + 3 d2 x1 x2 + d1 x3, a_4 = d4 x1^4 + 6 d3 x1^2 x2 + d2 (3 x2^2 + 4 x1 x3) + d1 x4.

    private void forward1d(int n) {
        float[] s1 = s[1];
        float[] s2 = s[2];
        float[] s3 = s[3];
        float[] s4 = s[4];
        float[] zt = zOf(Partial.T);
        float[] at = outOf(Partial.T);
        int order = layout.xOrder();
        int step = LANES.length();
        if (order == 0) {
            for (int i = 0; i < n; i += step) {
                v(s1, i).mul(v(zt, i)).intoArray(at, i);
            }
            return;
        }
        float[] z1 = zOf(Partial.X);
        float[] a1 = outOf(Partial.X);
        float[] z2 = order >= 2 ? zOf(Partial.XX) : null;
        float[] a2 = order >= 2 ? outOf(Partial.XX) : null;
        float[] z3 = order >= 3 ? zOf(Partial.XXX) : null;
        float[] a3 = order >= 3 ? outOf(Partial.XXX) : null;
        float[] z4 = order >= 4 ? zOf(Partial.XXXX) : null;
        float[] a4 = order >= 4 ? outOf(Partial.XXXX) : null;
        for (int i = 0; i < n; i += step) {
            FloatVector d1 = v(s1, i);
            FloatVector x1 = v(z1, i);
            d1.mul(v(zt, i)).intoArray(at, i);
            d1.mul(x1).intoArray(a1, i);
            if (order == 1) {
                continue;
            }
            FloatVector d2 = v(s2, i);
            FloatVector x2 = v(z2, i);
            FloatVector x1Sq = x1.mul(x1);
            d2.mul(x1Sq).add(d1.mul(x2)).intoArray(a2, i);
            if (order == 2) {
                continue;
            }
            FloatVector d3 = v(s3, i);
            FloatVector x3 = v(z3, i);
            d3.mul(x1Sq).mul(x1).add(d2.mul(x1).mul(x2).mul(3f)).add(d1.mul(x3)).intoArray(a3, i);
            if (order == 3) {
                continue;
            }
            v(s4, i).mul(x1Sq).mul(x1Sq)
                    .add(d3.mul(x1Sq).mul(x2).mul(6f))
                    .add(d2.mul(x2.mul(x2).mul(3f).add(x1.mul(x3).mul(4f))))
                    .add(d1.mul(v(z4, i)))
                    .intoArray(a4, i);
        }
    }

    // Backward of forward1d: with h_k = dL/da_k, dL/dx_k collects every term x_k appears in, and
    // dL/dz_0 = h_0 d1 + sum_k (dL/dd_k) d_(k+1), since every d_k = σ^(k)(z_0) depends on z_0.
    private void backward1d(int n) {
        float[] s1 = s[1];
        float[] s2 = s[2];
        float[] s3 = s[3];
        float[] s4 = s[4];
        float[] s5 = s[5];
        float[] g0 = g[0];
        float[] r0 = out[0];
        float[] zt = zOf(Partial.T);
        float[] gt = gOf(Partial.T);
        float[] rt = outOf(Partial.T);
        int order = layout.xOrder();
        int step = LANES.length();
        float[] z1 = order >= 1 ? zOf(Partial.X) : null;
        float[] g1 = order >= 1 ? gOf(Partial.X) : null;
        float[] r1 = order >= 1 ? outOf(Partial.X) : null;
        float[] z2 = order >= 2 ? zOf(Partial.XX) : null;
        float[] g2 = order >= 2 ? gOf(Partial.XX) : null;
        float[] r2 = order >= 2 ? outOf(Partial.XX) : null;
        float[] z3 = order >= 3 ? zOf(Partial.XXX) : null;
        float[] g3 = order >= 3 ? gOf(Partial.XXX) : null;
        float[] r3 = order >= 3 ? outOf(Partial.XXX) : null;
        float[] z4 = order >= 4 ? zOf(Partial.XXXX) : null;
        float[] g4 = order >= 4 ? gOf(Partial.XXXX) : null;
        float[] r4 = order >= 4 ? outOf(Partial.XXXX) : null;
        for (int i = 0; i < n; i += step) {
            FloatVector d1 = v(s1, i);
            FloatVector d2 = v(s2, i);
            FloatVector ht = v(gt, i);
            d1.mul(ht).intoArray(rt, i);
            FloatVector sigma1 = ht.mul(v(zt, i));
            FloatVector z0 = v(g0, i).mul(d1);
            if (order == 0) {
                z0.add(sigma1.mul(d2)).intoArray(r0, i);
                continue;
            }
            FloatVector x1 = v(z1, i);
            FloatVector h1 = v(g1, i);
            sigma1 = sigma1.add(h1.mul(x1));
            if (order == 1) {
                d1.mul(h1).intoArray(r1, i);
                z0.add(sigma1.mul(d2)).intoArray(r0, i);
                continue;
            }
            FloatVector d3 = v(s3, i);
            FloatVector x2 = v(z2, i);
            FloatVector h2 = v(g2, i);
            FloatVector x1Sq = x1.mul(x1);
            sigma1 = sigma1.add(h2.mul(x2));
            FloatVector sigma2 = h2.mul(x1Sq);
            FloatVector r1v = d1.mul(h1).add(d2.mul(x1).mul(h2).mul(2f));
            if (order == 2) {
                r1v.intoArray(r1, i);
                d1.mul(h2).intoArray(r2, i);
                z0.add(sigma1.mul(d2)).add(sigma2.mul(d3)).intoArray(r0, i);
                continue;
            }
            FloatVector d4 = v(s4, i);
            FloatVector x3 = v(z3, i);
            FloatVector h3 = v(g3, i);
            sigma1 = sigma1.add(h3.mul(x3));
            sigma2 = sigma2.add(h3.mul(x1).mul(x2).mul(3f));
            FloatVector sigma3 = h3.mul(x1Sq).mul(x1);
            r1v = r1v.add(d3.mul(x1Sq).add(d2.mul(x2)).mul(h3).mul(3f));
            FloatVector r2v = d1.mul(h2).add(d2.mul(x1).mul(h3).mul(3f));
            FloatVector r3v = d1.mul(h3);
            if (order == 3) {
                r1v.intoArray(r1, i);
                r2v.intoArray(r2, i);
                r3v.intoArray(r3, i);
                z0.add(sigma1.mul(d2)).add(sigma2.mul(d3)).add(sigma3.mul(d4)).intoArray(r0, i);
                continue;
            }
            FloatVector h4 = v(g4, i);
            sigma1 = sigma1.add(h4.mul(v(z4, i)));
            sigma2 = sigma2.add(h4.mul(x2.mul(x2).mul(3f).add(x1.mul(x3).mul(4f))));
            sigma3 = sigma3.add(h4.mul(x1Sq).mul(x2).mul(6f));
            FloatVector sigma4 = h4.mul(x1Sq).mul(x1Sq);
            r1v.add(d4.mul(x1Sq).mul(x1).add(d3.mul(x1).mul(x2).mul(3f)).add(d2.mul(x3)).mul(h4).mul(4f))
                    .intoArray(r1, i);
            r2v.add(d3.mul(x1Sq).add(d2.mul(x2)).mul(h4).mul(6f)).intoArray(r2, i);
            r3v.add(d2.mul(x1).mul(h4).mul(4f)).intoArray(r3, i);
            d1.mul(h4).intoArray(r4, i);
            z0.add(sigma1.mul(d2)).add(sigma2.mul(d3)).add(sigma3.mul(d4)).add(sigma4.mul(v(s5, i)))
                    .intoArray(r0, i);
        }
    }

    // Two space dimensions: a_t, a_x, a_y as in 1D; a_xx = d2 z_x^2 + d1 z_xx, a_yy alike,
    // a_xy = d2 z_x z_y + d1 z_xy.
    private void forward2d(int n) {
        float[] s1 = s[1];
        float[] s2 = s[2];
        float[] zt = zOf(Partial.T);
        float[] zx = zOf(Partial.X);
        float[] zy = zOf(Partial.Y);
        float[] zxx = zOf(Partial.XX);
        float[] zyy = zOf(Partial.YY);
        float[] zxy = zOf(Partial.XY);
        float[] at = outOf(Partial.T);
        float[] ax = outOf(Partial.X);
        float[] ay = outOf(Partial.Y);
        float[] axx = outOf(Partial.XX);
        float[] ayy = outOf(Partial.YY);
        float[] axy = outOf(Partial.XY);
        for (int i = 0; i < n; i += LANES.length()) {
            FloatVector d1 = v(s1, i);
            FloatVector d2 = v(s2, i);
            FloatVector x = v(zx, i);
            FloatVector y = v(zy, i);
            d1.mul(v(zt, i)).intoArray(at, i);
            d1.mul(x).intoArray(ax, i);
            d1.mul(y).intoArray(ay, i);
            d2.mul(x).mul(x).add(d1.mul(v(zxx, i))).intoArray(axx, i);
            d2.mul(y).mul(y).add(d1.mul(v(zyy, i))).intoArray(ayy, i);
            d2.mul(x).mul(y).add(d1.mul(v(zxy, i))).intoArray(axy, i);
        }
    }

    private void backward2d(int n) {
        float[] s1 = s[1];
        float[] s2 = s[2];
        float[] s3 = s[3];
        float[] zt = zOf(Partial.T);
        float[] zx = zOf(Partial.X);
        float[] zy = zOf(Partial.Y);
        float[] zxx = zOf(Partial.XX);
        float[] zyy = zOf(Partial.YY);
        float[] zxy = zOf(Partial.XY);
        float[] g0 = g[0];
        float[] gt = gOf(Partial.T);
        float[] gx = gOf(Partial.X);
        float[] gy = gOf(Partial.Y);
        float[] gxx = gOf(Partial.XX);
        float[] gyy = gOf(Partial.YY);
        float[] gxy = gOf(Partial.XY);
        float[] r0 = out[0];
        float[] rt = outOf(Partial.T);
        float[] rx = outOf(Partial.X);
        float[] ry = outOf(Partial.Y);
        float[] rxx = outOf(Partial.XX);
        float[] ryy = outOf(Partial.YY);
        float[] rxy = outOf(Partial.XY);
        for (int i = 0; i < n; i += LANES.length()) {
            FloatVector d1 = v(s1, i);
            FloatVector d2 = v(s2, i);
            FloatVector x = v(zx, i);
            FloatVector y = v(zy, i);
            FloatVector ht = v(gt, i);
            FloatVector hx = v(gx, i);
            FloatVector hy = v(gy, i);
            FloatVector hxx = v(gxx, i);
            FloatVector hyy = v(gyy, i);
            FloatVector hxy = v(gxy, i);
            d1.mul(ht).intoArray(rt, i);
            d1.mul(hxx).intoArray(rxx, i);
            d1.mul(hyy).intoArray(ryy, i);
            d1.mul(hxy).intoArray(rxy, i);
            d1.mul(hx).add(d2.mul(x.mul(hxx).mul(2f).add(y.mul(hxy)))).intoArray(rx, i);
            d1.mul(hy).add(d2.mul(y.mul(hyy).mul(2f).add(x.mul(hxy)))).intoArray(ry, i);
            FloatVector sigma1 = ht.mul(v(zt, i)).add(hx.mul(x)).add(hy.mul(y)).add(hxx.mul(v(zxx, i)))
                    .add(hyy.mul(v(zyy, i))).add(hxy.mul(v(zxy, i)));
            FloatVector sigma2 = hxx.mul(x).mul(x).add(hyy.mul(y).mul(y)).add(hxy.mul(x).mul(y));
            v(g0, i).mul(d1).add(sigma1.mul(d2)).add(sigma2.mul(v(s3, i))).intoArray(r0, i);
        }
    }

    /** s[k] = σ^(k)(z_0) for k = 1..order on the tile, from s[0] (and s[1] for sin). */
    private void derivativesOfSigma(int n, int order) {
        float[] s0 = s[0];
        if (tanh) {
            // every derivative of tanh is a polynomial in a = tanh z, all of them in one pass
            float[] s1 = s[1];
            float[] s2 = s[2];
            float[] s3 = s[3];
            float[] s4 = s[4];
            float[] s5 = s[5];
            for (int i = 0; i < n; i += LANES.length()) {
                FloatVector a = v(s0, i);
                FloatVector q = a.mul(a);
                FloatVector d1 = q.neg().add(1f);
                d1.intoArray(s1, i);
                if (order >= 2) {
                    a.mul(d1).mul(-2f).intoArray(s2, i);
                }
                if (order >= 3) {
                    d1.mul(q.mul(6f).sub(2f)).intoArray(s3, i);
                }
                if (order >= 4) {
                    a.mul(d1).mul(q.mul(-24f).add(16f)).intoArray(s4, i);
                }
                if (order >= 5) {
                    d1.mul(q.mul(q.mul(120f).sub(120f)).add(16f)).intoArray(s5, i);
                }
            }
        } else {
            // sin, cos, −sin, −cos, sin, cos
            for (int k = 2; k <= order; k++) {
                float[] from = s[k - 2];
                float[] to = s[k];
                for (int i = 0; i < n; i++) {
                    to[i] = -from[i];
                }
            }
        }
    }
}
