package org.deepmod.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Zhao and Yu (2006), "On model selection consistency of Lasso", §2: x1, x2 independent N(0, 1),
 * x3 = ⅔x1 + ⅔x2 + ⅓e, y = 2x1 + 3x2 + ε. Here |C21·C11⁻¹·sign(β)| = 4/3 &gt; 1: the irrepresentable condition
 * fails, and for every penalty the Lasso's solution gives x3 a weight of about 3α, so no α selects {x1, x2}.
 * The noise is small (σ = 0.01) on purpose: the Lasso's mistake comes from the design, not from the noise, and
 * cross-validation then picks a small α that keeps x3 every time. The design is fixed; the seeds draw the noise.
 */
class IrrepresentableConditionTest {
    private static final int ROWS = 200;
    private static final double NOISE = 0.01;
    private static final boolean[] TRUE_SUPPORT = {true, true, false};
    private static final double[][] X = design(new SplittableRandom(2006));

    private static double[][] design(SplittableRandom random) {
        double[][] x = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            x[i] = new double[] {x1, x2, 2.0 / 3 * x1 + 2.0 / 3 * x2 + 1.0 / 3 * random.nextGaussian()};
        }
        return x;
    }

    private static double[] target(long noiseSeed) {
        SplittableRandom random = new SplittableRandom(noiseSeed);
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = 2 * X[i][0] + 3 * X[i][1] + NOISE * random.nextGaussian();
        }
        return y;
    }

    private static NormalizedFit fit(String estimator, long seed) {
        return UnitNormFit.fit(SparseEstimators.create(estimator, Map.of(), seed), X, target(seed),
                ZeroColumns.REJECT);
    }

    @Test
    void lassoCvSelectsTheIrrepresentableTermWhateverTheNoise() {
        for (long seed = 0; seed < 10; seed++) {
            NormalizedFit fit = fit("lasso-cv", seed);
            assertArrayEquals(new boolean[] {true, true, true}, fit.mask(),
                    "noise seed " + seed + ": " + Arrays.toString(fit.coefficients()));
            assertTrue(fit.coefficients()[2] > 0, "x3 enters with the sign of C21·C11⁻¹·sign(β)");
        }
    }

    @Test
    void stabilitySelectionRecoversTheTrueSupportInAtLeast9Of10Seeds() {
        int recovered = 0;
        for (long seed = 0; seed < 10; seed++) {
            NormalizedFit fit = fit("stability-selection", seed);
            if (Arrays.equals(TRUE_SUPPORT, fit.mask())) {
                recovered++;
            }
        }
        assertTrue(recovered >= 9, "true support recovered in " + recovered + " of 10 seeds");
    }
}
