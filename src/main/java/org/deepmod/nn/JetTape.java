package org.deepmod.nn;

import ai.djl.ndarray.NDArray;
import java.util.IdentityHashMap;
import java.util.Map;
import org.deepmod.nn.kernel.FirstLayer;
import org.deepmod.nn.kernel.HiddenLayerKernel;
import org.deepmod.nn.kernel.OutputLayer;
import org.deepmod.nn.kernel.TileProducts;

/**
 * One forward pass of a {@link JetMlp} that keeps what its hand-written backward needs, so that the network
 * is differentiated without autograd, on the JVM. All derivative channels travel together through every
 * layer, tile by tile (a few dozen samples at a time, so a tile's channels stay in the cache from one layer
 * to the next): a {@link HiddenLayerKernel} per layer does the activation and its chain rule, the bias and
 * its gradient, with the {@link FirstLayer} and the {@link OutputLayer} at either end; {@link TileProducts}
 * the products between hidden layers, one forward and two backward (the weight gradient and the gradient
 * passed down).
 *
 * <p>Layers are padded to whole vectors ({@link JetMlp#paddedWidth}) with units whose weights and biases are
 * zero: their values and gradients are zero and are dropped from the parameter gradient.
 *
 * <p>Use: {@link #outputs()} gives the network's value and derivatives on the JVM; the loss adds its gradient
 * with respect to them into that {@link JetWithGradients}; {@link #parameterGradients()} then carries it down through
 * the layers. One pass of a network at a time: the network's kernels keep the activations of its latest pass
 * only.
 */
public final class JetTape {
    private final JetMlp network;
    private final int rows;
    private final int channels;
    private final int hidden;
    private final float[] parameters;
    private final HiddenLayerKernel[] kernels;
    /** Per hidden layer, its width padded to whole vectors. */
    private final int[] padded;
    /** forwardWeights[l] (l ≥ 1): ω·W_l, [width(l-1)][padded(l)], zero in the pad columns. */
    private final float[][] forwardWeights;
    /** backwardWeights[l] (l ≥ 1): (ω·W_l)ᵀ, [width(l)][padded(l-1)], zero in the pad columns. */
    private final float[][] backwardWeights;
    /** ω·b per hidden layer, padded. */
    private final float[][] biases;
    /** The first layer's coordinates and effective weights, for its forward and its backward. */
    private final FirstLayer firstLayer;
    private final OutputLayer head;
    private final JetWithGradients outputs;

    JetTape(JetMlp network, NDArray coords, DerivativeSet spec) {
        this.network = network;
        this.rows = Math.toIntExact(coords.getShape().get(0));
        this.channels = new JetChannels(spec).count();
        this.hidden = network.hiddenLayers();
        this.parameters = network.parameterCopy();
        this.kernels = new HiddenLayerKernel[hidden];
        this.padded = new int[hidden];
        this.forwardWeights = new float[hidden][];
        this.backwardWeights = new float[hidden][];
        this.biases = new float[hidden][];
        for (int l = 0; l < hidden; l++) {
            kernels[l] = network.kernel(l, rows, spec);
            padded[l] = network.paddedWidth(l);
            biases[l] = paddedRows(network.biasOffset(l), 1, network.layerWidth(l), padded[l], network.omega(l));
            if (l > 0) {
                forwardWeights[l] = paddedRows(network.weightOffset(l), network.layerInputs(l), network.layerWidth(l),
                        padded[l], network.omega(l));
                backwardWeights[l] = transposed(forwardWeights[l], network.layerInputs(l), network.layerWidth(l),
                        padded[l], padded[l - 1]);
            }
        }
        int dims = network.layerInputs(0);
        this.firstLayer = new FirstLayer(coords.toFloatArray(), dims,
                paddedRows(network.weightOffset(0), dims, network.layerWidth(0), padded[0], network.omega(0)));
        this.outputs = new JetWithGradients(spec, rows, network.outputDims());
        this.head = new OutputLayer(outputColumns(), outputBias(), outputs.channelValues(), outputs.channelGradients());
        forward();
    }

    private void forward() {
        int tileRows = kernels[0].tileRows();
        for (int row0 = 0; row0 < rows; row0 += tileRows) {
            int count = Math.min(tileRows, rows - row0);
            kernels[0].loadCoordinates(firstLayer, row0, count);
            for (int l = 0; l < hidden; l++) {
                if (l > 0) {
                    float[][] below = kernels[l - 1].results();
                    float[][] z = kernels[l].preActivations();
                    for (int c = 0; c < channels; c++) {
                        TileProducts.multiply(below[c], padded[l - 1], forwardWeights[l], network.layerInputs(l), z[c],
                                tileRows, padded[l]);
                    }
                }
                kernels[l].forwardTile(biases[l], row0, count, l == hidden - 1 ? head : null);
            }
        }
    }

    /** Rows of a parameter block (row-major, rows x width) times factor, each padded with zeros to {@code stride}. */
    private float[] paddedRows(int from, int rowCount, int width, int stride, double factor) {
        float[] out = new float[rowCount * stride];
        for (int r = 0; r < rowCount; r++) {
            for (int h = 0; h < width; h++) {
                out[r * stride + h] = (float) (parameters[from + r * width + h] * factor);
            }
        }
        return out;
    }

    /** The transpose of the first {@code width} columns of w (inputs x stride), padded with zeros to {@code stride}. */
    private static float[] transposed(float[] w, int inputs, int width, int stride, int transposedStride) {
        float[] out = new float[width * transposedStride];
        for (int k = 0; k < inputs; k++) {
            for (int j = 0; j < width; j++) {
                out[j * transposedStride + k] = w[k * stride + j];
            }
        }
        return out;
    }

    /** The output layer's weights by column ([K][padded width of the last hidden layer]). */
    private float[][] outputColumns() {
        int width = network.layerInputs(hidden);
        int k = network.outputDims();
        int from = network.weightOffset(hidden);
        float[][] columns = new float[k][padded[hidden - 1]];
        for (int h = 0; h < width; h++) {
            for (int o = 0; o < k; o++) {
                columns[o][h] = parameters[from + h * k + o];
            }
        }
        return columns;
    }

    private float[] outputBias() {
        return paddedRows(network.biasOffset(hidden), 1, network.outputDims(), network.outputDims(), 1.0);
    }

    /** The network's value and derivatives at the coordinates, with gradient arrays for the loss to fill. */
    public JetWithGradients outputs() {
        return outputs;
    }

    /**
     * The gradient of the loss with respect to the network's parameter vector (the layout of
     * {@link JetMlp#parameters()}), from the gradient the loss left in {@link #outputs()}.
     */
    public Map<NDArray, float[]> parameterGradients() {
        if (!network.isLatest(this)) {
            throw new IllegalStateException("a later pass of the same network replaced this one's activations");
        }
        Map<NDArray, float[]> gradients = new IdentityHashMap<>();
        gradients.put(network.parameters().get(0), backward());
        return gradients;
    }

    private float[] backward() {
        float[][] weightGradients = new float[hidden][];
        float[][] biasGradients = new float[hidden][];
        for (int l = 0; l < hidden; l++) {
            int gradientRows = l == 0 ? network.layerInputs(0) : gradientRows(l);
            weightGradients[l] = new float[gradientRows * padded[l]];
            biasGradients[l] = new float[padded[l]];
        }
        int tileRows = kernels[0].tileRows();
        int top = hidden - 1;
        for (int row0 = 0; row0 < rows; row0 += tileRows) {
            int count = Math.min(tileRows, rows - row0);
            kernels[top].restoreTile(top == 0 ? firstLayer : null, row0, count);
            kernels[top].backwardTile(row0, count, head, biasGradients[top], top == 0 ? firstLayer : null,
                    weightGradients[0]);
            for (int l = top; l > 0; l--) {
                HiddenLayerKernel below = kernels[l - 1];
                below.restoreTile(l == 1 ? firstLayer : null, row0, count);
                float[][] gz = kernels[l].results();
                TileProducts.accumulateTransposed(below.results(), gz, channels, padded[l - 1], count,
                        gradientRows(l), padded[l], weightGradients[l]);
                float[][] ga = below.activationGradients();
                for (int c = 0; c < channels; c++) {
                    TileProducts.multiply(gz[c], padded[l], backwardWeights[l], network.layerWidth(l), ga[c], tileRows,
                            padded[l - 1]);
                }
                below.backwardTile(row0, count, null, biasGradients[l - 1], l == 1 ? firstLayer : null,
                        weightGradients[0]);
            }
        }
        float[] gradient = new float[parameters.length];
        for (int l = 0; l < hidden; l++) {
            int width = network.layerWidth(l);
            put(gradient, network.weightOffset(l), weightGradients[l], network.layerInputs(l), width, padded[l],
                    network.omega(l));
            put(gradient, network.biasOffset(l), biasGradients[l], 1, width, padded[l], network.omega(l));
        }
        int width = network.layerInputs(hidden);
        int k = network.outputDims();
        int from = network.weightOffset(hidden);
        for (int h = 0; h < width; h++) {
            for (int o = 0; o < k; o++) {
                gradient[from + h * k + o] = head.columnGradients()[o][h];
            }
        }
        put(gradient, network.biasOffset(hidden), head.biasGradient(), 1, k, k, 1.0);
        return gradient;
    }

    /** Rows of layer l's (l ≥ 1) weight gradient that the tiles compute; those beyond its inputs are dropped. */
    private int gradientRows(int l) {
        return TileProducts.gradientRows(network.layerInputs(l), padded[l - 1]);
    }

    /**
     * The raw parameters' gradient (rows x width) from the effective ones' (rows x stride, padded):
     * z = ω0 (W a + b) gives ∂/∂W = ω0 ∂/∂(ω0 W).
     */
    private static void put(float[] gradient, int from, float[] values, int rowCount, int width, int stride,
                            double omega) {
        for (int r = 0; r < rowCount; r++) {
            for (int h = 0; h < width; h++) {
                gradient[from + r * width + h] = (float) (values[r * stride + h] * omega);
            }
        }
    }
}
