package org.deepmod.training;

/**
 * What a write iteration records: losses (summed over outputs), the L1 norm that drives convergence, and per
 * output [K][F] the mask, the constraint's coefficients in normalised space (ξ_j‖Θ_j‖/‖u_t‖, 0 where
 * masked), and the estimator's normalised coefficients when the mask was updated at this iteration (else null).
 */
public record TraceEntry(
        int iteration,
        double loss,
        double mse,
        double reg,
        double testMse,
        double l1,
        boolean[][] masks,
        double[][] normalizedCoefficients,
        double[][] estimatorCoefficients) {

    public boolean maskUpdated() {
        return estimatorCoefficients != null;
    }
}
