package org.deepmod.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;
import org.deepmod.library.LibraryColumns;
import org.deepmod.nn.DjlEnvironment;
import org.deepmod.training.Adam;
import org.junit.jupiter.api.Test;

/**
 * GradParams' ξ, trained by our Adam (AMSGrad) on the Reg loss over the exact Burgers library with the true
 * mask, reaches the least-squares solution: 0.1 for u_xx and −1 for u·u_x.
 */
class GradParamsTest {
    @Test
    void adamTrainsTheCoefficientsToTheLeastSquaresSolution() {
        DjlEnvironment.init();
        LibraryColumns host = LeastSquaresTest.exactBurgersLibrary();
        int n = host.samples();
        double[] theta = new double[n * 12];
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < n; i++) {
                theta[i * 12 + j] = host.column(j)[i];
            }
        }
        boolean[][] mask = new boolean[1][12];
        mask[0][2] = true;
        mask[0][5] = true;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray thetaArray = m.create(theta, new Shape(n, 12));
            NDArray ut = m.create(host.timeDerivative(0), new Shape(n, 1));
            GradParams constraint = new GradParams(m, 12, 1, DataType.FLOAT64, 4);
            Adam adam = new Adam(constraint.parameters(), m, 1e-2, 0.9, 0.999, 1e-8, true);
            double first = Double.NaN;
            double last = Double.NaN;
            for (int step = 0; step < 3000; step++) {
                try (NDManager scope = m.newSubManager()) {
                    scope.tempAttachAll(thetaArray, ut, constraint.parameters().get(0));
                    JniUtils.setGradMode(true);
                    NDArray xi = constraint.coefficients(null, mask, scope, DataType.FLOAT64);
                    NDArray loss = ut.sub(thetaArray.matMul(xi)).square().mean();
                    last = loss.getDouble();
                    if (step == 0) {
                        first = last;
                    }
                    JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                    JniUtils.setGradMode(false);
                    adam.step(scope);
                }
            }
            double[] xi = constraint.lastCoefficients()[0];
            assertEquals(0.1, xi[2], 2e-3, Arrays.toString(xi));
            assertEquals(-1.0, xi[5], 2e-3, Arrays.toString(xi));
            assertTrue(last < 1e-6 * first, "Reg fell from " + first + " to " + last);
        }
    }
}
