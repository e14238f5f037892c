package org.deepmod.sparse;

import java.util.SplittableRandom;

/**
 * Stability selection with the randomised adaptive Lasso, after Tod, Both and Kusters, "Sparsistent model
 * discovery" (2021), on Meinshausen and Bühlmann's stability selection (2010).
 * <ol>
 *   <li>λ grid: {@code lambdaCount} values log-spaced over {@code decades} decades below λ_max, the smallest λ
 *       that zeroes the adaptive Lasso on all rows (λ_max = max_j |s_jX_jᵀy|/n, s_j = |ĉ_ridge,j|^γ).</li>
 *   <li>B times: draw ⌊n/2⌋ rows without replacement; on them, ridge ĉ, adaptive scale |ĉ_j|^γ, times a random
 *       weight W_j ~ Beta(1, 2) clipped to [weightMin, 1] (a smaller W_j is a larger penalty λ/W_j); the Lasso
 *       path on the rescaled half-sample over the grid (warm starts); record which terms are nonzero at each λ.</li>
 *   <li>Π_j(λ) = fraction of resamples that select j at λ.</li>
 *   <li>λ_min from the bound on the expected number of false selections, E[V] ≤ q_Λ²/((2π_thr − 1)p)
 *       (Meinshausen and Bühlmann, Theorem 1), where q_Λ is the average over resamples of the number of terms
 *       selected anywhere in Λ = [λ_min, λ_max]: walking down the grid, Λ grows and q_Λ with it; λ_min is the
 *       smallest grid value for which q_Λ²/((2π_thr − 1)p) ≤ {@code expectedFalse}.</li>
 *   <li>The selection probability of j is max_{λ∈Λ} Π_j(λ); the stable set is {j : that ≥ π_thr}; its
 *       coefficients are the least-squares refit on all rows (0 elsewhere).</li>
 * </ol>
 * Deterministic given the seed.
 */
public final class StabilitySelection implements SparseEstimator {
    private final int resamples;
    private final int lambdaCount;
    private final double decades;
    private final double gamma;
    private final double ridgeAlpha;
    private final double weightMin;
    private final double threshold;
    private final double expectedFalse;
    private final ElasticNetPath path;
    private final long seed;

    private double[] coefficients = new double[0];
    private double[] probabilities = new double[0];

    public StabilitySelection(int resamples, int lambdaCount, double decades, double gamma, double ridgeAlpha,
                              double weightMin, double threshold, double expectedFalse, int maxIter, double tol,
                              long seed) {
        if (!(threshold > 0.5 && threshold <= 1.0)) {
            throw new IllegalArgumentException("the selection threshold must be in (0.5, 1], got " + threshold);
        }
        this.resamples = resamples;
        this.lambdaCount = lambdaCount;
        this.decades = decades;
        this.gamma = gamma;
        this.ridgeAlpha = ridgeAlpha;
        this.weightMin = weightMin;
        this.threshold = threshold;
        this.expectedFalse = expectedFalse;
        this.path = new ElasticNetPath(maxIter, tol);
        this.seed = seed;
    }

    @Override
    public StabilitySelection fit(double[][] x, double[] y) {
        int p = Shapes.columns(x, y);
        int n = x.length;
        int half = n / 2;
        if (half < 2) {
            throw new org.deepmod.BadInputException("estimator stability-selection needs at least 4 rows, got " + n);
        }
        Gram all = new Gram(p).fill(x, y, 0, n);
        Gram scaledAll = new Gram(p).fillScaled(all, AdaptiveLasso.adaptiveScale(all, ridgeAlpha, gamma));
        double[] lambdas = AlphaGrid.logSpacedDescending(AlphaGrid.alphaMax(scaledAll, 1.0),
                Math.pow(10, -decades), lambdaCount);

        int[][] selections = new int[lambdaCount][p];       // resamples selecting j at λ_l
        double[] unionSizes = new double[lambdaCount];       // Σ_b |∪_{λ ≥ λ_l} S_b(λ)|
        int[] rows = LinearSolvers.allColumns(n);
        SplittableRandom random = new SplittableRandom(seed);
        Gram sample = new Gram(p);
        Gram scaled = new Gram(p);
        boolean[] union = new boolean[p];
        for (int b = 0; b < resamples; b++) {
            drawHalf(rows, half, random);
            sample.fill(x, y, rows, half);
            double[] scale = AdaptiveLasso.adaptiveScale(sample, ridgeAlpha, gamma);
            for (int j = 0; j < p; j++) {
                scale[j] *= randomWeight(random);
            }
            scaled.fillScaled(sample, scale);
            java.util.Arrays.fill(union, false);
            int[] unionCount = {0};
            path.run(scaled, lambdas, 1.0, (l, w) -> {
                for (int j = 0; j < p; j++) {
                    if (w[j] != 0.0) {
                        selections[l][j]++;
                        if (!union[j]) {
                            union[j] = true;
                            unionCount[0]++;
                        }
                    }
                }
                unionSizes[l] += unionCount[0];
            });
        }
        int last = lastLambdaWithinBound(unionSizes, p);
        probabilities = new double[p];
        int[] stable = new int[p];
        int stableCount = 0;
        for (int j = 0; j < p; j++) {
            for (int l = 0; l <= last; l++) {
                probabilities[j] = Math.max(probabilities[j], selections[l][j] / (double) resamples);
            }
            if (probabilities[j] >= threshold) {
                stable[stableCount++] = j;
            }
        }
        coefficients = stableCount == 0 ? new double[p]
                : LinearSolvers.leastSquares(x, y, null, 0, stable, stableCount);
        return this;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Π_j = max over Λ = [λ_min, λ_max] of the fraction of resamples that select term j. */
    @Override
    public double[] selectionProbabilities() {
        return probabilities.clone();
    }

    /** The last grid index l whose region [λ_l, λ_max] keeps q_Λ²/((2π − 1)p) within the bound; −1 if none. */
    private int lastLambdaWithinBound(double[] unionSizes, int p) {
        int last = -1;
        for (int l = 0; l < unionSizes.length; l++) {
            double q = unionSizes[l] / resamples;
            if (q * q / ((2 * threshold - 1) * p) > expectedFalse) {
                break;
            }
            last = l;
        }
        return last;
    }

    /** A partial Fisher–Yates shuffle: rows[0..half) become a uniform half-sample without replacement. */
    private static void drawHalf(int[] rows, int half, SplittableRandom random) {
        for (int i = 0; i < half; i++) {
            int j = i + random.nextInt(rows.length - i);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
    }

    /** W ~ Beta(1, 2) by inversion (F(w) = 1 − (1 − w)²), clipped to [weightMin, 1]. */
    private double randomWeight(SplittableRandom random) {
        double w = 1.0 - Math.sqrt(1.0 - random.nextDouble());
        return Math.max(weightMin, Math.min(1.0, w));
    }
}
