package org.deepmod.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.FloatBuffer;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One forward pass of a {@link JetMlp} that keeps what its hand-written backward needs, so that the network
 * is differentiated without autograd. All derivative channels travel stacked, [C·N, H] per layer (C = 1 +
 * the derivatives carried), so a hidden-to-hidden layer costs one matrix product forward and two backward
 * (PyTorch's, i.e. MKL's) whatever the library needs; everything else — the first layer, the activations
 * and their chain rule, the output layer, bias and first-layer gradients — runs on the JVM in
 * {@link JetKernels}, tile by tile.
 *
 * <p>Use: {@link #outputs()} gives the network's value and derivatives on the JVM; the loss adds its gradient
 * with respect to them into that {@link HostJet}; {@link #parameterGradients()} then carries it down through
 * the layers. Temporary tensors live in the manager of the coordinates (the caller's step). One pass of a
 * network at a time: the network's kernels keep the activations of its latest pass only.
 */
public final class JetTape {
    private final JetMlp network;
    private final JetSpec spec;
    private final int rows;
    private final int channels;
    private final NDManager scope;
    private final float[] parameters;
    private final float[] coords;
    /** Effective weights (ω0·W) of the hidden-to-hidden layers l ≥ 1, as PyTorch arrays. */
    private final NDArray[] weights;
    /** products[l] (l ≥ 1): layer l's stacked pre-activation without bias, a_(l-1)·W_l. */
    private final NDArray[] products;
    /** activated[l]: hidden layer l's stacked output, for every hidden layer but the last. */
    private final NDArray[] activated;
    /** The first layer's coordinates and effective weights, for its forward and its backward. */
    private final JetKernels.Inputs firstLayer;
    private final JetKernels.Head head;
    private final HostJet outputs;

    JetTape(JetMlp network, NDArray coords, JetSpec spec) {
        this.network = network;
        this.spec = spec;
        this.rows = Math.toIntExact(coords.getShape().get(0));
        this.channels = new JetChannels(spec).count();
        this.scope = coords.getManager();
        this.parameters = network.hostParameters();
        this.coords = coords.toFloatArray();
        int hidden = network.hiddenLayers();
        this.weights = new NDArray[hidden];
        this.products = new NDArray[hidden];
        this.activated = new NDArray[hidden];
        this.outputs = new HostJet(spec, rows, network.outputDims());
        this.firstLayer = firstLayerInputs();
        this.head = new JetKernels.Head(outputColumns(), slice(network.biasOffset(hidden), network.outputDims(), 1.0),
                outputs.channelValues());
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            forward();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    private void forward() {
        int hidden = network.hiddenLayers();
        for (int l = 0; l < hidden; l++) {
            JetKernels.Inputs inputs;
            if (l == 0) {
                inputs = firstLayer;
            } else {
                weights[l] = network.weight(scope, l);
                products[l] = activated[l - 1].matMul(weights[l]);
                inputs = JetKernels.Inputs.stacked(buffer(products[l]));
            }
            boolean last = l == hidden - 1;
            FloatBuffer next = null;
            if (!last) {
                activated[l] = scope.create(new Shape((long) channels * rows, network.layerWidth(l)), DataType.FLOAT32);
                next = buffer(activated[l]);
            }
            network.kernel(l, rows, spec).forward(inputs, bias(l), next, last ? head : null);
        }
    }

    private JetKernels.Inputs firstLayerInputs() {
        int width = network.layerWidth(0);
        int dims = network.layerInputs(0);
        return JetKernels.Inputs.coordinates(coords, dims,
                slice(network.weightOffset(0), dims * width, network.omega(0)));
    }

    /** The effective bias of hidden layer l (ω0·b). */
    private float[] bias(int l) {
        return slice(network.biasOffset(l), network.layerWidth(l), network.omega(l));
    }

    private float[] slice(int from, int length, double factor) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = (float) (parameters[from + i] * factor);
        }
        return out;
    }

    /** The output layer's weights by column ([K][H]). */
    private float[][] outputColumns() {
        int hidden = network.hiddenLayers();
        int width = network.layerInputs(hidden);
        int k = network.outputDims();
        int from = network.weightOffset(hidden);
        float[][] columns = new float[k][width];
        for (int h = 0; h < width; h++) {
            for (int o = 0; o < k; o++) {
                columns[o][h] = parameters[from + h * k + o];
            }
        }
        return columns;
    }

    private static FloatBuffer buffer(NDArray array) {
        return HostArrays.memory(array).asFloatBuffer();
    }

    /** The network's value and derivatives at the coordinates, with gradient arrays for the loss to fill. */
    public HostJet outputs() {
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
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            Map<NDArray, float[]> gradients = new IdentityHashMap<>();
            gradients.put(network.parameters().get(0), backward());
            return gradients;
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    private float[] backward() {
        int hidden = network.hiddenLayers();
        float[] gradient = new float[parameters.length];
        head.gradients = outputs.channelGradients();
        NDArray upstream = null;
        for (int l = hidden - 1; l >= 0; l--) {
            int width = network.layerWidth(l);
            boolean last = l == hidden - 1;
            JetKernels kernel = network.kernel(l, rows, spec);
            float[] biasGradient = new float[width];
            FloatBuffer fromAbove = last ? null : buffer(upstream);
            if (l > 0) {
                NDArray gz = scope.create(new Shape((long) channels * rows, width), DataType.FLOAT32);
                kernel.backward(JetKernels.Inputs.stacked(buffer(products[l])), fromAbove, last ? head : null,
                        buffer(gz), biasGradient, null);
                put(gradient, network.weightOffset(l), activated[l - 1].transpose().matMul(gz).toFloatArray(),
                        network.omega(l));
                upstream = gz.matMul(weights[l].transpose());
            } else {
                float[] weightGradient = new float[network.layerInputs(0) * width];
                kernel.backward(firstLayer, fromAbove, last ? head : null, null, biasGradient,
                        weightGradient);
                put(gradient, network.weightOffset(0), weightGradient, network.omega(0));
            }
            put(gradient, network.biasOffset(l), biasGradient, network.omega(l));
        }
        int width = network.layerInputs(hidden);
        int k = network.outputDims();
        int from = network.weightOffset(hidden);
        for (int h = 0; h < width; h++) {
            for (int o = 0; o < k; o++) {
                gradient[from + h * k + o] = head.columnGradients[o][h];
            }
        }
        put(gradient, network.biasOffset(hidden), head.biasGradient, 1.0);
        return gradient;
    }

    /** The raw parameters' gradient from the effective ones' (z = ω0 (W a + b): ∂/∂W = ω0 ∂/∂(ω0 W)). */
    private static void put(float[] gradient, int from, float[] values, double omega) {
        for (int i = 0; i < values.length; i++) {
            gradient[from + i] = (float) (values[i] * omega);
        }
    }
}
