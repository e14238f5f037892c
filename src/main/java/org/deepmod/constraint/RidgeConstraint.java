package org.deepmod.constraint;

/**
 * The reference's Ridge constraint: least squares with penalty λ Σ ‖Θ_j‖² ξ_j² (default λ = 1e-3). Not the
 * sparse estimator {@code org.deepmod.sparse.Ridge}, which selects terms.
 */
public final class RidgeConstraint extends LeastSquares {
    public static final double DEFAULT_LAMBDA = 1e-3;

    public RidgeConstraint(double lambda) {
        super(lambda);
    }
}
