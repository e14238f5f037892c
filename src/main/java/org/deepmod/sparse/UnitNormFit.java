package org.deepmod.sparse;

import org.deepmod.BadInputException;

/**
 * DeePyMoD's normalisation around a sparse estimator: Θ̂_j = Θ_j/‖Θ_j‖₂ and ŷ = u_t/‖u_t‖₂ (no centring), fit
 * on (Θ̂, ŷ), and map back c_j = ĉ_j·‖u_t‖/‖Θ_j‖. Because ŷ ≈ Θ̂ĉ whenever u_t ≈ Θc, thresholds mean the same
 * thing on every data set. Unlike the reference, a zero column does not put NaN into the estimator: the
 * {@link ZeroColumns} policy says what happens. A zero target has the zero solution (nothing selected) under
 * EXCLUDE and is bad input under REJECT.
 */
public final class UnitNormFit {
    private UnitNormFit() {
    }

    /** Normalises, fits and maps back. Non-finite values are a caller's error (the CLI reports them by line). */
    public static NormalizedFit fit(SparseEstimator estimator, double[][] theta, double[] ut, ZeroColumns policy) {
        return run(estimator, theta, ut, policy, true);
    }

    /** Fits the library and target as given (the {@code --raw} switch); the zero-column policy still applies. */
    public static NormalizedFit fitRaw(SparseEstimator estimator, double[][] theta, double[] ut, ZeroColumns policy) {
        return run(estimator, theta, ut, policy, false);
    }

    private static NormalizedFit run(SparseEstimator estimator, double[][] theta, double[] ut, ZeroColumns policy,
                                     boolean normalize) {
        int p = Shapes.columns(theta, ut);
        int n = theta.length;
        double[] columnNorms = columnNorms(theta, p);
        double targetNorm = norm(ut);
        if (!Double.isFinite(targetNorm)) {
            throw new IllegalArgumentException("the target has a non-finite value");
        }
        int[] kept = keptColumns(columnNorms, policy);
        if (targetNorm == 0.0 && policy == ZeroColumns.REJECT) {
            throw new BadInputException("the target u_t is identically zero");
        }
        if (targetNorm == 0.0 || kept.length == 0) {
            return new NormalizedFit(new double[p], new double[p], new boolean[p],
                    null, normalize);
        }
        double[][] x = new double[n][kept.length];
        double[] y = new double[n];
        double targetScale = normalize ? 1.0 / targetNorm : 1.0;
        for (int i = 0; i < n; i++) {
            double[] row = theta[i];
            double[] scaled = x[i];
            for (int k = 0; k < kept.length; k++) {
                int j = kept[k];
                scaled[k] = normalize ? row[j] / columnNorms[j] : row[j];
            }
            y[i] = ut[i] * targetScale;
        }
        double[] fitted = estimator.fit(x, y).coefficients();
        double[] fittedProbabilities = estimator.selectionProbabilities();
        double[] normalized = new double[p];
        double[] coefficients = new double[p];
        boolean[] mask = new boolean[p];
        double[] probabilities = fittedProbabilities == null ? null : new double[p];
        for (int k = 0; k < kept.length; k++) {
            int j = kept[k];
            normalized[j] = fitted[k];
            coefficients[j] = normalize ? fitted[k] * targetNorm / columnNorms[j] : fitted[k];
            mask[j] = fitted[k] != 0.0;
            if (probabilities != null) {
                probabilities[j] = fittedProbabilities[k];
            }
        }
        return new NormalizedFit(coefficients, normalized, mask, probabilities, normalize);
    }

    private static double[] columnNorms(double[][] theta, int p) {
        double[] sums = new double[p];
        for (double[] row : theta) {
            for (int j = 0; j < p; j++) {
                sums[j] += row[j] * row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            if (!Double.isFinite(sums[j])) {
                throw new IllegalArgumentException("library column " + j + " has a non-finite value");
            }
            sums[j] = Math.sqrt(sums[j]);
        }
        return sums;
    }

    private static int[] keptColumns(double[] columnNorms, ZeroColumns policy) {
        int count = 0;
        int[] kept = new int[columnNorms.length];
        for (int j = 0; j < columnNorms.length; j++) {
            if (columnNorms[j] > 0.0) {
                kept[count++] = j;
            } else if (policy == ZeroColumns.REJECT) {
                throw new BadInputException("library column " + j + " is identically zero");
            }
        }
        return java.util.Arrays.copyOf(kept, count);
    }

    private static double norm(double[] v) {
        double sum = 0.0;
        for (double value : v) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
