package org.deepmod.data;

import java.util.List;
import java.util.Objects;

import org.deepmod.BadInputException;

/**
 * A tensor-product grid of time and 1 or 2 spatial axes, sampled into a {@link Dataset} of points.
 *
 * <p>Ordering: spatial axes outermost, in order (x, then y), and <b>time fastest</b>, the point with axis
 * indices (it, ix[, iy]) is row {@code (ix·ny + iy)·nt + it} ({@link #flatIndex}). This is what DeePyMoD's
 * {@code burgers_delta} gives (meshgrid(x, t), x on axis 0) and what the PDE-FIND file holds (x along axis 0,
 * t along axis 1, flattened in C order), so generated and read data line up the same way.
 */
public final class Grid {

    private final Axis time;
    private final List<Axis> space;

    private Grid(Axis time, List<Axis> space) {
        this.time = time;
        this.space = space;
    }

    public static Grid of(Axis t, Axis x) {
        return new Grid(t, List.of(x));
    }

    public static Grid of(Axis t, Axis x, Axis y) {
        return new Grid(t, List.of(x, y));
    }

    public Axis time() {
        return time;
    }

    /** The spatial axes: x[, y]. */
    public List<Axis> space() {
        return space;
    }

    public int spatialDims() {
        return space.size();
    }

    /** Number of points: the product of the axis sizes. */
    public int size() {
        long n = time.size();
        for (Axis axis : space) {
            n *= axis.size();
        }
        if (n > Integer.MAX_VALUE / (1 + space.size())) {
            throw new BadInputException("a grid of " + n + " points is too large to hold in memory as one dataset");
        }
        return (int) n;
    }

    /** The row of the point with time index {@code it} and spatial indices {@code ix[, iy]}. */
    public int flatIndex(int it, int... spatial) {
        if (spatial.length != space.size()) {
            throw new IllegalArgumentException("the grid has " + space.size() + " spatial axes, got "
                    + spatial.length + " indices");
        }
        int index = 0;
        for (int j = 0; j < spatial.length; j++) {
            index = index * space.get(j).size() + Objects.checkIndex(spatial[j], space.get(j).size());
        }
        return index * time.size() + Objects.checkIndex(it, time.size());
    }

    /** u at every grid point, with coordinate names t, x[, y] and target name u. */
    public Dataset sample(AnalyticSolution solution) {
        if (solution.spatialDims() != space.size()) {
            throw new BadInputException(solution.name() + " has " + solution.spatialDims()
                    + " spatial dimension(s) but the grid has " + space.size());
        }
        int n = size();
        int columns = 1 + space.size();
        double[] coords = new double[n * columns];
        double[] u = new double[n];
        double[] x = new double[space.size()];
        int[] spatialIndex = new int[space.size()];
        int row = 0;
        for (int outer = 0; outer < n / time.size(); outer++) {
            for (int j = 0; j < x.length; j++) {
                x[j] = space.get(j).value(spatialIndex[j]);
            }
            for (int it = 0; it < time.size(); it++, row++) {
                double t = time.value(it);
                coords[row * columns] = t;
                System.arraycopy(x, 0, coords, row * columns + 1, x.length);
                u[row] = solution.value(t, x);
            }
            advance(spatialIndex);
        }
        return Dataset.wrapRowMajor(coords, u, Dataset.canonicalCoordNames(space.size()),
                Dataset.canonicalTargetNames(1)).validateFinite(solution.name() + " on " + this);
    }

    @Override
    public String toString() {
        return "Grid[t " + time + ", x " + space.get(0) + (space.size() > 1 ? ", y " + space.get(1) : "") + "]";
    }

    /** Next spatial multi-index, last axis fastest (odometer). */
    private void advance(int[] index) {
        for (int j = index.length - 1; j >= 0; j--) {
            if (++index[j] < space.get(j).size()) {
                return;
            }
            index[j] = 0;
        }
    }
}
