package org.deepmod.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deepmod.sparse.UnitNormFit;
import org.deepmod.sparse.NormalizedFit;
import org.deepmod.sparse.SparseEstimators;
import org.deepmod.sparse.ZeroColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code bench sparse} times is real work: its closed-form library is Burgers' equation (u_t = 0.1 u_xx −
 * u·u_x, with 1 % noise on u_t), and every estimator it times selects those two terms there in the very call it
 * times ({@link UnitNormFit#fit}).
 */
class SparseBenchTest {
    private static final int U_XX = 2;
    private static final int U_U_X = 5;

    private static double[][] theta;
    private static double[] ut;

    private static void library() {
        if (theta == null) {
            theta = new double[1600][];
            ut = new double[1600];
            SparseBench.burgersShockLibrary(theta, ut, 5.0, new SplittableRandom(7));
        }
    }

    @Test
    void theBenchLibraryIsBurgersEquation() {
        library();
        for (int i = 0; i < ut.length; i++) {
            double exact = 0.1 * theta[i][U_XX] - theta[i][U_U_X];
            // 1 % Gaussian noise: five standard deviations
            assertEquals(exact, ut[i], 0.05 * Math.abs(exact) + 1e-12, "point " + i);
        }
    }

    static List<String> estimators() {
        return SparseBench.ESTIMATORS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("estimators")
    void eachTimedEstimatorSelectsTheTrueTerms(String name) {
        library();
        NormalizedFit fit = UnitNormFit.fit(SparseEstimators.create(name, Map.of(), 0), theta, ut,
                ZeroColumns.EXCLUDE);
        assertTrue(fit.mask()[U_XX] && fit.mask()[U_U_X], name + " selected " + java.util.Arrays.toString(fit.mask()));
        assertEquals(List.of(name), List.copyOf(SparseBench.run(List.of(name), 200, 3).keySet()));
    }
}
