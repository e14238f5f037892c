package org.deepmod.training;

/**
 * The optimiser and loop settings, made by {@link #builder()}. Its defaults are those of the reference's
 * notebooks: Adam lr 1e-3, betas (0.99, 0.99), ε 1e-8, AMSGrad, write every 25 iterations, convergence when
 * the coefficients move less than 1e-4 (absolute) over 200 iterations; at most 20 000 iterations. A run config's
 * keys default to these ({@link #DEFAULTS}), so they are written once.
 */
public record TrainingOptions(
        int maxIterations,
        int writeIterations,
        int convergencePatience,
        double convergenceDelta,
        boolean convergenceRelative,
        int earlyStoppingPatience,
        double earlyStoppingRise,
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        boolean amsgrad) {

    /** Every setting at its default. */
    public static final TrainingOptions DEFAULTS = builder().build();

    public static Builder builder() {
        return new Builder();
    }

    /** Each setting with the reference's default until set. */
    public static final class Builder {
        private int maxIterations = 20_000;
        private int writeIterations = 25;
        private int convergencePatience = 200;
        private double convergenceDelta = 1e-4;
        private boolean convergenceRelative;
        private int earlyStoppingPatience;
        private double earlyStoppingRise = 0.05;
        private double learningRate = 1e-3;
        private double beta1 = 0.99;
        private double beta2 = 0.99;
        private double epsilon = 1e-8;
        private boolean amsgrad = true;

        private Builder() {
        }

        /** The iteration cap: a run that reaches it ends as MAX_ITERATIONS. */
        public Builder maxIterations(int maxIterations) {
            this.maxIterations = maxIterations;
            return this;
        }

        /** Every this many iterations: the trace, the test MSE, the scheduler and the convergence test. */
        public Builder writeIterations(int writeIterations) {
            this.writeIterations = writeIterations;
            return this;
        }

        /** Converged when the coefficients move less than {@code delta} for {@code patience} iterations. */
        public Builder convergence(int patience, double delta) {
            this.convergencePatience = patience;
            this.convergenceDelta = delta;
            return this;
        }

        /** Whether the convergence delta is relative to the coefficients' size (else absolute). */
        public Builder convergenceRelative(boolean relative) {
            this.convergenceRelative = relative;
            return this;
        }

        /**
         * Stop when the test MSE has stayed more than {@code rise} above its lowest for {@code patience} iterations
         * after the first mask, and read the equation from the network of the lowest ({@link EarlyStopping});
         * patience 0 (the default) turns it off.
         */
        public Builder earlyStopping(int patience, double rise) {
            this.earlyStoppingPatience = patience;
            this.earlyStoppingRise = rise;
            return this;
        }

        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Adam's decay rates of the first and second moments. */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public Builder amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        public TrainingOptions build() {
            return new TrainingOptions(maxIterations, writeIterations, convergencePatience, convergenceDelta,
                    convergenceRelative, earlyStoppingPatience, earlyStoppingRise, learningRate, beta1, beta2, epsilon, amsgrad);
        }
    }
}
