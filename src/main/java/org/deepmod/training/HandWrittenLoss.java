package org.deepmod.training;

import org.deepmod.library.LibraryColumns;
import org.deepmod.library.HandWrittenTerms;
import org.deepmod.nn.JetWithGradients;

/**
 * The training loss of a step computed on the JVM, and its gradient by hand: loss = Σ_k mean_n (u − y)² +
 * Σ_k mean_m r², with the residual r = u_t − Θ ξ_k. The data term is over the training samples, the residual
 * over the points where the library is evaluated: the same points, or collocation points of their own (then
 * two jets). ξ is a constant here (least squares: envelope argument, see LeastSquares; trained ξ: its own
 * gradient, {@link #coefficientGradient}). Sums in float64.
 */
final class HandWrittenLoss {
    /** The points of the residual. */
    private final int libraryPoints;
    private final int outputs;
    private final double mse;
    private final double reg;
    /** [K][N]: u_t − Θ ξ_k. */
    private final double[][] residuals;

    private HandWrittenLoss(int libraryPoints, int outputs, double mse, double reg, double[][] residuals) {
        this.libraryPoints = libraryPoints;
        this.outputs = outputs;
        this.mse = mse;
        this.reg = reg;
        this.residuals = residuals;
    }

    /**
     * @param data the network at the training samples; @param targets N x K, row-major; @param columns the
     * library at its points; @param xi [K][F], 0 where masked
     */
    static HandWrittenLoss of(JetWithGradients data, float[] targets, LibraryColumns columns, double[][] xi) {
        int n = data.samples();
        int k = data.outputs();
        float[] u = data.value();
        double mse = 0;
        for (int i = 0; i < n * k; i++) {
            double e = u[i] - targets[i];
            mse += e * e;
        }
        int m = columns.samples();
        double reg = 0;
        double[][] residuals = new double[k][];
        for (int out = 0; out < k; out++) {
            double[] r = columns.timeDerivative(out).clone();
            for (int j = 0; j < columns.terms(); j++) {
                double c = xi[out][j];
                if (c != 0.0) {
                    double[] column = columns.column(j);
                    for (int i = 0; i < m; i++) {
                        r[i] -= c * column[i];
                    }
                }
            }
            for (double e : r) {
                reg += e * e;
            }
            residuals[out] = r;
        }
        return new HandWrittenLoss(m, k, mse / n, reg / m, residuals);
    }

    double mse() {
        return mse;
    }

    double reg() {
        return reg;
    }

    double total() {
        return mse + reg;
    }

    /** Adds ∂loss/∂(u, u_t, library factors) to the jet's gradients: the data and the library at the same points. */
    void backward(JetWithGradients jet, float[] targets, HandWrittenTerms terms, double[][] xi) {
        addDataGradient(jet, targets);
        backwardLibrary(jet, terms, xi);
    }

    /**
     * Adds ∂(data term)/∂u to the gradient of the jet at the training samples: it needs nothing of the library,
     * so a step with collocation points takes it before the library's pass.
     */
    static void addDataGradient(JetWithGradients data, float[] targets) {
        int values = data.samples() * data.outputs();
        double scale = 2.0 / data.samples();
        float[] u = data.value();
        float[] du = data.valueGradient();
        for (int i = 0; i < values; i++) {
            du[i] += (float) (scale * (u[i] - targets[i]));
        }
    }

    /** Adds ∂(residual term)/∂(u_t, library factors) to the gradients of the jet at the library's points. */
    void backwardLibrary(JetWithGradients jet, HandWrittenTerms terms, double[][] xi) {
        int n = libraryPoints;
        double scale = 2.0 / n;
        double[][] timeGradient = new double[outputs][n];
        int f = xi[0].length;
        double[][] thetaGradient = new double[f][];
        for (int out = 0; out < outputs; out++) {
            double[] r = residuals[out];
            for (int i = 0; i < n; i++) {
                timeGradient[out][i] = scale * r[i];
            }
            for (int j = 0; j < f; j++) {
                double c = xi[out][j];
                if (c == 0.0) {
                    continue;
                }
                if (thetaGradient[j] == null) {
                    thetaGradient[j] = new double[n];
                }
                double[] column = thetaGradient[j];
                for (int i = 0; i < n; i++) {
                    column[i] -= scale * c * r[i];
                }
            }
        }
        terms.backward(jet, thetaGradient, timeGradient);
    }

    /** ∂loss/∂ξ_kj = −(2/M) Σ_m r_km Θ_j[m], 0 where masked: for ξ trained by the optimiser. */
    double[][] coefficientGradient(LibraryColumns columns, boolean[][] masks) {
        double[][] out = new double[outputs][columns.terms()];
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < columns.terms(); j++) {
                if (masks[k][j]) {
                    double[] column = columns.column(j);
                    double s = 0;
                    for (int i = 0; i < libraryPoints; i++) {
                        s += residuals[k][i] * column[i];
                    }
                    out[k][j] = -2.0 * s / libraryPoints;
                }
            }
        }
        return out;
    }
}
