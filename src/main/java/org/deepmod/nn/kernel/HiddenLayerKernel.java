package org.deepmod.nn.kernel;

/**
 * The elementwise part of one hidden layer's jet, forward and backward, fused on the JVM: from the
 * pre-activation channels z_c (N x H each) to the activated channels a_c, and back from the gradient of the
 * a_c to that of the z_c. Through PyTorch this is ~25 small operations forward and ~40 backward per layer,
 * each streaming whole N x H arrays through memory; here every element is touched once, in tiles that stay
 * in the cache ({@link TileBuffers}), with explicit SIMD (the Vector API).
 *
 * <p>Everything but the products between hidden layers ({@link TileProducts}) runs here, on the tile while it
 * is in cache: the bias, the activation itself ({@link KernelActivation}), the chain rule
 * ({@link TileChainRule}), the first layer ({@link FirstLayer}), the linear output layer
 * ({@link OutputLayer}), and the sums over the samples that give the bias gradients. The jet API's
 * {@code JetTape} takes a tile through every layer before the next.
 *
 * <p>A kernel belongs to one layer of one network and is reused from step to step (it keeps that layer's
 * σ(z_0) and derivative channels between a step's forward and backward). Not thread-safe.
 */
public final class HiddenLayerKernel {
    private final ChannelLayout layout;
    private final KernelActivation activation;
    private final TileBuffers tiles;
    private final TileChainRule chainRule;
    private final int width;
    private final int channelSize;
    private final int channels;
    private final float[] tileSum;
    /** σ's base values over the whole layer (tanh z_0, or sin z_0 and cos z_0), from forward to backward. */
    private final float[][] savedBase;
    /** z_c (c ≥ 1) over the whole layer, stacked, for layers fed by a product; null for the first layer. */
    private final float[] savedDerivatives;

    /**
     * A kernel for a layer {@code width} wide (padded to whole vectors, {@link TileProducts#padded}: the
     * network's pad units have zero weights and biases, so their values and gradients are zero) over
     * {@code rows} samples, in tiles of {@code tileRows} (a multiple of {@link TileProducts#BLOCK_ROWS}).
     * {@code fedByProduct}: the layer's pre-activations come from the layer below through a product, so the
     * derivative channels are kept from forward to backward (the first layer's are rows of its weights).
     */
    public HiddenLayerKernel(ChannelLayout layout, KernelForm activation, int rows, int width, int tileRows,
                             boolean fedByProduct) {
        this.layout = layout;
        this.activation = new KernelActivation(activation);
        this.width = width;
        this.channelSize = Math.multiplyExact(rows, width);
        if (width % TileProducts.LANES.length() != 0 || tileRows % TileProducts.BLOCK_ROWS != 0) {
            throw new IllegalArgumentException("width " + width + " or tile rows " + tileRows + " not padded");
        }
        this.tiles = new TileBuffers(layout, width, tileRows);
        this.chainRule = new TileChainRule(tiles);
        this.channels = layout.count;
        this.tileSum = new float[width];
        this.savedBase = new float[this.activation.baseCount()][channelSize];
        this.savedDerivatives = fedByProduct ? new float[(channels - 1) * channelSize] : null;
    }

    /**
     * Whether the JVM was started with {@code --add-modules=jdk.incubator.vector} (bin/deepmod, the tests and
     * Spark's own launch options do); without it the kernels cannot load and training takes autograd.
     */
    public static boolean available() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Rows of a tile: the passes go tile by tile through every layer. */
    public int tileRows() {
        return tiles.tileRows;
    }

    /** The tile's pre-activations z_c without bias (tile rows x width each), for the layer below's product to fill. */
    public float[][] preActivations() {
        return tiles.preActivations;
    }

    /** The tile's activated channels a_c after {@link #forwardTile} or {@link #restoreTile}; ∂L/∂z_c after {@link #backwardTile}. */
    public float[][] results() {
        return tiles.results;
    }

    /** ∂L/∂a_c of the tile, for the layer above's product to fill before {@link #backwardTile}. */
    public float[][] activationGradients() {
        return tiles.activationGradients;
    }

    /** The first layer's pre-activations of the tile from the coordinates. */
    public void loadCoordinates(FirstLayer inputs, int row0, int tileRowCount) {
        inputs.loadPreActivations(tiles, row0, tileRowCount, true);
    }

    /**
     * The tile's activated channels (channel 0 is σ(z_0), the others by the chain rule) from its
     * pre-activations plus {@code bias}, into {@link #results}; for the last hidden layer also through the
     * output layer {@code head} into its values. Keeps what {@link #restoreTile} needs.
     */
    public void forwardTile(float[] bias, int row0, int tileRowCount, OutputLayer head) {
        int at = row0 * width;
        int n = tileRowCount * width;
        if (savedDerivatives != null) {
            for (int c = 1; c < channels; c++) {
                System.arraycopy(tiles.preActivations[c], 0, savedDerivatives, (c - 1) * channelSize + at, n);
            }
        }
        addBias(bias, n);
        activation.base(tiles.preActivations[0], tiles.sigma, n);
        for (int b = 0; b < savedBase.length; b++) {
            System.arraycopy(tiles.sigma[b], 0, savedBase[b], at, n);
        }
        activation.derivatives(tiles.sigma, n, layout.sigmaOrder());
        activatedChannels(n);
        if (head != null) {
            head.forward(tiles, row0, tileRowCount);
        }
    }

    /**
     * A tile as its forward left it, for the backward: the activated channels again in {@link #results} (the
     * weight gradient of the layer above needs them) and σ's derivatives one order further.
     * {@code firstLayer}: the inputs when this is the first layer, else null.
     */
    public void restoreTile(FirstLayer firstLayer, int row0, int tileRowCount) {
        int at = row0 * width;
        int n = tileRowCount * width;
        if (savedDerivatives != null) {
            for (int c = 1; c < channels; c++) {
                System.arraycopy(savedDerivatives, (c - 1) * channelSize + at, tiles.preActivations[c], 0, n);
            }
        } else {
            firstLayer.loadPreActivations(tiles, row0, tileRowCount, false);
        }
        for (int b = 0; b < savedBase.length; b++) {
            System.arraycopy(savedBase[b], at, tiles.sigma[b], 0, n);
        }
        activation.derivatives(tiles.sigma, n, layout.sigmaOrder() + 1);
        activatedChannels(n);
    }

    /**
     * The gradient with respect to the tile's pre-activations z_c into {@link #results}, after
     * {@link #restoreTile}, from the gradient with respect to its activated channels: in
     * {@link #activationGradients}, or for the last hidden layer from the output layer {@code head} (whose own
     * parameter gradients are added to on the way). Its sum over the samples of channel 0 (the bias gradient)
     * is added to {@code biasGradient}; for the first layer ({@code firstLayer} not null) the weight gradient
     * is added to {@code firstWeightGradient} (D x width).
     */
    public void backwardTile(int row0, int tileRowCount, OutputLayer head, float[] biasGradient,
                             FirstLayer firstLayer, float[] firstWeightGradient) {
        int n = tileRowCount * width;
        if (head != null) {
            head.backward(tiles, row0, tileRowCount);
        }
        chainRule.backward(n);
        addRowSums(tiles.results[0], n, biasGradient);
        if (firstLayer != null) {
            firstLayer.addWeightGradient(tiles, row0, tileRowCount, firstWeightGradient);
        }
    }

    /** z_0 += b on the tile. */
    private void addBias(float[] bias, int n) {
        float[] z0 = tiles.preActivations[0];
        for (int i = 0; i < n; i += width) {
            for (int h = 0; h < width; h++) {
                z0[i + h] += bias[h];
            }
        }
    }

    /** results[0] = σ(z_0), results[c] by the chain rule. */
    private void activatedChannels(int n) {
        System.arraycopy(tiles.sigma[0], 0, tiles.results[0], 0, n);
        chainRule.forward(n);
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
}
