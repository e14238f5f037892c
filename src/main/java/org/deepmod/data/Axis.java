package org.deepmod.data;

import java.util.Arrays;

import org.deepmod.BadInputException;

/** The values of one coordinate of a {@link Grid}; immutable. */
public final class Axis {

    private final double[] values;

    private Axis(double[] values) {
        if (values.length == 0) {
            throw new BadInputException("an axis needs at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new BadInputException("axis value " + i + " is " + values[i] + "; values must be finite");
            }
        }
        this.values = values;
    }

    /** count evenly spaced values from start to stop, both included (as numpy.linspace). */
    public static Axis linspace(double start, double stop, int count) {
        if (count < 1) {
            throw new BadInputException("linspace needs a count of at least 1, not " + count);
        }
        double[] values = new double[count];
        double step = count == 1 ? 0 : (stop - start) / (count - 1);
        for (int i = 0; i < count; i++) {
            values[i] = start + i * step;
        }
        if (count > 1) {
            values[count - 1] = stop; // exact end point, whatever the rounding of the step
        }
        return new Axis(values);
    }

    /** An axis with exactly these values (copied), in this order. */
    public static Axis of(double... values) {
        return new Axis(values.clone());
    }

    public int size() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }

    /** A fresh copy. */
    public double[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        return values.length == 1 ? "Axis[" + values[0] + "]"
                : "Axis[" + values[0] + " .. " + values[values.length - 1] + ", " + values.length + " values]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Axis axis && Arrays.equals(values, axis.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
