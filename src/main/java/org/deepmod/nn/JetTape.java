package org.deepmod.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One forward pass of a {@link JetMlp} that keeps what its hand-written backward needs, so that the network
 * is differentiated without autograd. All derivative channels travel stacked, [C·N, H] per layer (C = 1 +
 * the derivatives carried), so a layer costs one matrix product forward and two backward whatever the
 * library needs; the elementwise chain rule runs in {@link JetKernels}.
 *
 * <p>Use: {@link #jet()} gives the network's outputs as views of one leaf array that records gradients;
 * after the loss's backward, {@link #parameterGradients()} carries that leaf's gradient down through the
 * layers. Everything lives in the manager of the coordinates (the caller's step).
 */
public final class JetTape {
    private final JetMlp network;
    private final JetChannels layout;
    private final NDArray coords;
    private final int rows;
    private final int channels;
    private final NDManager scope;
    private final List<NDArray> weights = new ArrayList<>();
    /** inputs.get(l): the stacked activated input of layer l (l ≥ 1); index 0 holds the coordinates. */
    private final List<NDArray> inputs = new ArrayList<>();
    private final List<NDArray[]> sigmas = new ArrayList<>();
    private final List<JetKernels.Source[]> sources = new ArrayList<>();
    private final List<JetKernels> kernels = new ArrayList<>();
    private final NDArray output;
    private Jet jet;

    JetTape(JetMlp network, NDArray coords, JetSpec spec) {
        this.network = network;
        this.layout = new JetChannels(spec);
        this.coords = coords;
        this.rows = Math.toIntExact(coords.getShape().get(0));
        this.channels = layout.count();
        this.scope = coords.getManager();
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            this.output = forward();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    private NDArray forward() {
        int hidden = network.hiddenLayers();
        inputs.add(coords);
        NDArray activated = null;
        for (int l = 0; l < hidden; l++) {
            NDArray w = network.weight(scope, l);
            weights.add(w);
            int width = Math.toIntExact(w.getShape().get(1));
            NDArray valueChannel;
            JetKernels.Source[] src = new JetKernels.Source[channels];
            if (l == 0) {
                valueChannel = coords.matMul(w).add(network.bias(scope, 0));
                float[] rowsOfW = w.toFloatArray();
                for (int c = 1; c < channels; c++) {
                    // ∂z/∂(coordinate) is that coordinate's row of W; higher derivatives of the inputs vanish
                    int d = layout.inputCoordinate(c);
                    src[c] = d >= 0
                            ? JetKernels.Source.row(java.util.Arrays.copyOfRange(rowsOfW, d * width, (d + 1) * width))
                            : JetKernels.Source.zero();
                }
            } else {
                NDArray preActivation = activated.matMul(w);
                valueChannel = preActivation.get(new NDIndex("0:" + rows)).add(network.bias(scope, l));
                FloatBuffer z = buffer(preActivation);
                for (int c = 1; c < channels; c++) {
                    src[c] = JetKernels.Source.block(z, c * rows * width);
                }
            }
            NDArray[] sigma = sigmaBases(valueChannel);
            JetKernels kernel = new JetKernels(layout, network.activation(), rows, width);
            NDArray next = scope.create(new Shape((long) channels * rows, width), DataType.FLOAT32);
            kernel.forward(buffer(sigma[0]), sigma.length > 1 ? buffer(sigma[1]) : null, src, buffer(next));
            sigmas.add(sigma);
            sources.add(src);
            kernels.add(kernel);
            inputs.add(next);
            activated = next;
        }
        NDArray wOut = network.weight(scope, hidden);
        weights.add(wOut);
        NDArray stacked = activated.matMul(wOut);
        NDArray value = stacked.get(new NDIndex("0:" + rows)).add(network.bias(scope, hidden));
        NDArray withBias = channels == 1 ? value : value.concat(stacked.get(new NDIndex(rows + ":")), 0);
        return withBias.reshape(channels, rows, network.outputDims());
    }

    /** The inputs of the kernels: σ(2z) for tanh (tanh z = 2σ(2z) − 1), sin z and cos z for sin. */
    private NDArray[] sigmaBases(NDArray z) {
        if (JetKernels.needsSecondBase(network.activation())) {
            return new NDArray[] {z.sin(), z.cos()};
        }
        return new NDArray[] {z.mul(2).getNDArrayInternal().sigmoid()};
    }

    private static FloatBuffer buffer(NDArray array) {
        return HostArrays.memory(array).asFloatBuffer();
    }

    /** The outputs (value and derivatives, N x K each) as views of one leaf that records gradients. */
    public Jet jet() {
        if (jet == null) {
            output.setRequiresGradient(true);
            Map<Partial, NDArray> derivatives = new EnumMap<>(Partial.class);
            for (int c = 1; c < channels; c++) {
                derivatives.put(layout.partial(c), output.get(c));
            }
            jet = new Jet(output.get(0), derivatives);
        }
        return jet;
    }

    /**
     * The gradient of the loss with respect to the network's parameters, from the gradient the loss's
     * backward left on the outputs of {@link #jet()}.
     */
    public Map<NDArray, NDArray> parameterGradients() {
        if (jet == null) {
            throw new IllegalStateException("jet() was not used, so no loss depends on this pass");
        }
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            Map<NDArray, NDArray> gradients = new IdentityHashMap<>();
            gradients.put(network.parameters().get(0), backward(output.getGradient()));
            return gradients;
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    private NDArray backward(NDArray outputGradient) {
        int hidden = network.hiddenLayers();
        NDArray[] weightGrads = new NDArray[hidden + 1];
        NDArray[] biasGrads = new NDArray[hidden + 1];
        NDArray g = outputGradient.reshape((long) channels * rows, network.outputDims());
        weightGrads[hidden] = inputs.get(hidden).transpose().matMul(g);
        biasGrads[hidden] = g.get(new NDIndex("0:" + rows)).sum(new int[] {0});
        NDArray upstream = g.matMul(weights.get(hidden).transpose());
        for (int l = hidden - 1; l >= 0; l--) {
            int width = Math.toIntExact(weights.get(l).getShape().get(1));
            NDArray gz = scope.create(new Shape((long) channels * rows, width), DataType.FLOAT32);
            NDArray[] sigma = sigmas.get(l);
            float[][] sums = new float[channels][width];
            kernels.get(l).backward(buffer(sigma[0]), sigma.length > 1 ? buffer(sigma[1]) : null, sources.get(l),
                    buffer(upstream), buffer(gz), sums, l > 0 ? 1 : channels);
            biasGrads[l] = scope.create(sums[0]);
            if (l > 0) {
                weightGrads[l] = inputs.get(l).transpose().matMul(gz);
                upstream = gz.matMul(weights.get(l).transpose());
            } else {
                // z = coords W + b, and ∂z/∂(coordinate) = that row of W for every sample
                float[] flat = new float[channels * width];
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(sums[c], 0, flat, c * width, width);
                }
                NDArray perChannel = scope.create(flat, new Shape(channels, width));
                weightGrads[0] = coords.transpose().matMul(gz.get(new NDIndex("0:" + rows)))
                        .add(firstLayerRows().matMul(perChannel));
            }
            double omega = network.omega(l);
            if (omega != 1.0) {
                weightGrads[l] = weightGrads[l].mul(omega);
                biasGrads[l] = biasGrads[l].mul(omega);
            }
        }
        NDArray[] parts = new NDArray[2 * (hidden + 1)];
        for (int l = 0; l <= hidden; l++) {
            parts[2 * l] = weightGrads[l].flatten();
            parts[2 * l + 1] = biasGrads[l].flatten();
        }
        return NDArrays.concat(new ai.djl.ndarray.NDList(parts));
    }

    /** D x C: 1 where channel c is the first derivative along input coordinate d. */
    private NDArray firstLayerRows() {
        int inputs = network.inputDims();
        float[] m = new float[inputs * channels];
        for (int c = 1; c < channels; c++) {
            int d = layout.inputCoordinate(c);
            if (d >= 0) {
                m[d * channels + c] = 1f;
            }
        }
        return scope.create(m, new Shape(inputs, channels));
    }
}
