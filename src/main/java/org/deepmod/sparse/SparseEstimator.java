package org.deepmod.sparse;

/**
 * A sparse regression in the spirit of scikit-learn's estimators: {@link #fit} on a library X (n x p) and a
 * target y (n), then read {@link #coefficients()}. A coefficient of exactly 0 means the term is not selected.
 * Implementations are deterministic given their seed and hold no state shared with other instances.
 */
public interface SparseEstimator {

    /** Fits X (row-major, n rows of p values) to y (n values); returns this. */
    SparseEstimator fit(double[][] x, double[] y);

    /** Coefficients of the last fit (length p); 0 where a term is not selected. */
    double[] coefficients();

    /** Selection probability of every term, for methods that have them (stability selection); else null. */
    default double[] selectionProbabilities() {
        return null;
    }

    /** The support of the last fit: coefficient != 0. */
    default boolean[] support() {
        double[] c = coefficients();
        boolean[] mask = new boolean[c.length];
        for (int j = 0; j < c.length; j++) {
            mask[j] = c[j] != 0.0;
        }
        return mask;
    }
}
