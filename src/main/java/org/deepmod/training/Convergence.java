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

    public boolean converged(int iteration, double l1) {
        if (!armed) {
            return false;
        }
        if (startL1 == null || Math.abs(startL1 - l1) >= (relative ? delta * Math.abs(startL1) : delta)) {
            startL1 = l1;
            startIteration = iteration;
            return false;
        }
        return iteration - startIteration >= patience;
    }
}
