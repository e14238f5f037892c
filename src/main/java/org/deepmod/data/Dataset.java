package org.deepmod.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import org.deepmod.BadInputException;

/**
 * Samples of a field: N points, each with coordinates (time in column 0, then the spatial coordinates) and
 * target values (the fields u[, v, w]). Immutable: the constructor copies its arguments and every accessor
 * that hands out an array returns a fresh copy, so a Dataset can be shared between threads and runs.
 *
 * <p>Values are stored row-major in float64; {@link #coordsFlatFloat()} and {@link #targetsFlatFloat()} give
 * the float32 copies a float32 network needs (DeePyMoD crashed on float64 input because it never cast).
 */
public final class Dataset {

    private static final List<String> CANONICAL_COORDS = List.of("t", "x", "y");
    private static final List<String> CANONICAL_TARGETS = List.of("u", "v", "w");

    private final double[] coords;
    private final double[] targets;
    private final List<String> coordNames;
    private final List<String> targetNames;
    private final int size;

    /**
     * @param coords      N rows of 1 + d values: t, then x[, y]
     * @param targets     N rows of K values: u[, v, w]
     * @param coordNames  one name per coordinate column, time first
     * @param targetNames one name per target column
     */
    public Dataset(double[][] coords, double[][] targets, List<String> coordNames, List<String> targetNames) {
        this(flatten(coords, coordNames.size(), "coords"), flatten(targets, targetNames.size(), "targets"),
                coordNames, targetNames);
    }

    /** Takes ownership of the row-major arrays: callers in this package pass arrays nobody else holds. */
    private Dataset(double[] coords, double[] targets, List<String> coordNames, List<String> targetNames) {
        this.coordNames = checkedNames(coordNames, "coordinate");
        this.targetNames = checkedNames(targetNames, "target");
        if (coords.length % coordNames.size() != 0 || targets.length % targetNames.size() != 0
                || coords.length / coordNames.size() != targets.length / targetNames.size()) {
            throw new IllegalArgumentException("row-major arrays of " + coords.length + " and " + targets.length
                    + " values do not hold the same number of rows of " + coordNames.size() + " and "
                    + targetNames.size() + " columns");
        }
        this.coords = coords;
        this.targets = targets;
        this.size = coords.length / coordNames.size();
    }

    /** A dataset from row-major arrays (copied): point i has coordinates coords[i*(1+d) .. i*(1+d)+d]. */
    public static Dataset ofRowMajor(double[] coords, double[] targets, List<String> coordNames,
                                     List<String> targetNames) {
        return new Dataset(coords.clone(), targets.clone(), coordNames, targetNames);
    }

    /** A dataset from columns of equal length: coordColumns[j][i] is coordinate j of point i. */
    public static Dataset ofColumns(double[][] coordColumns, double[][] targetColumns, List<String> coordNames,
                                    List<String> targetNames) {
        return new Dataset(interleave(coordColumns, coordNames.size()), interleave(targetColumns, targetNames.size()),
                coordNames, targetNames);
    }

    /** Like {@link #ofRowMajor} without the copy; for arrays freshly built by this package's own code. */
    static Dataset wrapRowMajor(double[] coords, double[] targets, List<String> coordNames,
                                List<String> targetNames) {
        return new Dataset(coords, targets, coordNames, targetNames);
    }

    /** "t", "x"[, "y"]: the coordinate names every layer above expects for d spatial dimensions. */
    public static List<String> canonicalCoordNames(int spatialDims) {
        if (spatialDims < 0 || spatialDims >= CANONICAL_COORDS.size()) {
            throw new BadInputException("spatial dimensions must be 0, 1 or 2, not " + spatialDims);
        }
        return CANONICAL_COORDS.subList(0, spatialDims + 1);
    }

    /** "u"[, "v", "w"]: the field names the library's term names are built from. */
    public static List<String> canonicalTargetNames(int fields) {
        if (fields < 1 || fields > CANONICAL_TARGETS.size()) {
            throw new BadInputException("a dataset holds 1 to 3 fields (u, v, w), not " + fields);
        }
        return CANONICAL_TARGETS.subList(0, fields);
    }

    public int size() {
        return size;
    }

    /** 1 + d: time and the spatial coordinates. */
    public int coordDims() {
        return coordNames.size();
    }

    public int spatialDims() {
        return coordNames.size() - 1;
    }

    public int targetDims() {
        return targetNames.size();
    }

    /** Unmodifiable. */
    public List<String> coordNames() {
        return coordNames;
    }

    /** Unmodifiable. */
    public List<String> targetNames() {
        return targetNames;
    }

    /** A fresh N×(1+d) copy. */
    public double[][] coords() {
        return unflatten(coords, coordDims());
    }

    /** A fresh N×K copy. */
    public double[][] targets() {
        return unflatten(targets, targetDims());
    }

    public double coord(int point, int column) {
        return coords[index(point, column, coordDims())];
    }

    public double target(int point, int column) {
        return targets[index(point, column, targetDims())];
    }

    /** A fresh copy of one coordinate column. */
    public double[] coordColumn(int column) {
        return column(coords, column, coordDims());
    }

    /** A fresh copy of one target column. */
    public double[] targetColumn(int column) {
        return column(targets, column, targetDims());
    }

    /** Row-major copy of the coordinates (N·(1+d) values). */
    public double[] coordsFlat() {
        return coords.clone();
    }

    /** Row-major copy of the targets (N·K values). */
    public double[] targetsFlat() {
        return targets.clone();
    }

    /** Row-major float32 copy of the coordinates, for a float32 network. */
    public float[] coordsFlatFloat() {
        return toFloat(coords);
    }

    /** Row-major float32 copy of the targets, for a float32 network. */
    public float[] targetsFlatFloat() {
        return toFloat(targets);
    }

    /** The points at the given rows, in that order (repeats allowed). */
    public Dataset select(int[] rows) {
        int cd = coordDims();
        int td = targetDims();
        double[] c = new double[rows.length * cd];
        double[] y = new double[rows.length * td];
        for (int i = 0; i < rows.length; i++) {
            int row = Objects.checkIndex(rows[i], size);
            System.arraycopy(coords, row * cd, c, i * cd, cd);
            System.arraycopy(targets, row * td, y, i * td, td);
        }
        return new Dataset(c, y, coordNames, targetNames);
    }

    /** The same points with other target values (row-major, N·K values, copied). */
    public Dataset withTargets(double[] targetsRowMajor) {
        return new Dataset(coords, targetsRowMajor.clone(), coordNames, targetNames);
    }

    /**
     * Throws if any value is NaN or infinite, naming {@code source} (a file, a generator), the column and the
     * first bad point; returns this for chaining.
     */
    public Dataset validateFinite(String source) {
        requireFinite(source, coords, coordNames, "coordinate");
        requireFinite(source, targets, targetNames, "target");
        return this;
    }

    @Override
    public String toString() {
        return "Dataset[" + size + " points, coords " + coordNames + ", targets " + targetNames + "]";
    }

    private static void requireFinite(String source, double[] values, List<String> names, String kind) {
        int columns = names.size();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new BadInputException(source + ": " + kind + " '" + names.get(i % columns) + "' at point "
                        + i / columns + " is " + values[i] + " (NaN or infinite values are not allowed)");
            }
        }
    }

    private static List<String> checkedNames(List<String> names, String kind) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one " + kind + " column");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException(kind + " names are not distinct: " + names);
        }
        return Collections.unmodifiableList(new ArrayList<>(names));
    }

    private static double[] flatten(double[][] rows, int columns, String what) {
        double[] flat = new double[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != columns) {
                throw new IllegalArgumentException(what + " row " + i + " has " + rows[i].length
                        + " values, the names give " + columns + " columns");
            }
            System.arraycopy(rows[i], 0, flat, i * columns, columns);
        }
        return flat;
    }

    private static double[] interleave(double[][] columns, int count) {
        if (columns.length != count) {
            throw new IllegalArgumentException(columns.length + " columns for " + count + " names");
        }
        int rows = columns.length == 0 ? 0 : columns[0].length;
        double[] flat = new double[rows * count];
        for (int j = 0; j < count; j++) {
            if (columns[j].length != rows) {
                throw new IllegalArgumentException("column " + j + " has " + columns[j].length + " values, column 0 "
                        + rows);
            }
            for (int i = 0; i < rows; i++) {
                flat[i * count + j] = columns[j][i];
            }
        }
        return flat;
    }

    private static double[][] unflatten(double[] flat, int columns) {
        double[][] rows = new double[flat.length / columns][columns];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(flat, i * columns, rows[i], 0, columns);
        }
        return rows;
    }

    private int index(int point, int column, int columns) {
        Objects.checkIndex(point, size);
        return point * columns + Objects.checkIndex(column, columns);
    }

    private double[] column(double[] flat, int column, int columns) {
        Objects.checkIndex(column, columns);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = flat[i * columns + column];
        }
        return out;
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
