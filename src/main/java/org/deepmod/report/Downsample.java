package org.deepmod.report;

/**
 * Fewer points, same picture: per bucket of consecutive points it keeps the first, the lowest, the highest
 * and the last (the M4 idea). With buckets about as wide as a few pixels, a line through the kept points
 * covers the pixels of a line through all of them, so noise envelopes and jumps at mask updates survive.
 */
final class Downsample {
    private Downsample() {
    }

    /** {x, y} of at most 4 × buckets points, in their original order; the input itself when short enough. */
    static double[][] minMax(double[] x, double[] y, int buckets) {
        int n = x.length;
        if (n <= 4 * buckets) {
            return new double[][] {x, y};
        }
        int[] keep = new int[4 * buckets];
        int kept = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int low = from;
            int high = from;
            for (int i = from + 1; i < to; i++) {
                if (y[i] < y[low]) {
                    low = i;
                }
                if (y[i] > y[high]) {
                    high = i;
                }
            }
            int[] picks = {from, Math.min(low, high), Math.max(low, high), to - 1};
            for (int i : picks) {
                if (kept == 0 || keep[kept - 1] != i) {
                    keep[kept++] = i;
                }
            }
        }
        double[][] out = new double[2][kept];
        for (int k = 0; k < kept; k++) {
            out[0][k] = x[keep[k]];
            out[1][k] = y[keep[k]];
        }
        return out;
    }
}
