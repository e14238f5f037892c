package org.deepmod.sparse;

/**
 * DeePyMoD's {@code Threshold}: fit a base estimator (lasso-cv by default), then set every coefficient with
 * |c| &lt; threshold to 0 (strict: a coefficient equal to the threshold stays). The kept coefficients are the base
 * estimator's, not a refit: DeepMoD refits them itself through its constraint.
 */
public final class Threshold implements SparseEstimator {
    private final SparseEstimator base;
    private final double threshold;
    private double[] coefficients = new double[0];

    public Threshold(SparseEstimator base, double threshold) {
        this.base = base;
        this.threshold = threshold;
    }

    @Override
    public Threshold fit(double[][] x, double[] y) {
        coefficients = base.fit(x, y).coefficients();
        for (int j = 0; j < coefficients.length; j++) {
            if (Math.abs(coefficients[j]) < threshold) {
                coefficients[j] = 0.0;
            }
        }
        return this;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }
}
