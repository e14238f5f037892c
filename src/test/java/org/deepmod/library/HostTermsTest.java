package org.deepmod.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.deepmod.nn.DjlEnvironment;
import org.deepmod.nn.HostJet;
import org.deepmod.nn.Jet;
import org.deepmod.nn.Partial;
import org.deepmod.nn.Scalars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library on the JVM ({@link HostTerms}, what training with a hand-written backward uses) against the
 * library through PyTorch and autograd ({@link Library#evaluate}): the same Θ and u_t from the same jet, and
 * the same gradient with respect to every channel of the jet for a random weighting of Θ and u_t.
 */
class HostTermsTest {
    @BeforeAll
    static void engine() {
        DjlEnvironment.init();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1d-burgers", "1d-one-output", "1d-two-outputs", "1d-three-outputs", "2d"})
    void evaluationAndGradientMatchAutograd(String kind) {
        Library library = switch (kind) {
            case "1d-burgers" -> new Library1D(2, 3);
            case "1d-one-output" -> new Library1D(5, 4);
            case "1d-two-outputs" -> new Library1D(2, 2, 2);
            case "1d-three-outputs" -> new Library1D(1, 3, 3);
            default -> new Library2D(2);
        };
        int n = 37;
        int outputs = library.outputs();
        Random r = new Random(11);
        HostJet host = new HostJet(library.jetSpec(), n, outputs);
        fill(host.value(), r);
        for (Partial p : library.jetSpec().partials()) {
            fill(host.derivative(p), r);
        }
        HostTerms terms = new HostTerms(library);
        HostLibrary evaluated = terms.evaluate(host);
        int f = library.terms();
        double[][] thetaWeights = new double[f][n];
        double[][] timeWeights = new double[outputs][n];
        for (double[] row : thetaWeights) {
            fill(row, r);
        }
        thetaWeights[f / 2] = null; // a term without gradient (masked) is skipped
        for (double[] row : timeWeights) {
            fill(row, r);
        }
        terms.backward(host, thetaWeights, timeWeights);

        try (NDManager m = NDManager.newBaseManager()) {
            boolean previous = JniUtils.isGradMode();
            try {
                JniUtils.setGradMode(true);
                NDArray value = leaf(m, host.value(), n, outputs);
                Map<Partial, NDArray> derivatives = new EnumMap<>(Partial.class);
                for (Partial p : library.jetSpec().partials()) {
                    derivatives.put(p, leaf(m, host.derivative(p), n, outputs));
                }
                LibraryValues values = library.evaluate(new Jet(value, derivatives), new Scalars(m, DataType.FLOAT64));
                double[] theta = values.theta().toDoubleArray();
                double[] ut = values.timeDerivatives().toDoubleArray();
                for (int j = 0; j < f; j++) {
                    for (int i = 0; i < n; i++) {
                        assertEquals(theta[i * f + j], evaluated.column(j)[i], 1e-9 * (1 + Math.abs(theta[i * f + j])),
                                kind + " column " + library.termNames().get(j));
                    }
                }
                for (int k = 0; k < outputs; k++) {
                    for (int i = 0; i < n; i++) {
                        assertEquals(ut[i * outputs + k], evaluated.timeDerivative(k)[i], 1e-12, kind + " u_t");
                    }
                }
                double[] weights = new double[n * f];
                for (int j = 0; j < f; j++) {
                    for (int i = 0; i < n; i++) {
                        weights[i * f + j] = thetaWeights[j] == null ? 0 : thetaWeights[j][i];
                    }
                }
                double[] timeFlat = new double[n * outputs];
                for (int k = 0; k < outputs; k++) {
                    for (int i = 0; i < n; i++) {
                        timeFlat[i * outputs + k] = timeWeights[k][i];
                    }
                }
                NDArray loss = values.theta().mul(m.create(weights, new Shape(n, f))).sum()
                        .add(values.timeDerivatives().mul(m.create(timeFlat, new Shape(n, outputs))).sum());
                JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                assertGradient(value, host.valueGradient(), kind + " ∂/∂u");
                for (Partial p : library.jetSpec().partials()) {
                    assertGradient(derivatives.get(p), host.derivativeGradient(p), kind + " ∂/∂u_" + p.suffix());
                }
            } finally {
                JniUtils.setGradMode(previous);
            }
        }
    }

    private static NDArray leaf(NDManager m, float[] values, int n, int outputs) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        NDArray array = m.create(d, new Shape(n, outputs));
        array.setRequiresGradient(true);
        return array;
    }

    /** The host gradient is accumulated in float32: compare relative to the largest magnitude. */
    private static void assertGradient(NDArray leaf, float[] actual, String what) {
        double[] expected = leaf.getGradient().toDoubleArray();
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * scale + 1e-12, what + " at " + i);
        }
    }

    private static void fill(float[] a, Random r) {
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextFloat() * 2 - 1;
        }
    }

    private static void fill(double[] a, Random r) {
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble() * 2 - 1;
        }
    }
}
