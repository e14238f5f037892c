package org.deepmod.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.deepmod.BadInputException;

/**
 * Turns a file's named arrays (.npz entries, MAT-file variables, a pickled dict) into points, one per value
 * of the fields. The fields must share one shape. Each coordinate is either an array of that shape (a grid
 * as np.meshgrid gives it, or flat vectors) or an axis vector whose length is one of the field's axes (as
 * PDE-FIND's .mat files give {@code x} and {@code t} beside {@code usol}); singleton axes are ignored, so a
 * MATLAB 256×1 vector is a vector. When two axes have the same length the spatial coordinates take the first
 * axes and time the last, PDE-FIND's layout u(x, t). Values are flattened in C order of the field's shape.
 */
final class NamedArrays {

    private NamedArrays() {
    }

    static Dataset assemble(String file, Map<String, NpyArray> arrays, ReadOptions options, Consumer<String> notes) {
        return assemble(file, arrays.keySet(), arrays::get, options, notes);
    }

    /**
     * @param held   every variable the file holds, for the message when one is missing
     * @param lookup the decoded array of a held variable; called only for the variables the options name
     * @param notes  told what reading dropped from the arrays it uses (a complex array's imaginary part)
     */
    static Dataset assemble(String file, Set<String> held, Function<String, NpyArray> lookup,
                            ReadOptions options, Consumer<String> notes) {
        List<String> names = options.allNames();
        Map<String, NpyArray> arrays = new HashMap<>();
        for (String name : names) {
            if (!held.contains(name)) {
                throw new BadInputException(file + ": no variable '" + name + "'; the file holds " + held
                        + " (the config's fields and coords name them: " + names + ")");
            }
            arrays.put(name, lookup.apply(name).requireReal(options.realPartOfComplex(), notes));
        }
        int coords = 1 + options.spatialDims();
        List<String> fieldNames = options.fieldNames();
        NpyArray first = arrays.get(fieldNames.get(0));
        int[] shape = squeeze(first.shape());
        for (String name : fieldNames) {
            NpyArray field = arrays.get(name);
            if (!Arrays.equals(squeeze(field.shape()), shape)) {
                throw new BadInputException(file + ": fields '" + fieldNames.get(0) + "' " + first.shapeText()
                        + " and '" + name + "' " + field.shapeText() + " have different shapes");
            }
        }
        if (first.size() == 0) {
            throw new BadInputException(file + ": variable '" + fieldNames.get(0) + "' is empty (shape "
                    + first.shapeText() + ")");
        }
        // spatial names first, time last: on equal lengths they take the field's axes in that order
        List<String> coordOrder = new ArrayList<>(names.subList(1, coords));
        coordOrder.add(names.get(0));
        boolean[] axisTaken = new boolean[shape.length];
        double[][] coordColumns = new double[coords][];
        for (String name : coordOrder) {
            NpyArray coord = arrays.get(name);
            int column = names.indexOf(name);
            int[] coordShape = squeeze(coord.shape());
            if (Arrays.equals(coordShape, shape)) {
                coordColumns[column] = coord.values();
                continue;
            }
            int axis = -1;
            for (int k = 0; k < shape.length && coordShape.length == 1; k++) {
                if (!axisTaken[k] && shape[k] == coordShape[0]) {
                    axis = k;
                    break;
                }
            }
            if (axis < 0) {
                throw new BadInputException(file + ": variable '" + name + "' " + coord.shapeText() + " does not "
                        + "match field '" + fieldNames.get(0) + "' " + first.shapeText() + ": a coordinate needs the "
                        + "field's shape or to be a vector as long as one of its axes");
            }
            axisTaken[axis] = true;
            coordColumns[column] = broadcast(coord.values(), shape, axis);
        }
        double[][] fieldColumns = new double[fieldNames.size()][];
        for (int k = 0; k < fieldColumns.length; k++) {
            fieldColumns[k] = arrays.get(fieldNames.get(k)).requireFinite().values();
        }
        for (String name : names.subList(0, coords)) {
            arrays.get(name).requireFinite();
        }
        return Dataset.ofColumns(coordColumns, fieldColumns, Dataset.canonicalCoordNames(options.spatialDims()),
                Dataset.canonicalTargetNames(fieldColumns.length));
    }

    /** The shape without its length-1 axes. */
    private static int[] squeeze(int[] shape) {
        return Arrays.stream(shape).filter(n -> n != 1).toArray();
    }

    /** The value of {@code axisValues} at each C-order position of {@code shape}, by its index along {@code axis}. */
    private static double[] broadcast(double[] axisValues, int[] shape, int axis) {
        int inner = 1;
        for (int k = axis + 1; k < shape.length; k++) {
            inner *= shape[k];
        }
        int total = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] out = new double[total];
        for (int i = 0; i < total; i++) {
            out[i] = axisValues[(i / inner) % shape[axis]];
        }
        return out;
    }
}
