package org.deepmod.sparse;

import java.util.SplittableRandom;

/**
 * PDE-FIND's TrainSTRidge (Rudy, Brunton, Proctor and Kutz, Science Advances 2017, Algorithms 1 and 2, and
 * their code {@code TrainSTRidge(R, Ut, lam, d_tol, maxit=25, STR_iters=10, l0_penalty=None, normalize=2,
 * split=0.8)}): split the rows 80/20 at random (seeded), then search the threshold of STRidge that minimises
 * ‖y_test − X_test w‖₂ + η‖w‖₀, η = 1e-3·cond(X) unless given.
 * <p>Where DeePyMoD's {@code PDEFIND.TrainSTLSQ} deviates from the paper, this follows the paper:
 * <ul>
 *   <li>the baseline is least squares with tolerance 0 ({@code tol_best = 0}), not {@code best = dtol};</li>
 *   <li>on an improvement the tolerance grows by the current, adapted d_tol, not by the initial dtol;</li>
 *   <li>on a failure: tol = max(0, tol − 2·d_tol), d_tol = 2·d_tol/(maxit − iter), tol += d_tol;</li>
 *   <li>the split is a seeded random one of this library's rows (the seed is the estimator's), not
 *       scikit-learn's {@code random_state=0}.</li>
 * </ul>
 * And where Rudy's code differs from the paper, the paper: STRidge is trained on the training rows (the code
 * passes the full R, so its held-out rows are not held out). A tolerance that removes every term at the first
 * thresholding is a failure of that tolerance (the code returns the dense ridge estimate, which loses anyway
 * through the ℓ0 penalty); if a later thresholding would remove every term, the previous support is kept, as
 * the code does. STRidge normalises the training columns to unit 2-norm itself ({@code normalize=2}), so
 * λ and tolerances mean the same with and without {@code --raw}.
 */
public final class PdeFind implements SparseEstimator {
    private final double lambda;
    private final double initialDTol;
    private final int tolIterations;
    private final int stridgeIterations;
    private final Double l0Penalty;
    private final double split;
    private final long seed;
    private double[] coefficients = new double[0];

    /** {@code l0Penalty} null means 1e-3·cond(X), the paper's choice. */
    public PdeFind(double lambda, double dTol, int tolIterations, int stridgeIterations, Double l0Penalty,
                   double split, long seed) {
        this.lambda = lambda;
        this.initialDTol = dTol;
        this.tolIterations = tolIterations;
        this.stridgeIterations = stridgeIterations;
        this.l0Penalty = l0Penalty;
        this.split = split;
        this.seed = seed;
    }

    @Override
    public PdeFind fit(double[][] x, double[] y) {
        int p = Shapes.columns(x, y);
        int n = x.length;
        int[] rows = shuffledRows(n);
        int trainCount = (int) (n * split);
        Shapes.requireRowsAtLeastColumns("pde-find", trainCount, p);
        if (trainCount == n) {
            throw new org.deepmod.BadInputException("estimator pde-find: split " + split + " of " + n
                    + " rows leaves no test rows");
        }
        double eta = l0Penalty != null ? l0Penalty : 1e-3 * LinearSolvers.conditionNumber(x);
        StRidge stRidge = new StRidge(x, y, rows, trainCount);

        double[] best = LinearSolvers.leastSquares(x, y, rows, trainCount, LinearSolvers.allColumns(p), p);
        double bestError = testError(x, y, rows, trainCount, best) + eta * nonZeros(best);
        double dTol = initialDTol;
        double tol = dTol;
        for (int iter = 0; iter < tolIterations; iter++) {
            double[] w = stRidge.fit(lambda, stridgeIterations, tol);
            double error = w == null ? Double.POSITIVE_INFINITY
                    : testError(x, y, rows, trainCount, w) + eta * nonZeros(w);
            if (error <= bestError) {
                bestError = error;
                best = w;
                tol += dTol;
            } else {
                tol = Math.max(0.0, tol - 2 * dTol);
                dTol = 2 * dTol / (tolIterations - iter);
                tol += dTol;
            }
        }
        coefficients = best;
        return this;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    private int[] shuffledRows(int n) {
        int[] rows = LinearSolvers.allColumns(n);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
        return rows;
    }

    /** ‖y − Xw‖₂ over the test rows rows[trainCount..n). */
    private static double testError(double[][] x, double[] y, int[] rows, int trainCount, double[] w) {
        double sum = 0.0;
        for (int r = trainCount; r < rows.length; r++) {
            double[] row = x[rows[r]];
            double residual = y[rows[r]];
            for (int j = 0; j < w.length; j++) {
                residual -= row[j] * w[j];
            }
            sum += residual * residual;
        }
        return Math.sqrt(sum);
    }

    private static int nonZeros(double[] w) {
        int count = 0;
        for (double v : w) {
            if (v != 0.0) {
                count++;
            }
        }
        return count;
    }

    /** Algorithm 1 on the training rows, columns scaled to unit 2-norm, coefficients returned in data units. */
    private static final class StRidge {
        private final double[][] scaledX;
        private final double[] trainY;
        private final double[] columnScale;
        private final Gram gram;

        StRidge(double[][] x, double[] y, int[] rows, int trainCount) {
            int p = x[0].length;
            columnScale = new double[p];
            for (int r = 0; r < trainCount; r++) {
                for (int j = 0; j < p; j++) {
                    columnScale[j] += x[rows[r]][j] * x[rows[r]][j];
                }
            }
            for (int j = 0; j < p; j++) {
                columnScale[j] = columnScale[j] > 0 ? 1.0 / Math.sqrt(columnScale[j]) : 0.0;
            }
            scaledX = new double[trainCount][p];
            trainY = new double[trainCount];
            for (int r = 0; r < trainCount; r++) {
                for (int j = 0; j < p; j++) {
                    scaledX[r][j] = x[rows[r]][j] * columnScale[j];
                }
                trainY[r] = y[rows[r]];
            }
            gram = new Gram(p).fill(scaledX, trainY, 0, trainCount);
        }

        /** The STRidge estimate at this tolerance, or null when the first thresholding removes every term. */
        double[] fit(double lambda, int iterations, double tol) {
            int p = columnScale.length;
            int[] support = LinearSolvers.allColumns(p);
            int count = p;
            double[] w = solve(support, count, lambda);
            for (int iteration = 0; iteration < iterations; iteration++) {
                int kept = 0;
                int[] next = new int[count];
                for (int c = 0; c < count; c++) {
                    if (Math.abs(w[support[c]]) >= tol) {
                        next[kept++] = support[c];
                    }
                }
                if (kept == count) {
                    break;
                }
                if (kept == 0) {
                    if (iteration == 0) {
                        return null;
                    }
                    break;
                }
                support = next;
                count = kept;
                w = solve(support, count, lambda);
            }
            double[] unbiased = LinearSolvers.leastSquares(scaledX, trainY, null, 0, support, count);
            for (int j = 0; j < p; j++) {
                unbiased[j] *= columnScale[j];
            }
            return unbiased;
        }

        private double[] solve(int[] support, int count, double lambda) {
            return lambda != 0.0 ? LinearSolvers.ridge(gram, support, count, lambda)
                    : LinearSolvers.leastSquares(scaledX, trainY, null, 0, support, count);
        }
    }
}
