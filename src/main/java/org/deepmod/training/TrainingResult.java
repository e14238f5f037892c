package org.deepmod.training;

import java.util.List;

/**
 * The outcome of one training: status, iterations, and the discovered equation per output [K][F] —
 * the mask, ξ in the units of the network's variables (0 where masked), ξ in normalised space, and the
 * estimator's normalised coefficients of the last mask update — plus the final losses on the training and
 * test sets, all evaluated with the final network.
 */
public record TrainingResult(
        RunStatus status,
        String reason,
        int iterations,
        double seconds,
        List<String> terms,
        boolean[][] masks,
        double[][] coefficients,
        double[][] normalizedCoefficients,
        double[][] estimatorCoefficients,
        double mse,
        double reg,
        double testMse,
        int maskUpdates) {
}
