package org.deepmod.sparse;

/**
 * scikit-learn's {@code LassoCV} / {@code ElasticNetCV} without intercept: for each l1 ratio ρ, a grid of α from
 * α_max down to eps·α_max computed on ALL rows; on each contiguous fold, the whole path on the training rows
 * (warm starts) and the held-out mean squared error per α; the (ρ, α) with the least MSE averaged over folds
 * (first minimum, α descending, ρ in the given order); then a refit on all rows from zero.
 * With ρ = 1 this is DeePyMoD's {@code LassoCV(cv=5, fit_intercept=False)}.
 */
public final class CrossValidatedElasticNet implements SparseEstimator {
    private final double[] l1Ratios;
    private final int folds;
    private final int alphaCount;
    private final double eps;
    private final ElasticNetPath path;

    private Gram all;
    private Gram[] heldOut;
    private Gram training;
    private double[] foldMse;
    private double[] coefficients = new double[0];
    private double alpha;
    private double l1Ratio;
    private double[] meanMse;

    public CrossValidatedElasticNet(double[] l1Ratios, int folds, int alphaCount, double eps, int maxIter, double tol) {
        this.l1Ratios = l1Ratios.clone();
        this.folds = folds;
        this.alphaCount = alphaCount;
        this.eps = eps;
        this.path = new ElasticNetPath(maxIter, tol);
    }

    /** scikit-learn's {@code LassoCV} defaults: 5 folds, 100 α down to 1e-3·α_max, 1000 sweeps, tol 1e-4. */
    public static CrossValidatedElasticNet lassoDefaults() {
        return new CrossValidatedElasticNet(new double[] {1.0}, 5, 100, 1e-3, 1000, 1e-4);
    }

    @Override
    public CrossValidatedElasticNet fit(double[][] x, double[] y) {
        int p = Shapes.columns(x, y);
        ContiguousFolds split = new ContiguousFolds(x.length, folds);
        prepareWorkspace(p);
        all.fill(x, y, 0, x.length);
        for (int k = 0; k < folds; k++) {
            heldOut[k].fill(x, y, split.testFrom(k), split.testTo(k));
        }
        double bestMse = Double.POSITIVE_INFINITY;
        for (double ratio : l1Ratios) {
            double[] alphas = AlphaGrid.descending(all, ratio, eps, alphaCount);
            double[] mse = meanHeldOutMse(alphas, ratio);
            int best = argMin(mse);
            if (mse[best] < bestMse) {
                bestMse = mse[best];
                alpha = alphas[best];
                l1Ratio = ratio;
                meanMse = mse;
            }
        }
        coefficients = new double[p];
        path.solve(all, alpha, l1Ratio, coefficients);
        return this;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The α chosen by the last fit. */
    public double alpha() {
        return alpha;
    }

    /** The l1 ratio chosen by the last fit. */
    public double l1Ratio() {
        return l1Ratio;
    }

    /** The held-out MSE averaged over folds along the chosen ratio's α grid, for tests and diagnostics. */
    double[] meanMse() {
        return meanMse.clone();
    }

    private double[] meanHeldOutMse(double[] alphas, double ratio) {
        double[] mean = new double[alphas.length];
        for (int k = 0; k < folds; k++) {
            Gram test = heldOut[k];
            training.fillDifference(all, test);
            path.run(training, alphas, ratio, (a, w) -> foldMse[a] = test.residualSumOfSquares(w) / test.rows);
            for (int a = 0; a < alphas.length; a++) {
                mean[a] += foldMse[a];
            }
        }
        for (int a = 0; a < alphas.length; a++) {
            mean[a] /= folds;
        }
        return mean;
    }

    private void prepareWorkspace(int p) {
        if (all != null && all.p == p && foldMse.length == alphaCount) {
            return;
        }
        all = new Gram(p);
        training = new Gram(p);
        heldOut = new Gram[folds];
        for (int k = 0; k < folds; k++) {
            heldOut[k] = new Gram(p);
        }
        foldMse = new double[alphaCount];
    }

    private static int argMin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }
}
