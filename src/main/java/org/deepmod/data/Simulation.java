package org.deepmod.data;

import java.util.Map;

/**
 * A system whose data is computed on a grid rather than read off a closed form: an ODE integrated in time, a
 * PDE solved on a periodic domain, or several coupled fields. Like {@link AnalyticSolution} it states the
 * equations it satisfies, here one per field.
 */
public interface Simulation {

    /** A short identifier such as "lotka-volterra". */
    String name();

    /** 0 for an ODE (points have only t), 1 for fields of (t, x). */
    int spatialDims();

    /** Field (u, v, ...) -> term name -> coefficient of the right-hand side of that field's u_t = Σ c·term. */
    Map<String, Map<String, Double>> truth();

    /**
     * The fields at every (x, t) of the grid, points ordered as {@link Grid} orders them (x outermost, time
     * fastest); coordinate names t[, x], field names u[, v].
     *
     * @param times      the output times, increasing
     * @param space      {start, stop, count} of the x axis; ignored by an ODE. A periodic solver samples
     *                   [start, stop) at count points (stop is start again)
     */
    Dataset sample(double[] times, double[] space);

    /** Row-major coordinates and fields from values[field][ix·nt + it], as {@link Grid} orders points. */
    static Dataset onGrid(double[] times, double[] xs, double[][] values) {
        int nt = times.length;
        int nx = xs == null ? 1 : xs.length;
        int columns = xs == null ? 1 : 2;
        double[] coords = new double[nt * nx * columns];
        double[] targets = new double[nt * nx * values.length];
        for (int ix = 0; ix < nx; ix++) {
            for (int it = 0; it < nt; it++) {
                int row = ix * nt + it;
                coords[row * columns] = times[it];
                if (xs != null) {
                    coords[row * columns + 1] = xs[ix];
                }
                for (int k = 0; k < values.length; k++) {
                    targets[row * values.length + k] = values[k][row];
                }
            }
        }
        return Dataset.wrapRowMajor(coords, targets, Dataset.canonicalCoordNames(columns - 1),
                Dataset.canonicalTargetNames(values.length));
    }
}
