package org.deepmod.training;

import org.deepmod.library.LibraryColumns;
import org.deepmod.library.HandWrittenTerms;
import org.deepmod.nn.JetWithGradients;

/**
 * The training loss of a step computed on the JVM, and its gradient by hand: loss = Σ_k mean_n (u − y)² +
 * Σ_k mean_n r², with the residual r = u_t − Θ ξ_k. ξ is a constant here (least squares: envelope argument,
 * see LeastSquares; trained ξ: its own gradient, {@link #coefficientGradient}). Sums in float64.
 */
final class HandWrittenLoss {
    private final int samples;
    private final int outputs;
    private final double mse;
    private final double reg;
    /** [K][N]: u_t − Θ ξ_k. */
    private final double[][] residuals;

    private HandWrittenLoss(int samples, int outputs, double mse, double reg, double[][] residuals) {
        this.samples = samples;
        this.outputs = outputs;
        this.mse = mse;
        this.reg = reg;
        this.residuals = residuals;
    }

    /** @param targets N x K, row-major; @param xi [K][F], 0 where masked */
    static HandWrittenLoss of(JetWithGradients jet, float[] targets, LibraryColumns columns, double[][] xi) {
        int n = jet.samples();
        int k = jet.outputs();
        float[] u = jet.value();
        double mse = 0;
        for (int i = 0; i < n * k; i++) {
            double e = u[i] - targets[i];
            mse += e * e;
        }
        double reg = 0;
        double[][] residuals = new double[k][];
        for (int out = 0; out < k; out++) {
            double[] r = columns.timeDerivative(out).clone();
            for (int j = 0; j < columns.terms(); j++) {
                double c = xi[out][j];
                if (c != 0.0) {
                    double[] column = columns.column(j);
                    for (int i = 0; i < n; i++) {
                        r[i] -= c * column[i];
                    }
                }
            }
            for (double e : r) {
                reg += e * e;
            }
            residuals[out] = r;
        }
        return new HandWrittenLoss(n, k, mse / n, reg / n, residuals);
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

    /** Adds ∂loss/∂(u, u_t, library factors) to the jet's gradients. */
    void backward(JetWithGradients jet, float[] targets, HandWrittenTerms terms, double[][] xi) {
        int n = samples;
        double scale = 2.0 / n;
        float[] u = jet.value();
        float[] du = jet.valueGradient();
        for (int i = 0; i < n * outputs; i++) {
            du[i] += (float) (scale * (u[i] - targets[i]));
        }
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

    /** ∂loss/∂ξ_kj = −(2/N) Σ_n r_kn Θ_j[n], 0 where masked: for ξ trained by the optimiser. */
    double[][] coefficientGradient(LibraryColumns columns, boolean[][] masks) {
        double[][] out = new double[outputs][columns.terms()];
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < columns.terms(); j++) {
                if (masks[k][j]) {
                    double[] column = columns.column(j);
                    double s = 0;
                    for (int i = 0; i < samples; i++) {
                        s += residuals[k][i] * column[i];
                    }
                    out[k][j] = -2.0 * s / samples;
                }
            }
        }
        return out;
    }
}
