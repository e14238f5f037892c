package org.deepmod.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** On the finite-difference Burgers library (u_t = -u u_x + 0.1 u_xx) the sparse methods find exactly that. */
class BurgersDiscoveryTest {

    @ParameterizedTest
    @ValueSource(strings = {"threshold", "stlsq", "pde-find", "clustering", "adaptive-lasso", "stability-selection"})
    void selectsExactlyUxxAndUUxWithCoefficientsWithin5Percent(String name) {
        Fixtures.Library burgers = Fixtures.burgers();
        SparseEstimator estimator = SparseEstimators.create(name, Map.of(), 0);
        NormalizedFit fit = UnitNormFit.fit(estimator, burgers.theta(), burgers.ut(), ZeroColumns.REJECT);
        boolean[] expectedMask = new boolean[burgers.terms().size()];
        int uxx = burgers.column("u_xx");
        int uux = burgers.column("u*u_x");
        expectedMask[uxx] = true;
        expectedMask[uux] = true;

        assertArrayEquals(expectedMask, fit.mask(), () -> name + " selected " + java.util.Arrays.toString(fit.mask()));
        assertEquals(0.1, fit.coefficients()[uxx], 0.05 * 0.1, "u_xx");
        assertEquals(-1.0, fit.coefficients()[uux], 0.05, "u*u_x");
    }
}
