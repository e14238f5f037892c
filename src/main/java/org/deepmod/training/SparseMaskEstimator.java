package org.deepmod.training;

import org.deepmod.library.LibraryColumns;
import org.deepmod.sparse.NormalizedFit;
import org.deepmod.sparse.UnitNormFit;
import org.deepmod.sparse.SparseEstimator;
import org.deepmod.sparse.ZeroColumns;

/**
 * Any {@link SparseEstimator} as the trainer's mask estimator, on DeePyMoD's normalised library (unit-norm
 * columns and u_t). A column that vanishes identically is excluded (never selected) instead of putting NaN
 * into the estimator as the reference does.
 */
public final class SparseMaskEstimator implements MaskEstimator {
    private final SparseEstimator estimator;
    private double[] lastProbabilities;

    public SparseMaskEstimator(SparseEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public double[] normalizedCoefficients(LibraryColumns library, int output) {
        NormalizedFit fit = UnitNormFit.fit(estimator, library.thetaRows(), library.timeDerivative(output),
                ZeroColumns.EXCLUDE);
        lastProbabilities = fit.probabilities();
        return fit.normalizedCoefficients();
    }

    @Override
    public double[] lastProbabilities() {
        return lastProbabilities;
    }
}
