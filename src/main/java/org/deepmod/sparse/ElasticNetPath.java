package org.deepmod.sparse;

/**
 * scikit-learn's {@code enet_path} on precomputed statistics: one coordinate-descent solve per α, largest
 * first, each warm-started from the previous solution (the first from zero).
 */
final class ElasticNetPath {
    /** Receives the coefficients at each α of the path; they are overwritten by the next step. */
    @FunctionalInterface
    interface Step {
        void accept(int alphaIndex, double[] coefficients);
    }

    private final CoordinateDescent solver = new CoordinateDescent();
    private final int maxIter;
    private final double tol;
    private double[] w = new double[0];

    ElasticNetPath(int maxIter, double tol) {
        this.maxIter = maxIter;
        this.tol = tol;
    }

    void run(Gram g, double[] alphas, double l1Ratio, Step step) {
        if (w.length != g.p) {
            w = new double[g.p];
        }
        java.util.Arrays.fill(w, 0.0);
        for (int a = 0; a < alphas.length; a++) {
            solve(g, alphas[a], l1Ratio, w);
            step.accept(a, w);
        }
    }

    /** One solve at α from the warm start {@code w} (in place), in scikit-learn's scaling of the penalty. */
    void solve(Gram g, double alpha, double l1Ratio, double[] w) {
        double l1 = alpha * l1Ratio * g.rows;
        double l2 = alpha * (1.0 - l1Ratio) * g.rows;
        solver.minimize(g, l1, l2, w, maxIter, tol);
    }
}
