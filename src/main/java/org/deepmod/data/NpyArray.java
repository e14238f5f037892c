package org.deepmod.data;

import org.deepmod.BadInputException;

/**
 * A numeric array read from a .npy file, converted to float64 and stored in C (row-major) order whatever its
 * order on disk.
 *
 * @param source where it came from, for messages: "data.npz: array 'u'"
 */
record NpyArray(String source, int[] shape, double[] values) {

    int size() {
        return values.length;
    }

    /** Python's notation: (256, 101), (5,), (). */
    String shapeText() {
        return shapeText(shape);
    }

    static String shapeText(int[] shape) {
        return shape.length == 1 ? "(" + shape[0] + ",)" : "(" + join(shape) + ")";
    }

    /** The multi-index of a C-order position, as numpy prints it: [12, 40]. */
    String indexText(int flat) {
        int[] index = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            index[k] = flat % shape[k];
            flat /= shape[k];
        }
        return "[" + join(index) + "]";
    }

    /** Throws at the first NaN or infinity, naming the array and its index. */
    NpyArray requireFinite() {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new BadInputException(source + " has " + values[i] + " at index " + indexText(i)
                        + " (NaN or infinite values are not allowed)");
            }
        }
        return this;
    }

    private static String join(int[] values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return out.toString();
    }
}
