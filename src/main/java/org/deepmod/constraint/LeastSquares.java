package org.deepmod.constraint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.deepmod.library.LibraryColumns;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * ξ = argmin ‖u_t − Θ_A ξ‖² + λ Σ_j ‖Θ_j‖² ξ_j² over the active terms A, solved in float64 on the JVM
 * every step; λ = 0 is ordinary least squares, λ > 0 the reference's Ridge (a penalty in column-normalised
 * space).
 *
 * <p>ξ enters the loss as a constant. For least squares that changes nothing: at the optimum ∂Reg/∂ξ = 0,
 * so the gradient of Reg with respect to the network is the same whether or not ξ depends on it (envelope
 * theorem). For Ridge it drops the small term that flows through the penalty, which only acts on the
 * coefficients, not on what the network is pulled towards. The normal equations are solved with columns
 * scaled to unit norm (Cholesky, with a pseudo-inverse where the active columns are collinear), which keeps
 * a badly scaled Θ at initialisation from producing wild coefficients.
 */
public class LeastSquares implements Constraint {
    private final double ridge;
    private double[][] last = new double[0][];

    public LeastSquares() {
        this(0.0);
    }

    protected LeastSquares(double ridge) {
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge penalty must be >= 0, got " + ridge);
        }
        this.ridge = ridge;
    }

    public double ridge() {
        return ridge;
    }

    @Override
    public NDArray coefficients(LibraryColumns host, boolean[][] masks, NDManager step, DataType dataType) {
        int f = host.terms();
        int k = host.outputs();
        double[][] xi = columnCoefficients(host, masks);
        double[] flat = new double[f * k];
        for (int j = 0; j < f; j++) {
            for (int out = 0; out < k; out++) {
                flat[j * k + out] = xi[out][j];
            }
        }
        return step.create(flat, new Shape(f, k)).toType(dataType, false);
    }

    @Override
    public double[][] columnCoefficients(LibraryColumns host, boolean[][] masks) {
        double[][] xi = new double[host.outputs()][];
        for (int out = 0; out < xi.length; out++) {
            xi[out] = solve(host, masks[out], out);
        }
        last = xi;
        return xi;
    }

    /** The coefficients of one output over its active, non-vanishing columns; 0 elsewhere. */
    double[] solve(LibraryColumns host, boolean[] mask, int output) {
        int f = host.terms();
        double[] xi = new double[f];
        int[] active = new int[f];
        int a = 0;
        for (int j = 0; j < f; j++) {
            if (mask[j] && host.columnNorm(j) > 0) {
                active[a++] = j;
            }
        }
        if (a == 0) {
            return xi;
        }
        double[] ut = host.timeDerivative(output);
        DMatrixRMaj gram = new DMatrixRMaj(a, a);
        DMatrixRMaj rhs = new DMatrixRMaj(a, 1);
        for (int p = 0; p < a; p++) {
            double[] cp = host.column(active[p]);
            double np = host.columnNorm(active[p]);
            rhs.set(p, 0, dot(cp, ut) / np);
            for (int q = p; q < a; q++) {
                double g = dot(cp, host.column(active[q])) / (np * host.columnNorm(active[q]));
                gram.set(p, q, g);
                gram.set(q, p, g);
            }
            gram.add(p, p, ridge);
        }
        DMatrixRMaj y = new DMatrixRMaj(a, 1);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(a);
        if (!chol.setA(gram.copy()) || !solved(chol, rhs, y)) {
            DMatrixRMaj pinv = new DMatrixRMaj(a, a);
            CommonOps_DDRM.pinv(gram, pinv);
            CommonOps_DDRM.mult(pinv, rhs, y);
        }
        for (int p = 0; p < a; p++) {
            xi[active[p]] = y.get(p, 0) / host.columnNorm(active[p]);
        }
        return xi;
    }

    private static boolean solved(LinearSolverDense<DMatrixRMaj> solver, DMatrixRMaj rhs, DMatrixRMaj y) {
        solver.solve(rhs, y);
        for (int i = 0; i < y.getNumElements(); i++) {
            if (!Double.isFinite(y.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public double[][] lastCoefficients() {
        return last;
    }
}
