package org.deepmod.sparse;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** The small dense solves of the thresholded and adaptive methods, with EJML, on a subset of the columns. */
final class LinearSolvers {
    private LinearSolvers() {
    }

    /**
     * Ridge on the columns in {@code support[0..count)}: (X_SᵀX_S + αI)w = X_Sᵀy from the Gram statistics
     * (scikit-learn's "cholesky" solver, which pysindy's STLSQ and Ridge use). Zero outside the support.
     * With α = 0 or a singular system it falls back to the minimum-norm solution.
     */
    static double[] ridge(Gram g, int[] support, int count, double alpha) {
        DMatrixRMaj a = new DMatrixRMaj(count, count);
        DMatrixRMaj b = new DMatrixRMaj(count, 1);
        for (int r = 0; r < count; r++) {
            for (int c = 0; c < count; c++) {
                a.set(r, c, g.xtx[support[r] * g.p + support[c]]);
            }
            a.add(r, r, alpha);
            b.set(r, 0, g.xty[support[r]]);
        }
        DMatrixRMaj solution = new DMatrixRMaj(count, 1);
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(count);
        if (!cholesky.setA(a.copy()) || !solveInto(cholesky, b, solution)) {
            LinearSolverDense<DMatrixRMaj> pseudo = LinearSolverFactory_DDRM.pseudoInverse(true);
            pseudo.setA(a);
            pseudo.solve(b, solution);
        }
        return scatter(solution, support, count, g.p);
    }

    /**
     * Least squares min ‖y − X_S w‖ on the rows {@code rows[0..rowCount)} (all rows when null) and the columns
     * {@code support[0..count)}, by the SVD pseudo-inverse: the minimum-norm solution, as numpy's lstsq, and
     * without squaring the condition number as the normal equations would. Zero outside the support.
     */
    static double[] leastSquares(double[][] x, double[] y, int[] rows, int rowCount, int[] support, int count) {
        int m = rows == null ? x.length : rowCount;
        DMatrixRMaj a = new DMatrixRMaj(m, count);
        DMatrixRMaj b = new DMatrixRMaj(m, 1);
        for (int r = 0; r < m; r++) {
            int i = rows == null ? r : rows[r];
            for (int c = 0; c < count; c++) {
                a.unsafe_set(r, c, x[i][support[c]]);
            }
            b.unsafe_set(r, 0, y[i]);
        }
        DMatrixRMaj solution = new DMatrixRMaj(count, 1);
        LinearSolverDense<DMatrixRMaj> pseudo = LinearSolverFactory_DDRM.pseudoInverse(true);
        pseudo.setA(a);
        pseudo.solve(b, solution);
        return scatter(solution, support, count, x[0].length);
    }

    /** The 2-norm condition number σ_max/σ_min (numpy's {@code cond}); infinite when rank-deficient. */
    static double conditionNumber(double[][] x) {
        double[] sigma = SingularOps_DDRM.singularValues(new DMatrixRMaj(x));
        double max = 0.0;
        double min = Double.POSITIVE_INFINITY;
        for (double s : sigma) {
            max = Math.max(max, s);
            min = Math.min(min, s);
        }
        return min == 0.0 ? Double.POSITIVE_INFINITY : max / min;
    }

    /** Every column index 0..p-1: the full support. */
    static int[] allColumns(int p) {
        int[] all = new int[p];
        for (int j = 0; j < p; j++) {
            all[j] = j;
        }
        return all;
    }

    private static boolean solveInto(LinearSolverDense<DMatrixRMaj> solver, DMatrixRMaj b, DMatrixRMaj solution) {
        solver.solve(b, solution);
        for (double v : solution.data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double[] scatter(DMatrixRMaj solution, int[] support, int count, int p) {
        double[] w = new double[p];
        for (int c = 0; c < count; c++) {
            w[support[c]] = solution.get(c, 0);
        }
        return w;
    }
}
