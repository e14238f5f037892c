package org.deepmod.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;

class UnitNormFitTest {
    /** Records what it was given and answers fixed coefficients. */
    private static final class Recorder implements SparseEstimator {
        final double[] answer;
        double[][] x;
        double[] y;

        Recorder(double... answer) {
            this.answer = answer;
        }

        @Override
        public SparseEstimator fit(double[][] x, double[] y) {
            this.x = x;
            this.y = y;
            return this;
        }

        @Override
        public double[] coefficients() {
            return answer.clone();
        }
    }

    private static final double[][] THETA = {{3, 0, 1}, {4, 0, -2}, {0, 0, 2}};
    private static final double[] UT = {6, 8, 0};

    @Test
    void theEstimatorSeesUnitNormColumnsAndTargetAndCoefficientsMapBack() {
        double[][] theta = {{3, 1}, {4, -2}, {0, 2}};
        Recorder recorder = new Recorder(0.5, -0.25);
        NormalizedFit fit = UnitNormFit.fit(recorder, theta, UT, ZeroColumns.REJECT);
        assertArrayEquals(new double[] {0.6, 1.0 / 3}, recorder.x[0], 1e-15);
        assertArrayEquals(new double[] {0.6, 0.8, 0.0}, recorder.y, 1e-15);
        // c_j = ĉ_j·‖u_t‖/‖Θ_j‖ with ‖u_t‖ = 10, ‖Θ_0‖ = 5, ‖Θ_1‖ = 3
        assertArrayEquals(new double[] {1.0, -10.0 / 12}, fit.coefficients(), 1e-15);
        assertArrayEquals(new double[] {0.5, -0.25}, fit.normalizedCoefficients());
        assertArrayEquals(new boolean[] {true, true}, fit.mask());
        assertNull(fit.probabilities());
        assertTrue(fit.normalized());
    }

    @Test
    void aZeroColumnIsExcludedFromTheFitAndNeverSelected() {
        Recorder recorder = new Recorder(0.5, 0.0);
        NormalizedFit fit = UnitNormFit.fit(recorder, THETA, UT, ZeroColumns.EXCLUDE);
        assertEquals(2, recorder.x[0].length);
        assertArrayEquals(new double[] {1.0, 0.0, 0.0}, fit.coefficients(), 1e-15);
        assertArrayEquals(new boolean[] {true, false, false}, fit.mask());
    }

    @Test
    void aZeroColumnIsBadInputWhenRejected() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> UnitNormFit.fit(new Recorder(0, 0, 0), THETA, UT, ZeroColumns.REJECT));
        assertTrue(e.getMessage().contains("column 1"), e.getMessage());
    }

    @Test
    void aZeroTargetSelectsNothingOrIsRejected() {
        double[] zero = new double[3];
        NormalizedFit fit = UnitNormFit.fit(new Recorder(1, 1, 1), THETA, zero, ZeroColumns.EXCLUDE);
        assertArrayEquals(new boolean[3], fit.mask());
        assertThrows(BadInputException.class,
                () -> UnitNormFit.fit(new Recorder(1, 1, 1), THETA, zero, ZeroColumns.REJECT));
    }

    @Test
    void rawFitsSeeTheDataAsGiven() {
        double[][] theta = {{3, 1}, {4, -2}, {0, 2}};
        Recorder recorder = new Recorder(2.0, 0.0);
        NormalizedFit fit = UnitNormFit.fitRaw(recorder, theta, UT, ZeroColumns.REJECT);
        assertArrayEquals(theta[1], recorder.x[1]);
        assertArrayEquals(UT, recorder.y);
        assertArrayEquals(new double[] {2.0, 0.0}, fit.coefficients());
        assertFalse(fit.normalized());
    }

    @Test
    void thresholdZeroesCoefficientsStrictlyBelowIt() {
        double[] c = new Threshold(new Recorder(0.1, -0.0999, 0.3, -0.1), 0.1)
                .fit(new double[1][4], new double[1]).coefficients();
        assertArrayEquals(new double[] {0.1, 0.0, 0.3, -0.1}, c);
    }
}
