package org.deepmod.constraint;

/** The reference's Ridge constraint: least squares with penalty λ Σ ‖Θ_j‖² ξ_j² (default λ = 1e-3). */
public final class Ridge extends LeastSquares {
    public static final double DEFAULT_LAMBDA = 1e-3;

    public Ridge(double lambda) {
        super(lambda);
    }
}
