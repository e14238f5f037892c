package org.deepmod.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deepmod.library.RandomJets;
import org.deepmod.library.LibraryColumns;
import org.deepmod.library.HandWrittenTerms;
import org.deepmod.library.Library;
import org.deepmod.library.Library1D;
import org.deepmod.library.Library2D;
import org.deepmod.library.LibraryValues;
import org.deepmod.nn.DjlEnvironment;
import org.deepmod.nn.JetWithGradients;
import org.deepmod.nn.Jet;
import org.deepmod.nn.Scalars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loss of a hand-differentiated step ({@link HandWrittenLoss}) against the loss the autograd path builds
 * (Σ_k mean (u − y)² + Σ_k mean (u_t − Θ(ξ∘mask))²): the same value, the same gradient with respect to every
 * channel of the jet (ξ held constant), and the same gradient with respect to ξ for a trained ξ; and the
 * JVM-side Adam update against the PyTorch one.
 */
class HandWrittenLossTest {
    @BeforeAll
    static void engine() {
        DjlEnvironment.init();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1d-burgers", "1d-two-outputs", "2d"})
    void lossAndGradientsMatchAutograd(String kind) {
        Library library = switch (kind) {
            case "1d-burgers" -> new Library1D(2, 3);
            case "1d-two-outputs" -> new Library1D(2, 2, 2);
            default -> new Library2D(1);
        };
        int n = 53;
        int outputs = library.outputs();
        int f = library.termCount();
        Random r = new Random(17);
        JetWithGradients jet = RandomJets.random(library, n, r);
        float[] targets = new float[n * outputs];
        RandomJets.fill(targets, r);
        boolean[][] masks = new boolean[outputs][f];
        double[][] xi = new double[outputs][f];
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < f; j++) {
                masks[k][j] = r.nextInt(3) > 0;
                xi[k][j] = masks[k][j] ? r.nextDouble() * 2 - 1 : 0.0;
            }
        }
        HandWrittenTerms terms = new HandWrittenTerms(library);
        LibraryColumns columns = terms.evaluate(jet);
        HandWrittenLoss loss = HandWrittenLoss.of(jet, targets, columns, xi);
        loss.backward(jet, targets, terms, xi);
        double[][] xiGradient = loss.coefficientGradient(columns, masks);

        try (NDManager m = NDManager.newBaseManager()) {
            boolean previous = JniUtils.isGradMode();
            try {
                JniUtils.setGradMode(true);
                Jet leaves = RandomJets.leaves(m, jet, library);
                double[] xiFlat = new double[f * outputs];
                double[] maskFlat = new double[f * outputs];
                for (int j = 0; j < f; j++) {
                    for (int k = 0; k < outputs; k++) {
                        xiFlat[j * outputs + k] = xi[k][j];
                        maskFlat[j * outputs + k] = masks[k][j] ? 1 : 0;
                    }
                }
                NDArray xiLeaf = m.create(xiFlat, new Shape(f, outputs));
                xiLeaf.setRequiresGradient(true);
                LibraryValues values = library.evaluate(leaves, new Scalars(m, DataType.FLOAT64));
                NDArray y = m.create(RandomJets.toDoubles(targets), new Shape(n, outputs));
                NDArray mse = leaves.value().sub(y).square().mean(new int[] {0}).sum();
                NDArray reg = values.timeDerivatives()
                        .sub(values.theta().matMul(xiLeaf.mul(m.create(maskFlat, new Shape(f, outputs)))))
                        .square().mean(new int[] {0}).sum();
                NDArray total = mse.add(reg);
                JniUtils.backward((PtNDArray) total, (PtNDArray) total.onesLike(), false, false);

                assertEquals(mse.getDouble(), loss.mse(), 1e-12 * (1 + mse.getDouble()), kind + " MSE");
                assertEquals(reg.getDouble(), loss.reg(), 1e-12 * (1 + reg.getDouble()), kind + " Reg");
                RandomJets.assertGradients(leaves, jet, library, kind);
                double[] expectedXi = xiLeaf.getGradient().toDoubleArray();
                for (int j = 0; j < f; j++) {
                    for (int k = 0; k < outputs; k++) {
                        assertEquals(expectedXi[j * outputs + k], xiGradient[k][j], 1e-10, kind + " ∂/∂ξ");
                    }
                }
            } finally {
                JniUtils.setGradMode(previous);
            }
        }
    }

    @Test
    void jvmAdamUpdateMatchesPyTorchs() {
        Random r = new Random(3);
        int size = 301;
        try (NDManager m = NDManager.newBaseManager()) {
            float[] start = new float[size];
            RandomJets.fill(start, r);
            NDArray onJvm = m.create(start);
            NDArray inTorch = m.create(start);
            inTorch.setRequiresGradient(true);
            Adam jvm = new Adam(List.of(onJvm), m, 1e-2, 0.9, 0.99, 1e-8, true);
            Adam torch = new Adam(List.of(inTorch), m, 1e-2, 0.9, 0.99, 1e-8, true);
            boolean previous = JniUtils.isGradMode();
            try {
                for (int step = 0; step < 6; step++) {
                    float[] gradient = new float[size];
                    RandomJets.fill(gradient, r);
                    jvm.step(Map.of(onJvm, gradient));
                    try (NDManager scope = m.newSubManager()) {
                        scope.tempAttachAll(inTorch);
                        JniUtils.setGradMode(true);
                        NDArray loss = inTorch.mul(scope.create(gradient)).sum();
                        JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                        JniUtils.setGradMode(false);
                        torch.step(scope);
                    }
                }
            } finally {
                JniUtils.setGradMode(previous);
            }
            float[] a = onJvm.toFloatArray();
            float[] b = inTorch.toFloatArray();
            double moved = 0;
            for (int i = 0; i < size; i++) {
                assertEquals(b[i], a[i], 1e-6, "parameter " + i);
                moved += Math.abs(a[i] - start[i]) / size;
            }
            assertTrue(moved > 5e-3, "six steps of 1e-2 moved the parameters by " + moved + " on average");
            double[][] s1 = jvm.snapshot();
            double[][] s2 = torch.snapshot();
            for (int k = 0; k < s1.length; k++) {
                for (int i = 0; i < s1[k].length; i++) {
                    assertEquals(s2[k][i], s1[k][i], 1e-7 * (1 + Math.abs(s2[k][i])), "optimiser state " + k);
                }
            }
        }
    }

}
