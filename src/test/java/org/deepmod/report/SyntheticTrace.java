package org.deepmod.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deepmod.training.TraceEntry;

/**
 * A Burgers-like training trace for the plot tests: 12 terms all active at first, the estimator prunes
 * them at three mask updates until u_xx and u*u_x remain; coefficients relax towards fixed values.
 */
final class SyntheticTrace {
    static final List<String> TERMS = List.of("1", "u_x", "u_xx", "u_xxx", "u", "u*u_x", "u*u_xx", "u*u_xxx",
            "u^2", "u^2*u_x", "u^2*u_xx", "u^2*u_xxx");
    static final int ALWAYS_ACTIVE = TERMS.indexOf("u_xx");
    /** Drops out at the first mask update, at a quarter of the trace. */
    static final int DROPPED_FIRST = TERMS.indexOf("u^2*u_xxx");
    static final int WRITE_EVERY = 25;

    private static final double[] TARGET = {0.02, -0.05, 0.55, 0.01, 0.03, -0.83, 0.04, -0.02, 0.06, 0.12,
        -0.03, 0.01};
    /** The mask update (0, 1, 2 or never = 3) at which each term leaves the model. */
    private static final int[] LEAVES_AT = {1, 2, 3, 0, 1, 3, 2, 0, 1, 2, 0, 0};

    private SyntheticTrace() {
    }

    static List<TraceEntry> of(int entries) {
        Random random = new Random(11);
        List<TraceEntry> trace = new ArrayList<>();
        int[] updates = {entries / 4, entries / 2, 3 * entries / 4};
        int passed = 0;
        for (int i = 0; i < entries; i++) {
            boolean updated = passed < updates.length && i == updates[passed] && i > 0;
            if (updated) {
                passed++;
            }
            boolean[] mask = new boolean[TERMS.size()];
            double[] coefficients = new double[TERMS.size()];
            double relax = 1 - Math.exp(-6.0 * i / entries);
            for (int j = 0; j < mask.length; j++) {
                mask[j] = LEAVES_AT[j] >= passed;
                coefficients[j] = mask[j] ? TARGET[j] * relax + 0.01 * random.nextGaussian() : 0;
            }
            double mse = 1e-2 * Math.exp(-8.0 * i / entries) + 1e-5;
            trace.add(new TraceEntry(i * WRITE_EVERY, mse * 1.1, mse, mse * 0.1, mse * 1.3,
                    sumAbs(coefficients), new boolean[][] {mask}, new double[][] {coefficients},
                    updated ? new double[][] {coefficients.clone()} : null));
        }
        return trace;
    }

    private static double sumAbs(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += Math.abs(v);
        }
        return sum;
    }
}
