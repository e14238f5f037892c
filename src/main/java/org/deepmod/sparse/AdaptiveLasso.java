package org.deepmod.sparse;

/**
 * The adaptive Lasso (Zou 2006): penalty α·Σ_j w_j|β_j| with w_j = |ĉ_j|^−γ from a ridge fit, solved as an
 * ordinary cross-validated Lasso on the rescaled design X_j·|ĉ_j|^γ and mapped back. A term whose ridge
 * coefficient is exactly 0 gets an infinite weight: its rescaled column is 0 and it is never selected.
 */
public final class AdaptiveLasso implements SparseEstimator {
    private final double gamma;
    private final double ridgeAlpha;
    private final CrossValidatedElasticNet lassoCv;
    private double[] coefficients = new double[0];

    public AdaptiveLasso(double gamma, double ridgeAlpha, CrossValidatedElasticNet lassoCv) {
        this.gamma = gamma;
        this.ridgeAlpha = ridgeAlpha;
        this.lassoCv = lassoCv;
    }

    @Override
    public AdaptiveLasso fit(double[][] x, double[] y) {
        int p = Shapes.columns(x, y);
        double[] scale = adaptiveScale(new Gram(p).fill(x, y, 0, x.length), ridgeAlpha, gamma);
        double[][] scaled = new double[x.length][p];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < p; j++) {
                scaled[i][j] = x[i][j] * scale[j];
            }
        }
        coefficients = lassoCv.fit(scaled, y).coefficients();
        for (int j = 0; j < p; j++) {
            coefficients[j] *= scale[j];
        }
        return this;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** 1/w_j = |ĉ_j|^γ with ĉ the ridge estimate on these statistics. */
    static double[] adaptiveScale(Gram gram, double ridgeAlpha, double gamma) {
        double[] ridge = LinearSolvers.ridge(gram, LinearSolvers.allColumns(gram.p), gram.p, ridgeAlpha);
        for (int j = 0; j < ridge.length; j++) {
            ridge[j] = Math.pow(Math.abs(ridge[j]), gamma);
        }
        return ridge;
    }
}
