package org.deepmod.sparse;

/** scikit-learn's {@code _alpha_grid} without intercept: the penalties a cross-validated (elastic-net) Lasso tries. */
final class AlphaGrid {
    /** numpy's {@code finfo(float).resolution}: below it, scikit-learn gives up on a log grid. */
    private static final double RESOLUTION = 1e-15;

    private AlphaGrid() {
    }

    /** The smallest α at which every coefficient is 0: max_j |X_jᵀy| / (n·ρ). */
    static double alphaMax(Gram g, double l1Ratio) {
        double max = 0.0;
        for (double v : g.xty) {
            max = Math.max(max, Math.abs(v));
        }
        return max / (g.rows * l1Ratio);
    }

    /** {@code count} values log-spaced from α_max down to eps·α_max, largest first (numpy's logspace, reversed). */
    static double[] descending(Gram g, double l1Ratio, double eps, int count) {
        double alphaMax = alphaMax(g, l1Ratio);
        double[] alphas = new double[count];
        if (alphaMax <= RESOLUTION) {
            java.util.Arrays.fill(alphas, RESOLUTION);
            return alphas;
        }
        return logSpacedDescending(alphaMax, eps, count);
    }

    /** 10^linspace(log10(top·ratio), log10(top), count), reversed; numpy's linspace pins the last point. */
    static double[] logSpacedDescending(double top, double ratio, int count) {
        double start = Math.log10(top * ratio);
        double stop = Math.log10(top);
        double[] values = new double[count];
        double step = count > 1 ? (stop - start) / (count - 1) : 0.0;
        for (int i = 0; i < count; i++) {
            double exponent = i == count - 1 && count > 1 ? stop : start + i * step;
            values[count - 1 - i] = Math.pow(10.0, exponent);
        }
        return values;
    }
}
