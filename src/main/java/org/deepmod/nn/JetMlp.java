package org.deepmod.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deepmod.nn.kernel.FaaDiBruno;
import org.deepmod.nn.kernel.HiddenLayerKernel;
import org.deepmod.nn.kernel.KernelForm;
import org.deepmod.nn.kernel.TileProducts;

/**
 * A fully connected network (hidden layers with a smooth activation, linear output) that propagates
 * derivative jets forward. DJL's public API has no higher-order autograd, so the derivatives of u with
 * respect to the inputs are ordinary NDArray expressions of the weights (Faà di Bruno per activation),
 * and only first-order reverse mode is needed for training.
 *
 * <p>Covers both DeePyMoD's {@code NN} (tanh, PyTorch's default initialisation) and {@code Siren} (sine
 * layers with ω0 scaling and SIREN initialisation): see {@link #mlp} and {@link #siren}.
 */
public final class JetMlp implements FunctionApproximator {
    private final NDManager manager;
    private final Activation activation;
    private final Scalars scalars;
    private final ArrayArithmetic arithmetic;
    private final DataType dataType;
    private final int inputDims;
    private final int outputDims;
    /**
     * All weights and biases in one trainable vector; layers are views of it. One array instead of two per
     * layer makes the optimiser step a handful of operations rather than a dozen per layer.
     */
    private final NDArray flat;
    private final List<Shape> weightShapes = new ArrayList<>();
    private final long[] weightOffsets;
    private final long[] biasOffsets;
    /**
     * The hand-written pass's per-layer kernels by spec (a run alternates between the library's full spec and
     * the smaller one its mask needs), for the sample count they were made for.
     */
    private final Map<DerivativeSet, HiddenLayerKernel[]> kernels = new HashMap<>();
    private int kernelRows;
    private JetTape currentTape;
    /** Per hidden layer, the factor ω0 of sin(ω0 (W a + b)); 1 means none. */
    private final double[] omegas;

    /** How weights and biases are drawn. */
    public enum Init { PYTORCH_DEFAULT, SIREN }

    private JetMlp(NDManager parent, int inputDims, int[] hidden, int outputDims, Activation activation,
                   Init init, double firstOmega, double hiddenOmega, DataType dataType, long seed) {
        if (hidden.length == 0) {
            throw new IllegalArgumentException("a network needs at least one hidden layer");
        }
        this.manager = parent.newSubManager();
        this.activation = activation;
        this.dataType = dataType;
        this.scalars = new Scalars(manager, dataType);
        this.arithmetic = new ArrayArithmetic(scalars);
        this.inputDims = inputDims;
        this.outputDims = outputDims;
        this.omegas = new double[hidden.length];
        SplittableRandom random = new SplittableRandom(seed);
        int layers = hidden.length + 1;
        this.weightOffsets = new long[layers];
        this.biasOffsets = new long[layers];
        List<double[]> blocks = new ArrayList<>();
        long offset = 0;
        int in = inputDims;
        for (int l = 0; l < layers; l++) {
            boolean last = l == hidden.length;
            int out = last ? outputDims : hidden[l];
            double weightBound;
            if (init == Init.SIREN) {
                // Sitzmann et al.: the first layer spans [-1/in, 1/in]; later ones sqrt(6/in)/ω0.
                weightBound = l == 0 ? 1.0 / in : Math.sqrt(6.0 / in) / hiddenOmega;
            } else {
                weightBound = 1.0 / Math.sqrt(in); // torch.nn.Linear's kaiming_uniform(a=√5)
            }
            double biasBound = 1.0 / Math.sqrt(in); // PyTorch's default bias, kept by SIREN too
            weightShapes.add(new Shape(in, out));
            weightOffsets[l] = offset;
            blocks.add(uniform(random, in * out, weightBound));
            offset += (long) in * out;
            biasOffsets[l] = offset;
            blocks.add(uniform(random, out, biasBound));
            offset += out;
            if (!last) {
                omegas[l] = init == Init.SIREN ? (l == 0 ? firstOmega : hiddenOmega) : 1.0;
            }
            in = out;
        }
        double[] values = new double[(int) offset];
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, values, at, b.length);
            at += b.length;
        }
        this.flat = manager.create(values).toType(dataType, false);
        flat.setName("parameters");
        flat.setRequiresGradient(true);
    }

    /** DeePyMoD's NN: tanh (or another activation) hidden layers, PyTorch's default initialisation. */
    public static JetMlp mlp(NDManager parent, int inputDims, int[] hidden, int outputDims,
                             Activation activation, DataType dataType, long seed) {
        return new JetMlp(parent, inputDims, hidden, outputDims, activation, Init.PYTORCH_DEFAULT, 1, 1,
                dataType, seed);
    }

    /** SIREN: sine layers sin(ω0 (W a + b)) with SIREN initialisation, linear output. */
    public static JetMlp siren(NDManager parent, int inputDims, int[] hidden, int outputDims,
                               double firstOmega, double hiddenOmega, DataType dataType, long seed) {
        return new JetMlp(parent, inputDims, hidden, outputDims, new Activation.Sine(), Init.SIREN,
                firstOmega, hiddenOmega, dataType, seed);
    }

    private static double[] uniform(SplittableRandom random, int n, double bound) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (2 * random.nextDouble() - 1) * bound;
        }
        return v;
    }

    /** Weight l as a view of the parameter vector, created in {@code scope} (the caller's step). */
    private NDArray rawWeight(NDManager scope, int l) {
        Shape shape = weightShapes.get(l);
        long from = weightOffsets[l];
        return flat.get(scope, new NDIndex(from + ":" + (from + shape.size()))).reshape(shape);
    }

    private NDArray rawBias(NDManager scope, int l) {
        long from = biasOffsets[l];
        return flat.get(scope, new NDIndex(from + ":" + (from + weightShapes.get(l).get(1))))
                .reshape(1, weightShapes.get(l).get(1));
    }

    /** The effective weight of hidden layer l: ω0·W, so that z = ω0 (W a + b); the raw one for the output. */
    NDArray weight(NDManager scope, int l) {
        NDArray w = rawWeight(scope, l);
        return l < omegas.length && omegas[l] != 1.0 ? w.mul(scalars.of(omegas[l])) : w;
    }

    NDArray bias(NDManager scope, int l) {
        NDArray b = rawBias(scope, l);
        return l < omegas.length && omegas[l] != 1.0 ? b.mul(scalars.of(omegas[l])) : b;
    }

    @Override
    public Jet forward(NDArray coords, DerivativeSet spec) {
        if (spec.inputDims() != inputDims) {
            throw new IllegalArgumentException("network takes " + inputDims + " inputs, derivatives asked for "
                    + spec.inputDims());
        }
        int order = spec.maxOrder();
        NDArray value = coords;
        Map<Partial, NDArray> derivs = Collections.emptyMap();
        NDManager scope = coords.getManager();
        int hiddenLayers = weightShapes.size() - 1;
        for (int l = 0; l < hiddenLayers; l++) {
            NDArray w = weight(scope, l);
            NDArray z = value.matMul(w).add(bias(scope, l));
            Map<Partial, NDArray> dz = new EnumMap<>(Partial.class);
            if (l == 0) {
                // d(coords)/d(coordinate c) is the unit vector e_c, so z's first derivatives are rows of W;
                // higher derivatives of the inputs vanish.
                for (Partial p : spec.partials()) {
                    if (p.order() == 1) {
                        dz.put(p, w.get(new NDIndex(p.coordinate() + ":" + (p.coordinate() + 1))));
                    }
                }
            } else {
                for (Map.Entry<Partial, NDArray> e : derivs.entrySet()) {
                    dz.put(e.getKey(), e.getValue().matMul(w));
                }
            }
            NDArray[] s = activation.derivatives(z, order, scalars);
            value = s[0];
            derivs = activate(s, dz, spec);
        }
        NDArray wOut = rawWeight(scope, hiddenLayers);
        NDArray out = value.matMul(wOut).add(rawBias(scope, hiddenLayers));
        Map<Partial, NDArray> dOut = new EnumMap<>(Partial.class);
        for (Map.Entry<Partial, NDArray> e : derivs.entrySet()) {
            dOut.put(e.getKey(), e.getValue().matMul(wOut));
        }
        return new Jet(out, dOut);
    }

    /** The derivatives of a = σ(z) from those of z (Faà di Bruno along each coordinate, plus the mixed term). */
    private Map<Partial, NDArray> activate(NDArray[] s, Map<Partial, NDArray> dz, DerivativeSet spec) {
        Map<Partial, NDArray> da = new EnumMap<>(Partial.class);
        if (spec.has(Partial.T)) {
            da.put(Partial.T, FaaDiBruno.first(arithmetic, s[1], dz.get(Partial.T)));
        }
        if (spec.maxXOrder() >= 1) {
            NDArray[] chain = alongOneCoordinate(s, new NDArray[] {null, dz.get(Partial.X), dz.get(Partial.XX),
                    dz.get(Partial.XXX), dz.get(Partial.XXXX)}, spec.maxXOrder());
            for (int d = 1; d <= spec.maxXOrder(); d++) {
                putIfPresent(da, Partial.xOfOrder(d), chain[d]);
            }
        }
        if (spec.has(Partial.Y)) {
            int yOrder = spec.has(Partial.YY) ? 2 : 1;
            NDArray[] chain = alongOneCoordinate(s, new NDArray[] {null, dz.get(Partial.Y), dz.get(Partial.YY)},
                    yOrder);
            putIfPresent(da, Partial.Y, chain[1]);
            if (yOrder == 2) {
                putIfPresent(da, Partial.YY, chain[2]);
            }
        }
        if (spec.has(Partial.XY)) {
            putIfPresent(da, Partial.XY, FaaDiBruno.mixed(arithmetic, s[1], s[2], dz.get(Partial.X),
                    dz.get(Partial.Y), dz.get(Partial.XY)));
        }
        return da;
    }

    /**
     * Given s[k] = σ^(k)(z) and z[k] = ∂^k z along one coordinate (z[0] unused, null = zero), a[k] = ∂^k σ(z)
     * for k = 1..order.
     */
    private NDArray[] alongOneCoordinate(NDArray[] s, NDArray[] z, int order) {
        ArrayArithmetic r = arithmetic;
        NDArray[] a = new NDArray[order + 1];
        NDArray x1 = z[1];
        NDArray x1Sq = order >= 2 ? r.mul(x1, x1) : null;
        a[1] = FaaDiBruno.first(r, s[1], x1);
        if (order >= 2) {
            a[2] = FaaDiBruno.second(r, s[1], s[2], x1Sq, z[2]);
        }
        if (order >= 3) {
            a[3] = FaaDiBruno.third(r, s[1], s[2], s[3], x1, x1Sq, z[2], z[3]);
        }
        if (order >= 4) {
            a[4] = FaaDiBruno.fourth(r, s[1], s[2], s[3], s[4], x1, x1Sq, z[2], z[3], z[4]);
        }
        return a;
    }

    private static void putIfPresent(Map<Partial, NDArray> map, Partial p, NDArray value) {
        if (value != null) {
            map.put(p, value);
        }
    }

    /**
     * A pass with a hand-written backward (see {@link JetTape}) for float32 networks on the CPU in a JVM
     * with the vector module; null otherwise, and then {@link #forward} with autograd is the way.
     */
    @Override
    public boolean differentiatesByHand(NDArray coords) {
        return dataType == DataType.FLOAT32 && Device.cpu().equals(coords.getDevice())
                && coords.getDataType() == DataType.FLOAT32 && activation.kernelForm() != null
                && HiddenLayerKernel.available();
    }

    @Override
    public JetTape tape(NDArray coords, DerivativeSet spec) {
        if (!differentiatesByHand(coords) || spec.inputDims() != inputDims) {
            return null;
        }
        currentTape = new JetTape(this, coords, spec);
        return currentTape;
    }

    /** Whether {@code tape} is this network's latest pass (the kernels keep only that pass's activations). */
    boolean isLatest(JetTape tape) {
        return currentTape == tape;
    }

    int hiddenLayers() {
        return weightShapes.size() - 1;
    }

    /** Inputs and outputs of layer l (the last layer is the linear output). */
    int layerInputs(int l) {
        return Math.toIntExact(weightShapes.get(l).get(0));
    }

    int layerWidth(int l) {
        return Math.toIntExact(weightShapes.get(l).get(1));
    }

    /** Where layer l's weights (row-major, inputs x width) and bias start in the parameter vector. */
    int weightOffset(int l) {
        return Math.toIntExact(weightOffsets[l]);
    }

    int biasOffset(int l) {
        return Math.toIntExact(biasOffsets[l]);
    }

    /** A copy of the parameter vector (float32 networks). */
    float[] parameterCopy() {
        float[] values = new float[Math.toIntExact(flat.size())];
        NDArrayCopies.memory(flat).asFloatBuffer().get(0, values);
        return values;
    }

    /**
     * The kernel of hidden layer l for passes over {@code rows} samples carrying {@code spec}'s derivatives:
     * kept from step to step (it holds tiles and the layer's activations), made anew when the shape changes.
     */
    HiddenLayerKernel kernel(int l, int rows, DerivativeSet spec) {
        if (kernelRows != rows) {
            kernels.clear();
            kernelRows = rows;
        }
        HiddenLayerKernel[] layers = kernels.computeIfAbsent(spec, s -> new HiddenLayerKernel[hiddenLayers()]);
        if (layers[l] == null) {
            KernelForm form = activation.kernelForm();
            if (form == null) {
                throw new IllegalArgumentException("no hand-written kernel for activation " + activation.name());
            }
            layers[l] = new HiddenLayerKernel(new JetChannels(spec).forKernels(), form, rows, paddedWidth(l),
                    tileRows(), l > 0);
        }
        return layers[l];
    }

    /** Hidden layer l's width rounded up to whole vectors: the row stride of its tiles. */
    int paddedWidth(int l) {
        return TileProducts.padded(layerWidth(l));
    }

    /**
     * Rows per tile, the same for every layer (a pass goes tile by tile through all of them): ~1024 elements
     * per channel of the widest layer, so that two layers' tiles (~25 arrays each for a 1D order-3 jet) stay in
     * L2, in whole blocks of the products. Counted with the layers rounded up to 8 units whatever the vector
     * width: the gradients are sums over a tile's samples, then over tiles, so the tile size fixes their order,
     * and it must not change from an AVX2 to an AVX-512 machine.
     */
    private int tileRows() {
        int widest = 0;
        for (int l = 0; l < hiddenLayers(); l++) {
            widest = Math.max(widest, (layerWidth(l) + 7) / 8 * 8);
        }
        int block = TileProducts.BLOCK_ROWS;
        return Math.max(block, 1024 / widest / block * block);
    }

    /** ω0 of hidden layer l (1 for plain MLPs and the output layer). */
    double omega(int l) {
        return l < omegas.length ? omegas[l] : 1.0;
    }

    @Override
    public NDArray predict(NDArray coords) {
        NDManager scope = coords.getManager();
        NDArray value = coords;
        int hiddenLayers = weightShapes.size() - 1;
        for (int l = 0; l < hiddenLayers; l++) {
            value = activation.apply(value.matMul(weight(scope, l)).add(bias(scope, l)));
        }
        return value.matMul(rawWeight(scope, hiddenLayers)).add(rawBias(scope, hiddenLayers));
    }

    @Override
    public List<NDArray> parameters() {
        return List.of(flat);
    }

    @Override
    public int inputDims() {
        return inputDims;
    }

    @Override
    public int outputDims() {
        return outputDims;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public Device device() {
        return manager.getDevice();
    }

    /** The manager that owns the parameters (for scoping a training step around them). */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
