package org.deepmod.sparse;

/**
 * Sequentially thresholded least squares as pysindy's {@code STLSQ} (threshold 0.1, 20 iterations; α see the provider):
 * ridge ‖y − X_S w‖² + α‖w‖² on the active set S, drop every |w_j| &lt; threshold, repeat until the support stops
 * changing; then, when {@code unbias}, an unregularised least-squares refit on the final support.
 */
public final class Stlsq implements SparseEstimator {
    private final double threshold;
    private final double alpha;
    private final int maxIter;
    private final boolean unbias;
    private double[] coefficients = new double[0];

    public Stlsq(double threshold, double alpha, int maxIter, boolean unbias) {
        this.threshold = threshold;
        this.alpha = alpha;
        this.maxIter = maxIter;
        this.unbias = unbias;
    }

    @Override
    public Stlsq fit(double[][] x, double[] y) {
        int p = Shapes.columns(x, y);
        Shapes.requireRowsAtLeastColumns("stlsq", x.length, p);
        Gram gram = new Gram(p).fill(x, y, 0, x.length);
        int[] support = LinearSolvers.allColumns(p);
        int count = p;
        double[] w = new double[p];
        for (int iteration = 0; iteration < maxIter && count > 0; iteration++) {
            w = LinearSolvers.ridge(gram, support, count, alpha);
            int kept = 0;
            for (int c = 0; c < count; c++) {
                int j = support[c];
                if (Math.abs(w[j]) >= threshold) {
                    support[kept++] = j;
                } else {
                    w[j] = 0.0;
                }
            }
            boolean unchanged = kept == count;
            count = kept;
            if (unchanged) {
                break;
            }
        }
        if (count == 0) {
            w = new double[p];
        } else if (unbias) {
            w = LinearSolvers.leastSquares(x, y, null, 0, support, count);
        }
        coefficients = w;
        return this;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }
}
