package org.deepmod.sparse;

/**
 * scikit-learn's {@code Ridge} without intercept: minimises ‖y − Xw‖² + α‖w‖² (note: no 1/n, unlike the Lasso).
 * Not sparse by itself; here as a baseline and as the first step of the adaptive Lasso.
 */
public final class Ridge implements SparseEstimator {
    private final double alpha;
    private double[] coefficients = new double[0];

    public Ridge(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Ridge fit(double[][] x, double[] y) {
        int p = Shapes.columns(x, y);
        Gram gram = new Gram(p).fill(x, y, 0, x.length);
        coefficients = LinearSolvers.ridge(gram, LinearSolvers.allColumns(p), p, alpha);
        return this;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }
}
