package org.deepmod.sparse;

/**
 * The sufficient statistics of a least-squares problem on a set of rows: XᵀX (p×p, row-major), Xᵀy, yᵀy and
 * the number of rows. Coordinate descent, cross-validation and every residual below need only these, so a
 * fold costs O(p²) per solve instead of O(n·p). Instances are workspaces: refilled, never reallocated.
 */
final class Gram {
    final int p;
    final double[] xtx;
    final double[] xty;
    double yty;
    int rows;

    Gram(int p) {
        this.p = p;
        this.xtx = new double[p * p];
        this.xty = new double[p];
    }

    /** Refills from rows [from, to) of x and y. */
    Gram fill(double[][] x, double[] y, int from, int to) {
        clear();
        for (int i = from; i < to; i++) {
            addRow(x[i], y[i]);
        }
        mirrorUpperTriangle();
        return this;
    }

    /** Refills from the given rows (the first {@code count} entries of {@code rowIndices}) of x and y. */
    Gram fill(double[][] x, double[] y, int[] rowIndices, int count) {
        clear();
        for (int r = 0; r < count; r++) {
            addRow(x[rowIndices[r]], y[rowIndices[r]]);
        }
        mirrorUpperTriangle();
        return this;
    }

    /** Becomes {@code all − part}: the statistics of the rows of {@code all} that are not in {@code part}. */
    Gram fillDifference(Gram all, Gram part) {
        for (int k = 0; k < xtx.length; k++) {
            xtx[k] = all.xtx[k] - part.xtx[k];
        }
        for (int j = 0; j < p; j++) {
            xty[j] = all.xty[j] - part.xty[j];
        }
        yty = all.yty - part.yty;
        rows = all.rows - part.rows;
        return this;
    }

    /**
     * Becomes the statistics of the design whose column j is scaled by s_j (X·diag(s)): how the adaptive and
     * randomised Lassos turn per-term penalty weights into an ordinary Lasso.
     */
    Gram fillScaled(Gram source, double[] s) {
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                xtx[j * p + k] = source.xtx[j * p + k] * s[j] * s[k];
            }
            xty[j] = source.xty[j] * s[j];
        }
        yty = source.yty;
        rows = source.rows;
        return this;
    }

    /** ‖y − Xw‖² = yᵀy − 2wᵀXᵀy + wᵀXᵀXw. */
    double residualSumOfSquares(double[] w) {
        double quadratic = 0.0;
        double linear = 0.0;
        for (int j = 0; j < p; j++) {
            if (w[j] == 0.0) {
                continue;
            }
            double row = 0.0;
            for (int k = 0; k < p; k++) {
                row += xtx[j * p + k] * w[k];
            }
            quadratic += w[j] * row;
            linear += w[j] * xty[j];
        }
        return yty - 2.0 * linear + quadratic;
    }

    private void clear() {
        java.util.Arrays.fill(xtx, 0.0);
        java.util.Arrays.fill(xty, 0.0);
        yty = 0.0;
        rows = 0;
    }

    private void addRow(double[] row, double target) {
        for (int j = 0; j < p; j++) {
            double rj = row[j];
            if (rj == 0.0) {
                continue;
            }
            int offset = j * p;
            for (int k = j; k < p; k++) {
                xtx[offset + k] += rj * row[k];
            }
            xty[j] += rj * target;
        }
        yty += target * target;
        rows++;
    }

    private void mirrorUpperTriangle() {
        for (int j = 0; j < p; j++) {
            for (int k = j + 1; k < p; k++) {
                xtx[k * p + j] = xtx[j * p + k];
            }
        }
    }
}
