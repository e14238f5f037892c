package org.deepmod.training;

/**
 * The optimiser and loop settings. Defaults are those of the reference's notebooks: Adam lr 1e-3,
 * betas (0.99, 0.99), AMSGrad, write every 25 iterations, convergence delta 1e-4 (absolute) over 200 iterations.
 */
public record TrainingOptions(
        int maxIterations,
        int writeIterations,
        int convergencePatience,
        double convergenceDelta,
        boolean convergenceRelative,
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        boolean amsgrad) {

    public static TrainingOptions defaults() {
        return new TrainingOptions(100_000, 25, 200, 1e-4, false, 1e-3, 0.99, 0.99, 1e-8, true);
    }

    public TrainingOptions withMaxIterations(int n) {
        return new TrainingOptions(n, writeIterations, convergencePatience, convergenceDelta, convergenceRelative,
                learningRate, beta1, beta2, epsilon, amsgrad);
    }

    public TrainingOptions withLearningRate(double lr) {
        return new TrainingOptions(maxIterations, writeIterations, convergencePatience, convergenceDelta,
                convergenceRelative, lr, beta1, beta2, epsilon, amsgrad);
    }
}
