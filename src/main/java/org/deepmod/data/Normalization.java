package org.deepmod.data;

import java.util.Arrays;

import org.deepmod.BadInputException;

/**
 * Normalisation per column, of the coordinates and of the fields each: min–max to [−1, 1] (DeePyMoD's default
 * {@code apply_normalize}) or division by max |value| (the notebooks' {@code custom_normalize}). Unlike the
 * reference it returns the {@link Scaling} it applied, so that discovered coefficients can be mapped back to
 * the data's units.
 */
public final class Normalization {

    /** The normalised data and the map that produced it from the original. */
    public record Result(Dataset data, Scaling scaling) {
    }

    /**
     * How a group of columns is normalised: not at all, min–max to [−1, 1] (DeePyMoD's default
     * {@code apply_normalize}), or divided by max |value| (the notebooks' {@code custom_normalize}, no offset).
     */
    public enum Method {
        NONE, MINMAX, MAXABS;

        public static Method byName(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Normalises the coordinate columns by one method and the target columns by another. */
    public static Result apply(Dataset data, Method coords, Method targets) {
        if (data.size() == 0) {
            throw new BadInputException("cannot normalise an empty dataset");
        }
        double[][] coordMap = columnMaps(data.coordsFlat(), data.coordDims(), coords);
        double[][] targetMap = columnMaps(data.targetsFlat(), data.targetDims(), targets);
        Scaling scaling = new Scaling(coordMap[0], coordMap[1], targetMap[0], targetMap[1]);
        return new Result(scaling.apply(data), scaling);
    }

    private Normalization() {
    }

    /**
     * Maps every selected column to [−1, 1] with x' = a·x + b, a = 2/(max − min), b = −1 − a·min; columns
     * not selected keep a = 1, b = 0. A constant column (max = min) cannot be stretched: it is shifted to 0
     * (a = 1, b = −min) rather than divided by zero.
     */
    public static Result minMax(Dataset data, boolean coords, boolean targets) {
        return apply(data, coords ? Method.MINMAX : Method.NONE, targets ? Method.MINMAX : Method.NONE);
    }

    /** {scale, offset} per column of a row-major array; the identity when not normalised. */
    private static double[][] columnMaps(double[] rowMajor, int columns, Method method) {
        boolean normalise = method != Method.NONE;
        double[] min = new double[columns];
        double[] max = new double[columns];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; normalise && i < rowMajor.length; i++) {
            int j = i % columns;
            min[j] = Math.min(min[j], rowMajor[i]);
            max[j] = Math.max(max[j], rowMajor[i]);
        }
        double[] scale = new double[columns];
        double[] offset = new double[columns];
        for (int j = 0; j < columns; j++) {
            if (method == Method.MAXABS) {
                double largest = Math.max(Math.abs(min[j]), Math.abs(max[j]));
                scale[j] = largest > 0 ? 1 / largest : 1; // an all-zero column stays as it is
                continue;
            }
            boolean stretch = normalise && max[j] > min[j];
            scale[j] = stretch ? 2 / (max[j] - min[j]) : 1;
            offset[j] = stretch ? -1 - scale[j] * min[j] : normalise ? -min[j] : 0;
        }
        return new double[][] {scale, offset};
    }
}
