package org.deepmod.training;

import ai.djl.ndarray.NDManager;
import org.deepmod.nn.DerivativeSet;

/**
 * How a step takes the network's parameter gradient: chosen once per training, before the loop
 * ({@link HandWrittenStep} where the network has a hand-written backward, {@link AutogradStep} elsewhere).
 */
interface TrainingStep {
    /**
     * The losses at the current parameters and the update they lead to. {@code carried}: the derivatives the
     * step carries (every one at write iterations, where the estimator may run; else those of the active
     * terms); {@code write}: a write iteration, which needs the float64 library.
     */
    StepLoss take(DerivativeSet carried, boolean[][] masks, boolean write, NDManager step);
}
