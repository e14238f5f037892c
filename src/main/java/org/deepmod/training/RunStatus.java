package org.deepmod.training;

import java.util.Arrays;
import java.util.List;

/** How a run ended. */
public enum RunStatus {
    /** The coefficients stayed put for the convergence patience after at least one mask update. */
    CONVERGED,
    /** The iteration cap was reached first: the result is the model at the cap, not a converged one. */
    MAX_ITERATIONS,
    /** The loss became NaN or infinite; the result holds the iteration where it happened. */
    DIVERGED,
    /** Something else went wrong (bad data, an exception); the result holds the reason. */
    FAILED;

    /** Every status by name, in this order: as result files, tables and reports write them. */
    public static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();
}
