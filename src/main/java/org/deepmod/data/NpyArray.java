package org.deepmod.data;

import java.util.Locale;
import java.util.function.Consumer;

import org.deepmod.BadInputException;

/**
 * A numeric array read from a .npy file, converted to float64 and stored in C (row-major) order whatever its
 * order on disk.
 *
 * @param source where it came from, for messages: "data.npz: array 'u'"
 */
record NpyArray(String source, int[] shape, double[] values, Imaginary imaginary) {

    /**
     * What a complex array's imaginary part was, which the real values leave out: checked by
     * {@link #requireReal} where the dataset's options are known, and only for the arrays a dataset uses.
     *
     * @param type            the stored type, for messages ("dtype '&lt;c16'", "MATLAB complex Double")
     * @param largestReal     the largest |real part|
     * @param largestImaginary the largest |imaginary part|
     */
    record Imaginary(String type, double largestReal, double largestImaginary) {
        /** The largest imaginary part relative to the largest real one; infinite for a purely imaginary array. */
        double ratio() {
            return largestImaginary == 0 ? 0 : largestImaginary / largestReal;
        }
    }

    /** A real array. */
    NpyArray(String source, int[] shape, double[] values) {
        this(source, shape, values, null);
    }

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

    /**
     * This array, if it is real or its imaginary part is a solver's numerical noise (at most
     * {@link NpyFormat#IMAGINARY_TOLERANCE} of the real part: PDE-FIND's kdv.mat holds 2e-6) or the dataset
     * asks for the real part ({@code complex: real}); else a message saying how large the imaginary part is.
     * An imaginary part that is dropped is told to {@code notes} with its size, so that the run's result says
     * what the data lost: the tolerance lets a run on data that is not quite real pass without a word otherwise.
     */
    NpyArray requireReal(boolean realPartAsked, Consumer<String> notes) {
        if (imaginary == null || imaginary.largestImaginary() == 0) {
            return this;
        }
        boolean noise = imaginary.ratio() <= NpyFormat.IMAGINARY_TOLERANCE;
        if (!noise && !realPartAsked) {
            throw new BadInputException(source + ": complex data (" + imaginary.type() + ") with imaginary parts up to "
                    + imaginary.largestImaginary() + " against real parts up to " + imaginary.largestReal() + " (a "
                    + "ratio above the " + NpyFormat.IMAGINARY_TOLERANCE + " taken as numerical noise); set 'complex: "
                    + "real' in the dataset to use the real part, or save the two parts as two fields");
        }
        String size = Double.isInfinite(imaginary.ratio())
                ? String.format(Locale.ROOT, "up to %.2g, beside real values that are all zero,",
                        imaginary.largestImaginary())
                : String.format(Locale.ROOT, "up to %.2g of the real values,", imaginary.ratio());
        notes.accept(source + " is complex (" + imaginary.type() + "); its imaginary part, " + size + " was dropped"
                + (noise ? "" : " as the dataset's 'complex: real' asks"));
        return this;
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
