package org.deepmod.training;

import java.util.function.DoubleSupplier;
import org.deepmod.library.LibraryColumns;

/**
 * A step's losses, the float64 library it saw (null when the step did not need one), and the parameter update
 * it leads to, run once the loss is known not to diverge. The losses are read lazily: on the autograd path each
 * is a device-to-host copy, needed only at write iterations.
 */
record StepLoss(double value, DoubleSupplier mseValue, DoubleSupplier regValue, LibraryColumns columns,
                Runnable update) {
    /**
     * A loss this many times its first value means the optimiser has left the basin for good: a healthy run
     * starts from its largest loss, an untrained network. (A too large learning rate saturates tanh and blows up
     * the output weights long before anything becomes NaN.)
     */
    static final double DIVERGENCE_FACTOR = 1e3;

    double mse() {
        return mseValue.getAsDouble();
    }

    double reg() {
        return regValue.getAsDouble();
    }

    /** Not finite, or {@link #DIVERGENCE_FACTOR} times the first step's loss. */
    boolean diverged(double initial) {
        return !Double.isFinite(value) || value > DIVERGENCE_FACTOR * initial;
    }
}
