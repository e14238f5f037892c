package org.deepmod.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Random;
import org.deepmod.nn.DjlEnvironment;
import org.deepmod.nn.JetWithGradients;
import org.deepmod.nn.Jet;
import org.deepmod.nn.Scalars;
import org.deepmod.nn.DerivativeSet;
import org.deepmod.nn.Partial;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library on the JVM ({@link HandWrittenTerms}, what training with a hand-written backward uses) against the
 * library through PyTorch and autograd ({@link Library#evaluate}): the same Θ and u_t from the same jet, and
 * the same gradient with respect to every channel of the jet for a random weighting of Θ and u_t.
 */
class HandWrittenTermsTest {
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
        JetWithGradients jet = RandomJets.random(library, n, r);
        HandWrittenTerms terms = new HandWrittenTerms(library);
        LibraryColumns evaluated = terms.evaluate(jet);
        int f = library.termCount();
        double[][] thetaWeights = new double[f][n];
        double[][] timeWeights = new double[outputs][n];
        for (double[] row : thetaWeights) {
            RandomJets.fill(row, r);
        }
        thetaWeights[f / 2] = null; // a term without gradient (masked) is skipped
        for (double[] row : timeWeights) {
            RandomJets.fill(row, r);
        }
        terms.backward(jet, thetaWeights, timeWeights);

        try (NDManager m = NDManager.newBaseManager()) {
            boolean previous = JniUtils.isGradMode();
            try {
                JniUtils.setGradMode(true);
                Jet leaves = RandomJets.leaves(m, jet, library);
                LibraryValues values = library.evaluate(leaves, new Scalars(m, DataType.FLOAT64));
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
                RandomJets.assertGradients(leaves, jet, library, kind);
            } finally {
                JniUtils.setGradMode(previous);
            }
        }
    }


    /**
     * A jet that carries fewer derivatives than the library (a step under a mask without u_xx and u_xxx
     * terms): the columns it can form equal the full jet's, the others are zero, and a gradient for one of
     * those is refused rather than dropped.
     */
    @Test
    void aJetWithoutSomeDerivativesGivesZeroColumnsForTheirTerms() {
        Library1D library = new Library1D(2, 3);
        int n = 37;
        JetWithGradients full = RandomJets.random(library, n, new Random(11));
        JetWithGradients reduced = new JetWithGradients(DerivativeSet.oneDimensional(1), n, 1);
        System.arraycopy(full.value(), 0, reduced.value(), 0, n);
        System.arraycopy(full.derivative(Partial.T), 0, reduced.derivative(Partial.T), 0, n);
        System.arraycopy(full.derivative(Partial.X), 0, reduced.derivative(Partial.X), 0, n);
        HandWrittenTerms terms = new HandWrittenTerms(library);
        LibraryColumns all = terms.evaluate(full);
        LibraryColumns some = terms.evaluate(reduced);
        for (int j = 0; j < library.termCount(); j++) {
            String name = library.termNames().get(j);
            double[] expected = name.contains("u_xx") ? new double[n] : all.column(j);
            assertArrayEquals(expected, some.column(j), 0.0, name);
        }
        assertArrayEquals(all.timeDerivative(0), some.timeDerivative(0), 0.0);
        double[][] thetaGradient = new double[library.termCount()][];
        thetaGradient[2] = new double[n]; // u_xx
        assertThrows(IllegalStateException.class, () -> terms.backward(reduced, thetaGradient, new double[1][n]));
    }
}
