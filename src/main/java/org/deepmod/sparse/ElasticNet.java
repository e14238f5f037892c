package org.deepmod.sparse;

/**
 * scikit-learn's {@code ElasticNet} (and, with l1 ratio 1, {@code Lasso}) without intercept at a fixed α:
 * minimises (1/2n)‖y − Xw‖² + αρ‖w‖₁ + ½α(1−ρ)‖w‖² by coordinate descent from zero.
 */
public final class ElasticNet implements SparseEstimator {
    private final double alpha;
    private final double l1Ratio;
    private final ElasticNetPath solver;
    private Gram gram;
    private double[] coefficients = new double[0];

    public ElasticNet(double alpha, double l1Ratio, int maxIter, double tol) {
        this.alpha = alpha;
        this.l1Ratio = l1Ratio;
        this.solver = new ElasticNetPath(maxIter, tol);
    }

    @Override
    public ElasticNet fit(double[][] x, double[] y) {
        int p = Shapes.columns(x, y);
        if (gram == null || gram.p != p) {
            gram = new Gram(p);
        }
        gram.fill(x, y, 0, x.length);
        coefficients = new double[p];
        solver.solve(gram, alpha, l1Ratio, coefficients);
        return this;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }
}
