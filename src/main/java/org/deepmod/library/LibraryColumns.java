package org.deepmod.library;

import ai.djl.ndarray.NDArray;

/**
 * A float64 copy of one library evaluation on the JVM, column by column: what the least-squares solve and
 * the sparse estimator work on. Copying 1600 x 12 values costs microseconds; solving in float64 avoids the
 * float32 round-off of a badly scaled Θ.
 */
public final class LibraryColumns {
    private final double[][] thetaColumns; // [F][N]
    private final double[][] timeDerivatives; // [K][N]
    private final double[] columnNorms;
    private final double[] timeDerivativeNorms;

    public LibraryColumns(double[][] thetaColumns, double[][] timeDerivatives) {
        this.thetaColumns = thetaColumns;
        this.timeDerivatives = timeDerivatives;
        this.columnNorms = new double[thetaColumns.length];
        for (int j = 0; j < thetaColumns.length; j++) {
            columnNorms[j] = norm(thetaColumns[j]);
        }
        this.timeDerivativeNorms = new double[timeDerivatives.length];
        for (int k = 0; k < timeDerivatives.length; k++) {
            timeDerivativeNorms[k] = norm(timeDerivatives[k]);
        }
    }

    /** These columns with those not {@code kept} zero (shared arrays, not copies): what one field may use. */
    public LibraryColumns keeping(boolean[] kept) {
        double[][] columns = new double[thetaColumns.length][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = kept[j] ? thetaColumns[j] : new double[samples()];
        }
        return new LibraryColumns(columns, timeDerivatives);
    }

    /** Copies Θ (N x F) and u_t (N x K) from DJL. */
    public static LibraryColumns copyOf(LibraryValues values) {
        return new LibraryColumns(columns(values.theta()), columns(values.timeDerivatives()));
    }

    private static double[][] columns(NDArray matrix) {
        int n = (int) matrix.getShape().get(0);
        int f = (int) matrix.getShape().get(1);
        double[][] cols = new double[f][n];
        if (matrix.getDataType() == ai.djl.ndarray.types.DataType.FLOAT64) {
            double[] flat = matrix.toDoubleArray();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < f; j++) {
                    cols[j][i] = flat[i * f + j];
                }
            }
        } else {
            float[] flat = matrix.toFloatArray();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < f; j++) {
                    cols[j][i] = flat[i * f + j];
                }
            }
        }
        return cols;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    public int samples() {
        return thetaColumns.length == 0 ? timeDerivatives[0].length : thetaColumns[0].length;
    }

    public int terms() {
        return thetaColumns.length;
    }

    public int outputs() {
        return timeDerivatives.length;
    }

    public double[] column(int j) {
        return thetaColumns[j];
    }

    public double[] timeDerivative(int k) {
        return timeDerivatives[k];
    }

    /** ‖Θ_j‖₂ over the samples. */
    public double columnNorm(int j) {
        return columnNorms[j];
    }

    /** Θ as rows (N x F), for estimators with scikit-learn's fit(X, y) shape. */
    public double[][] thetaRows() {
        int n = samples();
        int f = terms();
        double[][] rows = new double[n][f];
        for (int j = 0; j < f; j++) {
            double[] c = thetaColumns[j];
            for (int i = 0; i < n; i++) {
                rows[i][j] = c[i];
            }
        }
        return rows;
    }

    /** ξ in DeePyMoD's normalised space: ξ_j ‖Θ_j‖ / ‖u_t‖. */
    public double[] normalize(double[] coefficients, int output) {
        double[] out = new double[coefficients.length];
        double ut = timeDerivativeNorms[output];
        for (int j = 0; j < out.length; j++) {
            out[j] = ut == 0 ? 0 : coefficients[j] * columnNorms[j] / ut;
        }
        return out;
    }
}
