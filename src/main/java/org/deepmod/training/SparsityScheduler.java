package org.deepmod.training;

/**
 * Decides, at each write iteration, whether the sparse estimator sets a new mask. Schedulers that keep the
 * best model save and restore it through {@link Checkpoints}.
 */
public interface SparsityScheduler {

    /**
     * @param iteration the current iteration (a multiple of the write interval)
     * @param testLoss  the summed test MSE of this write iteration
     * @return true to update the mask now
     */
    boolean shouldUpdate(int iteration, double testLoss, Checkpoints checkpoints);

    /** Saves and restores the network and optimiser state, in memory. */
    interface Checkpoints {
        void save();

        void restore();
    }
}
