package org.deepmod.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward-mode jets against central finite differences in float64 on random networks. Each derivative is
 * checked against the central difference of the next lower one (h = 1e-5: truncation ~1e-10, round-off
 * ~1e-11), so fourth derivatives are verified without a noisy fourth-difference stencil; u_xx is also
 * checked against the second difference of u itself.
 */
class JetFiniteDifferenceTest {
    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-4;

    @BeforeAll
    static void engine() {
        DjlEnvironment.init();
    }

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("mlp-tanh", 1),
                Arguments.of("mlp-sin", 1),
                Arguments.of("siren", 1),
                Arguments.of("mlp-tanh", 2),
                Arguments.of("mlp-sin", 2),
                Arguments.of("siren", 2));
    }

    private static JetMlp network(NDManager m, String kind, int spatialDims) {
        int in = spatialDims + 1;
        int[] hidden = {20, 20, 20};
        switch (kind) {
            case "mlp-tanh": return JetMlp.mlp(m, in, hidden, 2, new Activation.Tanh(), DataType.FLOAT64, 11);
            case "mlp-sin": return JetMlp.mlp(m, in, hidden, 2, new Activation.Sine(), DataType.FLOAT64, 12);
            default: return JetMlp.siren(m, in, hidden, 2, 3.0, 3.0, DataType.FLOAT64, 13);
        }
    }

    @ParameterizedTest(name = "{0}, {1}D")
    @MethodSource("networks")
    void jetsMatchFiniteDifferences(String kind, int spatialDims) {
        try (NDManager m = NDManager.newBaseManager()) {
            JetMlp net = network(m, kind, spatialDims);
            DerivativeSet spec = spatialDims == 1 ? DerivativeSet.oneDimensional(4) : DerivativeSet.twoDimensional();
            int n = 50;
            int in = spatialDims + 1;
            double[] points = new double[n * in];
            Random r = new Random(7);
            for (int i = 0; i < points.length; i++) {
                points[i] = r.nextDouble() * 2 - 1;
            }
            Map<Partial, double[]> jet = evaluate(m, net, spec, points, in);
            double[] value = jet.get(null);

            // derivative -> (lower derivative, coordinate of the difference)
            Map<Partial, Object[]> checks = new EnumMap<>(Partial.class);
            checks.put(Partial.T, new Object[] {null, 0});
            checks.put(Partial.X, new Object[] {null, 1});
            if (spatialDims == 1) {
                checks.put(Partial.XX, new Object[] {Partial.X, 1});
                checks.put(Partial.XXX, new Object[] {Partial.XX, 1});
                checks.put(Partial.XXXX, new Object[] {Partial.XXX, 1});
            } else {
                checks.put(Partial.Y, new Object[] {null, 2});
                checks.put(Partial.XX, new Object[] {Partial.X, 1});
                checks.put(Partial.YY, new Object[] {Partial.Y, 2});
                checks.put(Partial.XY, new Object[] {Partial.X, 2});
            }
            for (Map.Entry<Partial, Object[]> c : checks.entrySet()) {
                Partial lower = (Partial) c.getValue()[0];
                int coord = (Integer) c.getValue()[1];
                double[] plus = evaluate(m, net, spec, shift(points, in, coord, H), in).get(lower);
                double[] minus = evaluate(m, net, spec, shift(points, in, coord, -H), in).get(lower);
                double[] fd = new double[plus.length];
                for (int i = 0; i < fd.length; i++) {
                    fd[i] = (plus[i] - minus[i]) / (2 * H);
                }
                double err = relativeError(jet.get(c.getKey()), fd);
                assertTrue(err < TOLERANCE, kind + " " + spatialDims + "D u_" + c.getKey().suffix()
                        + ": relative error " + err);
            }

            // u_xx against the classic second difference of u (h = 1e-4: truncation ~1e-8, round-off ~1e-8)
            double h2 = 1e-4;
            double[] plus = evaluate(m, net, spec, shift(points, in, 1, h2), in).get(null);
            double[] minus = evaluate(m, net, spec, shift(points, in, 1, -h2), in).get(null);
            double[] fd2 = new double[plus.length];
            for (int i = 0; i < fd2.length; i++) {
                fd2[i] = (plus[i] - 2 * value[i] + minus[i]) / (h2 * h2);
            }
            double err = relativeError(jet.get(Partial.XX), fd2);
            assertTrue(err < TOLERANCE, kind + " u_xx vs second difference: " + err);
        }
    }

    /** Jet components as JVM arrays; key null is the value. */
    private static Map<Partial, double[]> evaluate(NDManager m, JetMlp net, DerivativeSet spec, double[] points, int in) {
        try (NDManager step = m.newSubManager()) {
            NDArray coords = step.create(points, new Shape(points.length / in, in));
            Jet jet = net.forward(coords, spec);
            Map<Partial, double[]> out = new java.util.HashMap<>();
            out.put(null, jet.value().toDoubleArray());
            for (Partial p : spec.partials()) {
                out.put(p, jet.derivative(p).toDoubleArray());
            }
            // the value-only path must agree with the jet's value
            double[] predicted = net.predict(coords).toDoubleArray();
            assertTrue(relativeError(predicted, out.get(null)) < 1e-14, "predict() differs from forward()");
            return out;
        }
    }

    private static double[] shift(double[] points, int in, int coord, double h) {
        double[] p = points.clone();
        for (int i = coord; i < p.length; i += in) {
            p[i] += h;
        }
        return p;
    }

    private static double relativeError(double[] a, double[] b) {
        double maxDiff = 0;
        double maxRef = 0;
        for (int i = 0; i < a.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
            maxRef = Math.max(maxRef, Math.abs(b[i]));
        }
        return maxDiff / maxRef;
    }
}
