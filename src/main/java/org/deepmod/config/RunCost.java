package org.deepmod.config;

/**
 * A rough, relative cost of a run, to start the longest runs first (so that the last task of a sweep is a
 * short one): iterations × training points × network weights × derivative jets carried. Not a prediction of
 * seconds; only the order matters. And its memory, to refuse a run that cannot fit before its data is made.
 */
public final class RunCost {
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
        double precision = c.network().precision().bytes() / 4.0;
        return c.training().maxIterations() * pointJets(c, train) * weights * precision;
    }

    /**
     * The largest memory a run holds at once, in bytes, roughly, for the arrays that grow with its points (the
     * rest is a few MB): the data (the grid or file, its noisy copy, the split and the copies the trainer
     * takes) and per training point the network's jet tape (float32 channels through every hidden layer,
     * rounded up to a vector width of 16), the library Θ (with its normalised and the estimator's copies) and
     * the output jets. Measured on a 2 000 000-point grid, 2×16 network, 12 terms: fails with a 1.2 GB heap,
     * runs with 2.4 GB; this gives 2.0 GB. A file's points are unknown before it is read ({@link #FILE_POINTS}).
     */
    public static double memoryBytes(RunConfig c) {
        double points = gridPoints(c);
        double samples = c.samples() != RunConfig.ALL_SAMPLES ? Math.min(c.samples(), points) : points;
        double train = Math.floor(samples * c.trainFraction());
        int coords = 1 + c.dataset().spatialDims();
        int outputs = Math.max(1, c.dataset().fieldCount());
        double data = 8.0 * (coords + outputs) * (3 * points + 2 * samples);
        int jets = jets(c);
        double widths = 0;
        for (int h : c.network().hidden()) {
            widths += Math.ceil(h / 16.0) * 16;
        }
        int terms = c.library().termCount(outputs);
        double perPoint = 4.0 * jets * widths + 8.0 * terms * outputs * 4 + 8.0 * jets * outputs * 2;
        if (!c.collocation().any()) {
            return data + train * perPoint;
        }
        // the library's jets at the collocation points; at the training samples the data pass's u and u_t
        double dataPass = 4.0 * 2 * widths + 8.0 * 2 * outputs * 2;
        return data + 8.0 * coords * c.collocation().points() + c.collocation().points() * perPoint + train * dataPass;
    }

    /**
     * Jet channels carried per step, summed over points: every channel at the training samples, or every channel at
     * the collocation points and u, u_t at the training samples.
     */
    private static double pointJets(RunConfig c, double train) {
        return c.collocation().any() ? c.collocation().points() * (double) jets(c) + train * 2 : train * jets(c);
    }

    /** u, u_t and one jet component per spatial derivative order. */
    private static int jets(RunConfig c) {
        return 2 + c.library().diff() * c.dataset().spatialDims();
    }

    private static double gridPoints(RunConfig c) {
        return c.dataset() instanceof GeneratedDataset generated ? generated.gridPoints() : FILE_POINTS;
    }
}
