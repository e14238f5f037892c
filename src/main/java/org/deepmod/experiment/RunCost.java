package org.deepmod.experiment;

/**
 * A rough, relative cost of a run, to start the longest runs first (so that the last task of a sweep is a
 * short one): iterations × training points × network weights × derivative jets carried. Not a prediction of
 * seconds; only the order matters.
 */
final class RunCost {
    /** Points assumed for a file dataset without a samples count (its size is unknown until it is read). */
    private static final double FILE_POINTS = 10_000;

    private RunCost() {
    }

    static double estimate(RunConfig c) {
        double points = c.samples() != RunConfig.ALL_SAMPLES ? c.samples() : gridPoints(c);
        double train = points * c.trainFraction();
        int in = 1 + c.dataset().spatialDims();
        int previous = in;
        double weights = 0;
        for (int h : c.network().hidden()) {
            weights += (double) previous * h;
            previous = h;
        }
        weights += previous;
        // u, u_t and one jet component per spatial derivative order
        int jets = 2 + c.library().diff() * c.dataset().spatialDims();
        double precision = c.network().precision().equals("float64") ? 2 : 1;
        return c.training().maxIterations() * train * weights * jets * precision;
    }

    private static double gridPoints(RunConfig c) {
        return c.dataset().isFile() ? FILE_POINTS : gridPoints(c.dataset());
    }

    /** The points of a generated dataset's grid: the product of its axes' counts. */
    static long gridPoints(DatasetSpec dataset) {
        long n = 1;
        for (String axis : new String[] {"t", "x", "y"}) {
            double[] a = dataset.axes().get(axis);
            if (a != null) {
                n *= (long) a[2];
            }
        }
        return n;
    }
}
