package org.deepmod.training;

/**
 * Updates every {@code periodicity} iterations from {@code initialIteration} on. The reference's Python
 * modulo of a negative number fired before the initial iteration too (its Periodic(50, 1000) updated at
 * 0, 50, 100, ...); here nothing happens before it.
 */
public final class PeriodicScheduler implements SparsityScheduler {
    private final int periodicity;
    private final int initialIteration;

    public PeriodicScheduler(int periodicity, int initialIteration) {
        if (periodicity < 1 || initialIteration < 0) {
            throw new IllegalArgumentException("periodicity must be >= 1 and initial iteration >= 0");
        }
        this.periodicity = periodicity;
        this.initialIteration = initialIteration;
    }

    @Override
    public boolean shouldUpdate(int iteration, double testLoss, Checkpoints checkpoints) {
        return iteration >= initialIteration && (iteration - initialIteration) % periodicity == 0;
    }
}
