package org.deepmod.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.deepmod.BadInputException;

/**
 * What a data file's arrays (.npz) or columns (.csv) are called: the time coordinate, the spatial
 * coordinates (their number is the spatial dimension, also for the column layout of a .npy file) and the
 * fields. Whatever the file calls them, the {@link Dataset} read from it uses the canonical names t, x[, y]
 * and u[, v, w], in this order, because the library's term names are built from those. A .npy table has no
 * names: only the spatial dimension applies to it, and every column after the coordinates is a field.
 *
 * @param timeName     default "t"
 * @param spatialNames default ["x"]; 0 to 2 names
 * @param fieldNames   default ["u"]; 1 to 3 names
 * @param realPartOfComplex take the real part of complex arrays whatever their imaginary part (a dataset's
 *                     {@code complex: real}); by default only an imaginary part of a solver's numerical noise is
 *                     dropped, and a larger one refused
 */
public record ReadOptions(String timeName, List<String> spatialNames, List<String> fieldNames,
                          boolean realPartOfComplex) {

    public ReadOptions {
        spatialNames = List.copyOf(spatialNames);
        fieldNames = List.copyOf(fieldNames);
        Dataset.canonicalCoordNames(spatialNames.size());
        Dataset.canonicalTargetNames(fieldNames.size());
        List<String> all = concat(timeName, spatialNames, fieldNames);
        for (String name : all) {
            if (name.isBlank()) {
                throw new BadInputException("read options: array and column names must not be blank: " + all);
            }
        }
        if (new HashSet<>(all).size() != all.size()) {
            throw new BadInputException("read options: array and column names must be distinct: " + all);
        }
    }

    /** Complex arrays as numerical noise allows (the default). */
    public ReadOptions(String timeName, List<String> spatialNames, List<String> fieldNames) {
        this(timeName, spatialNames, fieldNames, false);
    }

    /** t; x; u. */
    public static ReadOptions defaults() {
        return new ReadOptions("t", List.of("x"), List.of("u"));
    }

    public ReadOptions withTimeName(String name) {
        return new ReadOptions(name, spatialNames, fieldNames, realPartOfComplex);
    }

    public ReadOptions withSpatialNames(String... names) {
        return new ReadOptions(timeName, List.of(names), fieldNames, realPartOfComplex);
    }

    /** The canonical spatial names x[, y] for this many dimensions. */
    public ReadOptions withSpatialDims(int spatialDims) {
        return new ReadOptions(timeName, Dataset.canonicalCoordNames(spatialDims).subList(1, spatialDims + 1),
                fieldNames, realPartOfComplex);
    }

    public ReadOptions withFieldNames(String... names) {
        return new ReadOptions(timeName, spatialNames, List.of(names), realPartOfComplex);
    }

    /** The same names, taking the real part of complex arrays whatever their imaginary part. */
    public ReadOptions withRealPartOfComplex() {
        return new ReadOptions(timeName, spatialNames, fieldNames, true);
    }

    public int spatialDims() {
        return spatialNames.size();
    }

    /** time, spatial, then field names: the arrays or columns a reader looks for. */
    List<String> allNames() {
        return concat(timeName, spatialNames, fieldNames);
    }

    private static List<String> concat(String timeName, List<String> spatialNames, List<String> fieldNames) {
        List<String> all = new ArrayList<>(List.of(timeName));
        all.addAll(spatialNames);
        all.addAll(fieldNames);
        return all;
    }
}
