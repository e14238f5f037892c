package org.deepmod.training;

/**
 * Training has converged when the L1 norm of the normalised, masked coefficients stays within
 * {@code delta} of a reference value for {@code patience} iterations. Unlike the reference, the clock only
 * starts after the first mask update: a run cannot "converge" with every term still active.
 */
public final class Convergence {
    private final int patience;
    private final double delta;
    private final boolean relative;
    private boolean armed;
    private Double startL1;
    private double[] startCoefficients;
    private int startIteration;

    public Convergence(int patience, double delta, boolean relative) {
        if (patience < 0 || !(delta >= 0)) {
            throw new IllegalArgumentException("patience and delta must be >= 0");
        }
        this.patience = patience;
        this.delta = delta;
        this.relative = relative;
    }

    /** The reference's absolute band. */
    public Convergence(int patience, double delta) {
        this(patience, delta, false);
    }

    /** Called when the mask is updated: convergence may be declared from now on. */
    public void maskUpdated() {
        armed = true;
    }

    /**
     * @param l1           Σ|ξ̂| of the masked, normalised coefficients (the reference's quantity)
     * @param coefficients the masked, normalised coefficients of every output, one after the other
     */
    public boolean converged(int iteration, double l1, double[] coefficients) {
        if (!armed) {
            return false;
        }
        boolean moved = relative
                ? startCoefficients == null || maxDifference(startCoefficients, coefficients) >= delta * maxAbs(startCoefficients)
                : startL1 == null || Math.abs(startL1 - l1) >= delta;
        if (moved) {
            startL1 = l1;
            startCoefficients = coefficients.clone();
            startIteration = iteration;
            return false;
        }
        return iteration - startIteration >= patience;
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
