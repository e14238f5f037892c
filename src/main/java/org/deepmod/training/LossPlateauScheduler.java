package org.deepmod.training;

/**
 * Updates the mask when the test loss has not improved by at least {@code delta} for {@code patience}
 * iterations, after restoring the best model seen (kept in memory, not in a checkpoint file as in the
 * reference). With a periodicity it then keeps updating every {@code periodicity} iterations (the
 * reference's TrainTestPeriodic); without one it starts watching the test loss again (the reference's
 * TrainTest). Before {@code initial} iterations no plateau counts: a network still in the flat start of its fit
 * (its test loss barely moving before it has fitted anything) is not asked for a mask.
 */
public final class LossPlateauScheduler implements SparsityScheduler {
    private final int patience;
    private final double delta;
    private final int periodicity; // 0: no periodic phase
    private final int initial;
    private Double bestLoss;
    private int bestIteration;
    private Integer periodicFrom;

    public LossPlateauScheduler(int patience, double delta, int periodicity) {
        this(patience, delta, periodicity, 0);
    }

    public LossPlateauScheduler(int patience, double delta, int periodicity, int initial) {
        if (patience < 0 || !(delta >= 0) || periodicity < 0 || initial < 0) {
            throw new IllegalArgumentException("patience, delta, periodicity and initial must be >= 0");
        }
        this.patience = patience;
        this.delta = delta;
        this.periodicity = periodicity;
        this.initial = initial;
    }

    /** The reference's TrainTest(patience, delta): an update at every plateau of the test loss. */
    public static LossPlateauScheduler onPlateau(int patience, double delta) {
        return new LossPlateauScheduler(patience, delta, 0);
    }

    /**
     * The reference's TrainTestPeriodic(periodicity, patience, delta): the first update at a plateau of the
     * test loss, then every {@code periodicity} iterations.
     */
    public static LossPlateauScheduler onPlateauThenPeriodic(int periodicity, int patience, double delta) {
        return onPlateauThenPeriodic(periodicity, patience, delta, 0);
    }

    /** As {@link #onPlateauThenPeriodic(int, int, double)}, watching the test loss from {@code initial} on. */
    public static LossPlateauScheduler onPlateauThenPeriodic(int periodicity, int patience, double delta,
                                                             int initial) {
        if (periodicity < 1) {
            throw new IllegalArgumentException("periodicity must be >= 1");
        }
        return new LossPlateauScheduler(patience, delta, periodicity, initial);
    }

    @Override
    public boolean shouldUpdate(int iteration, double testLoss, Checkpoints checkpoints) {
        if (periodicFrom != null) {
            return (iteration - periodicFrom) % periodicity == 0;
        }
        if (iteration < initial) {
            return false;
        }
        if (bestLoss == null || bestLoss - testLoss >= delta) {
            bestLoss = testLoss;
            bestIteration = iteration;
            checkpoints.save();
            return false;
        }
        if (iteration - bestIteration < patience) {
            return false;
        }
        checkpoints.restore();
        bestLoss = null;
        if (periodicity > 0) {
            periodicFrom = iteration;
        }
        return true;
    }
}
