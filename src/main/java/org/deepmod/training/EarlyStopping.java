package org.deepmod.training;

/**
 * Stops a run whose network has begun to fit the noise, and reads its equation from the network that
 * predicted the held-out samples best. Watched only after the first mask (before it the scheduler's own
 * plateau rule keeps the best network): from then on the lowest test MSE is kept; when the test MSE has stayed
 * more than {@code rise} (relative) above it for {@code patience} iterations, the run stops there.
 *
 * <p>Why: at heavy noise a flexible network (a SIREN above all) first fits the field and then the noise. Its
 * train MSE keeps falling while the test MSE, whose floor is the noise's variance, climbs, and the
 * derivatives that feed the library grow rough; the estimator then picks terms that describe the roughness.
 * This is early stopping on a validation set (Prechelt, "Early stopping — but when?", 1998), applied to the
 * network from which the equation is read.
 */
public final class EarlyStopping {

    /** What the loop does at a write iteration. */
    public enum Decision {
        /** Nothing to do. */
        CONTINUE,
        /** The test MSE is the lowest yet: keep this network. */
        KEEP,
        /** The test MSE has stayed above the lowest for the patience: restore the kept network and stop. */
        STOP
    }

    private final int patience;
    private final double rise;
    private boolean armed;
    private double lowest = Double.POSITIVE_INFINITY;
    private int lowestIteration;
    private int aboveSince = -1;

    /**
     * @param patience iterations the test MSE must stay above the band before the run stops; 0 turns the rule off
     * @param rise     the band above the lowest test MSE, relative (0.05: 5 % above it)
     */
    public EarlyStopping(int patience, double rise) {
        if (patience < 0 || !(rise >= 0)) {
            throw new IllegalArgumentException("patience and rise must be >= 0");
        }
        this.patience = patience;
        this.rise = rise;
    }

    /** Whether the rule can stop a run at all. */
    public boolean enabled() {
        return patience > 0;
    }

    /** Called when the mask is updated: the network is watched from the first update on. */
    public void maskUpdated() {
        armed = true;
    }

    /** The iteration of the kept network (the lowest test MSE so far). */
    public int lowestIteration() {
        return lowestIteration;
    }

    /** The lowest test MSE so far (infinite before the first watched write). */
    public double lowest() {
        return lowest;
    }

    /** What to do with the network of {@code iteration}, whose test MSE is {@code testMse}. */
    public Decision watch(int iteration, double testMse) {
        if (!enabled() || !armed || !Double.isFinite(testMse)) {
            return Decision.CONTINUE;
        }
        if (testMse < lowest) {
            lowest = testMse;
            lowestIteration = iteration;
            aboveSince = -1;
            return Decision.KEEP;
        }
        if (testMse <= lowest * (1 + rise)) {
            aboveSince = -1;
            return Decision.CONTINUE;
        }
        if (aboveSince < 0) {
            aboveSince = iteration;
        }
        return iteration - aboveSince >= patience ? Decision.STOP : Decision.CONTINUE;
    }
}
