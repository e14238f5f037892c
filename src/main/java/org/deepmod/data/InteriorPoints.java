package org.deepmod.data;

import java.util.SplittableRandom;

/**
 * Points drawn uniformly inside a dataset's coordinate box, less a margin at every side: where a network that
 * fits the data can be asked for its derivatives away from the edges of the data, at which its derivatives are
 * least constrained (a time derivative at the first and last time, a third derivative at the ends of x).
 */
public final class InteriorPoints {
    private InteriorPoints() {
    }

    /**
     * {@code count} points, row-major N × (1+d), each coordinate uniform in [lo + margin·(hi − lo), hi −
     * margin·(hi − lo)] of that coordinate's range over the dataset.
     *
     * @param margin the fraction of each coordinate's range left out at each end, in [0, 0.5)
     */
    public static double[] uniform(Dataset data, int count, double margin, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        if (!(margin >= 0 && margin < 0.5)) {
            throw new IllegalArgumentException("margin must be in [0, 0.5), got " + margin);
        }
        int dims = data.coordDims();
        double[] lo = new double[dims];
        double[] width = new double[dims];
        for (int c = 0; c < dims; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : data.coordColumn(c)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            lo[c] = min + margin * (max - min);
            width[c] = (max - min) * (1 - 2 * margin);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] points = new double[count * dims];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < dims; c++) {
                points[i * dims + c] = lo[c] + width[c] * random.nextDouble();
            }
        }
        return points;
    }
}
