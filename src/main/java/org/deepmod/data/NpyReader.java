package org.deepmod.data;

import java.util.function.Consumer;

import org.deepmod.BadInputException;

/**
 * Reads a single .npy array of N rows whose columns are t, x[, y] (as many spatial columns as
 * {@link ReadOptions#spatialDims()}) followed by 1 to 3 fields.
 */
final class NpyReader {

    private NpyReader() {
    }

    static Dataset read(String file, byte[] bytes, ReadOptions options, Consumer<String> notes) {
        NpyArray array = NpyFormat.parse(bytes, file).requireReal(options.realPartOfComplex(), notes);
        int coords = 1 + options.spatialDims();
        int[] shape = array.shape();
        int fields = shape.length == 2 ? shape[1] - coords : 0;
        if (shape.length != 2 || fields < 1 || fields > 3) {
            throw new BadInputException(file + ": expected a 2-D array of points with columns t, "
                    + String.join(", ", Dataset.canonicalCoordNames(options.spatialDims()).subList(1, coords))
                    + (coords > 1 ? ", " : "") + "then 1 to 3 fields, i.e. " + (coords + 1) + " to " + (coords + 3)
                    + " columns, but its shape is " + array.shapeText()
                    + " (a .npz with named arrays is the other way to give gridded data)");
        }
        if (shape[0] == 0) {
            throw new BadInputException(file + ": the array holds no points (shape " + array.shapeText() + ")");
        }
        array.requireFinite();
        int columns = shape[1];
        double[] values = array.values();
        double[] coordValues = new double[shape[0] * coords];
        double[] fieldValues = new double[shape[0] * fields];
        for (int i = 0; i < shape[0]; i++) {
            System.arraycopy(values, i * columns, coordValues, i * coords, coords);
            System.arraycopy(values, i * columns + coords, fieldValues, i * fields, fields);
        }
        return Dataset.wrapRowMajor(coordValues, fieldValues, Dataset.canonicalCoordNames(options.spatialDims()),
                Dataset.canonicalTargetNames(fields));
    }
}
