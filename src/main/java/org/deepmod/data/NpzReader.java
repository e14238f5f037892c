package org.deepmod.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.deepmod.BadInputException;

/**
 * Reads an .npz archive whose arrays t, x[, y] and u[, v, w] (names from {@link ReadOptions}) all have the
 * same shape, one value per point: a grid as np.meshgrid gives it, or flat vectors. Every array is flattened
 * in C order, so the PDE-FIND file (x along axis 0, t along axis 1) comes out with time fastest, as
 * {@link Grid#sample} orders points.
 */
final class NpzReader {

    private NpzReader() {
    }

    static Dataset read(String file, byte[] bytes, ReadOptions options) {
        Map<String, byte[]> entries = NpzArchive.entries(bytes, file);
        List<String> names = options.allNames();
        List<NpyArray> arrays = new ArrayList<>();
        for (String name : names) {
            byte[] entry = entries.get(name);
            if (entry == null) {
                throw new BadInputException(file + ": no array '" + name + "'; the archive holds " + entries.keySet()
                        + " (the read options name the arrays: time, spatial, fields " + names + ")");
            }
            arrays.add(NpyFormat.parse(entry, file + ": array '" + name + "'"));
        }
        NpyArray first = arrays.get(0);
        for (int k = 1; k < arrays.size(); k++) {
            if (!arrays.get(k).sameShape(first)) {
                throw new BadInputException(file + ": arrays '" + names.get(0) + "' " + first.shapeText() + " and '"
                        + names.get(k) + "' " + arrays.get(k).shapeText() + " have different shapes; every array "
                        + "needs one value per point (from axis vectors build the grid with "
                        + "np.meshgrid(x, t, indexing='ij') before saving)");
            }
        }
        if (first.size() == 0) {
            throw new BadInputException(file + ": the arrays are empty (shape " + first.shapeText() + ")");
        }
        arrays.forEach(NpyArray::requireFinite);

        int coords = 1 + options.spatialDims();
        double[][] coordColumns = new double[coords][];
        double[][] fieldColumns = new double[options.fieldNames().size()][];
        for (int k = 0; k < arrays.size(); k++) {
            double[] values = arrays.get(k).values();
            if (k < coords) {
                coordColumns[k] = values;
            } else {
                fieldColumns[k - coords] = values;
            }
        }
        return Dataset.ofColumns(coordColumns, fieldColumns, Dataset.canonicalCoordNames(options.spatialDims()),
                Dataset.canonicalTargetNames(fieldColumns.length));
    }
}
