package org.deepmod.nn;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written pass of {@link JetTape} against autograd through {@link JetMlp#forward}: the same
 * network, the same jets (computed on the JVM but for the hidden-to-hidden products), a loss that weighs
 * every output channel at random (so every channel's gradient is exercised), and the parameter gradients
 * must agree. Sample counts are chosen so the kernels' tiles
 * end part-way (the last tile is short).
 */
class JetTapeTest {
    private static final double TOLERANCE = 1e-4;

    @BeforeAll
    static void engine() {
        DjlEnvironment.init();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // 1D carrying u_t only: a step whose mask keeps no x-derivative term
                Arguments.of("mlp-tanh", 1, 0, 1),
                Arguments.of("mlp-sin", 1, 0, 2),
                Arguments.of("mlp-tanh", 1, 1, 1),
                Arguments.of("mlp-tanh", 1, 2, 1),
                Arguments.of("mlp-tanh", 1, 3, 1),
                Arguments.of("mlp-tanh", 1, 4, 2),
                Arguments.of("mlp-tanh", 2, 2, 1),
                Arguments.of("mlp-tanh", 2, 2, 2),
                Arguments.of("mlp-sin", 1, 4, 1),
                Arguments.of("mlp-sin", 2, 2, 1),
                Arguments.of("siren", 1, 3, 2),
                Arguments.of("siren", 2, 2, 1),
                Arguments.of("mlp-tanh", 0, 0, 1),
                // one hidden layer: the first layer is the last, no product is left to PyTorch
                Arguments.of("shallow-tanh", 1, 3, 1),
                Arguments.of("shallow-sin", 2, 2, 2));
    }

    private static JetMlp network(NDManager m, String kind, int inputs, int outputs) {
        int[] hidden = {30, 20, 25};
        switch (kind) {
            case "shallow-tanh": return JetMlp.mlp(m, inputs, new int[] {30}, outputs, new Activation.Tanh(), DataType.FLOAT32, 24);
            case "shallow-sin": return JetMlp.mlp(m, inputs, new int[] {19}, outputs, new Activation.Sine(), DataType.FLOAT32, 25);
            case "mlp-tanh": return JetMlp.mlp(m, inputs, hidden, outputs, new Activation.Tanh(), DataType.FLOAT32, 21);
            case "mlp-sin": return JetMlp.mlp(m, inputs, hidden, outputs, new Activation.Sine(), DataType.FLOAT32, 22);
            // wider than the tiles' ~1024 elements per channel allow at 18 rows, and 70 fills no whole vector
            case "wide-tanh": return JetMlp.mlp(m, inputs, new int[] {70, 40}, outputs, new Activation.Tanh(),
                    DataType.FLOAT32, 26);
            case "siren": return JetMlp.siren(m, inputs, hidden, outputs, 3.0, 3.0, DataType.FLOAT32, 23);
            default: throw new IllegalArgumentException("no network kind " + kind);
        }
    }

    private static DerivativeSet spec(int spatialDims, int order) {
        if (spatialDims == 0) {
            return DerivativeSet.timeOnly();
        }
        return spatialDims == 1 ? DerivativeSet.oneDimensional(order) : DerivativeSet.twoDimensional();
    }

    @ParameterizedTest(name = "{0}, {1}D, order {2}, {3} output(s)")
    @MethodSource("cases")
    void handWrittenBackwardMatchesAutograd(String kind, int spatialDims, int order, int outputs) {
        check(kind, spec(spatialDims, order), outputs);
    }

    /** 2D passes that leave out derivatives no active term uses (the kernels read them as zeros). */
    @ParameterizedTest(name = "{0}, 2D with u_t and {1}")
    @CsvSource({
        "mlp-tanh, X Y XX YY", // advection-diffusion after its mask update: no u_xy
        "mlp-tanh, X Y XY",
        "mlp-sin, Y YY",
        "wide-tanh, X",
        "siren, X Y XX YY"})
    void twoDimensionalPassesWithSomeDerivatives(String kind, String derivatives) {
        EnumSet<Partial> set = EnumSet.noneOf(Partial.class);
        for (String d : derivatives.split(" ")) {
            set.add(Partial.valueOf(d));
        }
        check(kind, DerivativeSet.twoDimensional(set), 1);
    }

    private static void check(String kind, DerivativeSet spec, int outputs) {
        int inputs = spec.inputDims();
        int n = 97;
        try (NDManager m = NDManager.newBaseManager()) {
            JetMlp net = network(m, kind, inputs, outputs);
            Random r = new Random(5);
            float[] points = new float[n * inputs];
            for (int i = 0; i < points.length; i++) {
                points[i] = r.nextFloat() * 2 - 1;
            }
            NDArray coords = m.create(points, new Shape(n, inputs));
            List<Partial> partials = new ArrayList<>(spec.partials());
            List<NDArray> weights = new ArrayList<>();
            List<float[]> weightCopies = new ArrayList<>();
            for (int c = 0; c <= partials.size(); c++) {
                float[] w = new float[n * outputs];
                for (int i = 0; i < w.length; i++) {
                    w[i] = r.nextFloat() * 2 - 1;
                }
                weights.add(m.create(w, new Shape(n, outputs)));
                weightCopies.add(w);
            }
            NDArray flat = net.parameters().get(0);
            boolean previous = JniUtils.isGradMode();
            try {
                JniUtils.setGradMode(true);
                Jet reference = net.forward(coords, spec);
                NDArray loss = weightedSum(reference, partials, weights);
                JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                float[] expectedGradient = flat.getGradient().toFloatArray();
                List<float[]> expectedJet = channels(reference, partials);
                JniUtils.zeroGrad((PtNDArray) flat);
                JniUtils.setGradMode(false);

                JetTape tape = net.tape(coords, spec);
                assertNotNull(tape, "a float32 CPU network has a tape");
                JetWithGradients jet = tape.outputs();
                // the loss Σ_c Σ w_c · channel_c has gradient w_c with respect to channel c
                for (int c = 0; c <= partials.size(); c++) {
                    float[] target = c == 0 ? jet.valueGradient() : jet.derivativeGradient(partials.get(c - 1));
                    System.arraycopy(weightCopies.get(c), 0, target, 0, target.length);
                }
                float[] gradient = tape.parameterGradients().get(flat);

                for (int c = 0; c < expectedJet.size(); c++) {
                    String name = c == 0 ? "u" : "u_" + partials.get(c - 1).suffix();
                    float[] actual = c == 0 ? jet.value() : jet.derivative(partials.get(c - 1));
                    assertClose(expectedJet.get(c), actual, name);
                }
                assertClose(expectedGradient, gradient, "parameter gradient");
            } finally {
                JniUtils.setGradMode(previous);
            }
        }
    }

    @Test
    void float64NetworksTrainThroughAutograd() {
        try (NDManager m = NDManager.newBaseManager()) {
            JetMlp net = JetMlp.mlp(m, 2, new int[] {8}, 1, new Activation.Tanh(), DataType.FLOAT64, 1);
            NDArray coords = m.zeros(new Shape(4, 2), DataType.FLOAT64);
            assertNull(net.tape(coords, DerivativeSet.oneDimensional(2)));
        }
    }

    private static NDArray weightedSum(Jet jet, List<Partial> partials, List<NDArray> weights) {
        NDArray loss = jet.value().mul(weights.get(0)).sum();
        for (int c = 1; c < weights.size(); c++) {
            loss = loss.add(jet.derivative(partials.get(c - 1)).mul(weights.get(c)).sum());
        }
        return loss;
    }

    private static List<float[]> channels(Jet jet, List<Partial> partials) {
        List<float[]> out = new ArrayList<>();
        out.add(jet.value().toFloatArray());
        for (Partial p : partials) {
            out.add(jet.derivative(p).toFloatArray());
        }
        return out;
    }

    /** Relative to the largest magnitude: float32 sums in another order differ by a few ulps of it. */
    private static void assertClose(float[] expected, float[] actual, String what) {
        double scale = 0;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(scale > 0, what + " is identically zero, so the comparison proves nothing");
        assertTrue(worst <= TOLERANCE * scale, what + ": largest difference " + worst + " against scale " + scale);
    }
}
