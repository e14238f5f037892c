package org.deepmod.sparse;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * DeePyMoD's {@code Clustering}: fit a base estimator (lasso-cv), split |c| into two clusters by k-means and keep
 * the cluster that holds the largest |c|. Two departures from the reference, both fixes: k-means in one dimension
 * with two clusters is solved exactly (the optimum is a split of the sorted values; every split is tried), so the
 * result no longer depends on a random start; and the kept coefficients are returned, not 0/1 indicators.
 */
public final class Clustering implements SparseEstimator {
    private final SparseEstimator base;
    private double[] coefficients = new double[0];

    public Clustering(SparseEstimator base) {
        this.base = base;
    }

    @Override
    public Clustering fit(double[][] x, double[] y) {
        coefficients = base.fit(x, y).coefficients();
        boolean[] keep = clusterOfLargest(Arrays.stream(coefficients).map(Math::abs).toArray());
        for (int j = 0; j < coefficients.length; j++) {
            if (!keep[j]) {
                coefficients[j] = 0.0;
            }
        }
        return this;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /**
     * The upper cluster of the optimal two-means split of {@code values} (least within-cluster sum of squares;
     * on a tie the lowest split, which keeps more). Values all equal have no split: every nonzero one is kept.
     */
    static boolean[] clusterOfLargest(double[] values) {
        int p = values.length;
        Integer[] order = IntStream.range(0, p).boxed().sorted(Comparator.comparingDouble(j -> values[j]))
                .toArray(Integer[]::new);
        double[] prefix = new double[p + 1];
        double[] prefixSquares = new double[p + 1];
        for (int i = 0; i < p; i++) {
            double v = values[order[i]];
            prefix[i + 1] = prefix[i] + v;
            prefixSquares[i + 1] = prefixSquares[i] + v * v;
        }
        int bestSplit = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int split = 1; split < p; split++) {
            if (values[order[split - 1]] == values[order[split]]) {
                continue;
            }
            double cost = withinSumOfSquares(prefix, prefixSquares, 0, split)
                    + withinSumOfSquares(prefix, prefixSquares, split, p);
            if (cost < bestCost) {
                bestCost = cost;
                bestSplit = split;
            }
        }
        boolean[] keep = new boolean[p];
        for (int i = Math.max(bestSplit, 0); i < p; i++) {
            keep[order[i]] = values[order[i]] != 0.0;
        }
        return keep;
    }

    private static double withinSumOfSquares(double[] prefix, double[] prefixSquares, int from, int to) {
        double sum = prefix[to] - prefix[from];
        return prefixSquares[to] - prefixSquares[from] - sum * sum / (to - from);
    }
}
