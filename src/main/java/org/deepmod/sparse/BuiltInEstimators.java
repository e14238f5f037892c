package org.deepmod.sparse;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in estimators, each a {@link SparseEstimatorProvider} registered in
 * {@code META-INF/services/org.deepmod.sparse.SparseEstimatorProvider} exactly as a user's own would be.
 * Defaults are scikit-learn's (and pysindy's, PDE-FIND's, DeePyMoD's) unless a comment says otherwise.
 */
public final class BuiltInEstimators {
    private BuiltInEstimators() {
    }

    private static final EstimatorParameter MAX_ITER = EstimatorParameter.integer("max-iter", "1000", 1,
            "coordinate-descent sweeps per alpha, at most");
    private static final EstimatorParameter TOL = EstimatorParameter.positive("tol", "1e-4",
            "duality-gap tolerance, relative to ||y||^2");
    /** Coordinate descent's own parameters, shared by every estimator that runs it. */
    private static final List<EstimatorParameter> SOLVER = List.of(MAX_ITER, TOL);

    /** The parameters of a cross-validated Lasso path, shared by every estimator built on lasso-cv. */
    static final List<EstimatorParameter> LASSO_CV = concat(List.of(
            EstimatorParameter.integer("cv", "5", 2, "number of contiguous (unshuffled) cross-validation folds"),
            EstimatorParameter.integer("n-alphas", "100", 1, "number of alphas on the path"),
            EstimatorParameter.numberAbove("eps", "1e-3", 0, 1, "smallest alpha of the path as a fraction of "
                    + "alpha_max")), SOLVER);

    static CrossValidatedElasticNet lassoCv(EstimatorParameters p) {
        return elasticNetCv(p, new double[] {1.0});
    }

    private static CrossValidatedElasticNet elasticNetCv(EstimatorParameters p, double[] l1Ratios) {
        return new CrossValidatedElasticNet(l1Ratios, p.integer("cv"), p.integer("n-alphas"), p.number("eps"),
                p.integer("max-iter"), p.number("tol"));
    }

    private static List<EstimatorParameter> concat(List<EstimatorParameter> first, List<EstimatorParameter> second) {
        List<EstimatorParameter> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** Shared plumbing: a name, a description and the parameter list. */
    abstract static class Provider implements SparseEstimatorProvider {
        private final String name;
        private final String description;
        private final List<EstimatorParameter> parameters;

        Provider(String name, String description, List<EstimatorParameter> parameters) {
            this.name = name;
            this.description = description;
            this.parameters = parameters;
        }

        @Override
        public final String name() {
            return name;
        }

        @Override
        public final String description() {
            return description;
        }

        @Override
        public final List<EstimatorParameter> parameters() {
            return parameters;
        }
    }

    public static final class Lasso extends Provider {
        public Lasso() {
            super("lasso", "Lasso at a fixed alpha: (1/2n)||y - Xw||^2 + alpha ||w||_1 (scikit-learn's Lasso)",
                    concat(List.of(EstimatorParameter.nonNegative("alpha", "1.0", "penalty (scikit-learn's default; "
                            + "on a normalised library every coefficient is 0 above max|X^T y|/n)")), SOLVER));
        }

        @Override
        public SparseEstimator create(EstimatorParameters p, long seed) {
            return new ElasticNet(p.number("alpha"), 1.0, p.integer("max-iter"), p.number("tol"));
        }
    }

    public static final class LassoCv extends Provider {
        public LassoCv() {
            super("lasso-cv", "Lasso with alpha chosen by k-fold cross-validation, refit on all rows "
                    + "(scikit-learn's LassoCV, DeePyMoD's default)", LASSO_CV);
        }

        @Override
        public SparseEstimator create(EstimatorParameters p, long seed) {
            return lassoCv(p);
        }
    }

    public static final class ElasticNetFixed extends Provider {
        public ElasticNetFixed() {
            super("elastic-net", "elastic net at a fixed alpha: (1/2n)||y - Xw||^2 + alpha r ||w||_1 "
                    + "+ alpha (1 - r)/2 ||w||^2 (scikit-learn's ElasticNet)",
                    concat(List.of(EstimatorParameter.nonNegative("alpha", "1.0", "penalty"),
                            EstimatorParameter.number("l1-ratio", "0.5", 0, 1, "r: 1 is the Lasso, 0 is ridge")),
                            SOLVER));
        }

        @Override
        public SparseEstimator create(EstimatorParameters p, long seed) {
            return new ElasticNet(p.number("alpha"), p.number("l1-ratio"), p.integer("max-iter"), p.number("tol"));
        }
    }

    public static final class ElasticNetCv extends Provider {
        public ElasticNetCv() {
            super("elastic-net-cv", "elastic net with (l1-ratio, alpha) chosen by k-fold cross-validation "
                    + "(scikit-learn's ElasticNetCV)",
                    concat(List.of(EstimatorParameter.numbers("l1-ratio", "0.5", Double.MIN_NORMAL, 1,
                            "r in (0, 1], or several separated by commas to choose among")), LASSO_CV));
        }

        @Override
        public SparseEstimator create(EstimatorParameters p, long seed) {
            return elasticNetCv(p, p.numbers("l1-ratio"));
        }
    }

    public static final class ThresholdedLassoCv extends Provider {
        public ThresholdedLassoCv() {
            super("threshold", "lasso-cv, then every coefficient with |c| < threshold set to 0 "
                    + "(DeePyMoD's Threshold; normalised units unless --raw)",
                    concat(List.of(EstimatorParameter.nonNegative("threshold", "0.1", "smallest |coefficient| kept")),
                            LASSO_CV));
        }

        @Override
        public SparseEstimator create(EstimatorParameters p, long seed) {
            return new Threshold(lassoCv(p), p.number("threshold"));
        }
    }

    public static final class RidgeRegression extends Provider {
        public RidgeRegression() {
            super("ridge", "ridge regression ||y - Xw||^2 + alpha ||w||^2 (scikit-learn's Ridge; not sparse)",
                    List.of(EstimatorParameter.nonNegative("alpha", "1.0", "penalty (scikit-learn's default)")));
        }

        @Override
        public SparseEstimator create(EstimatorParameters p, long seed) {
            return new Ridge(p.number("alpha"));
        }
    }

    public static final class SequentiallyThresholdedLeastSquares extends Provider {
        public SequentiallyThresholdedLeastSquares() {
            super("stlsq", "sequentially thresholded ridge, then a least-squares refit on the support "
                    + "(pysindy's STLSQ)", List.of(
                    EstimatorParameter.nonNegative("threshold", "0.1", "smallest |coefficient| kept at each iteration"),
                    // pysindy's 0.05 is too much ridge on a unit-norm library: it shrinks collinear terms together
                    // (on the Burgers library u_x and u^2*u_x survive); 1e-3 is DeePyMoD's PDEFIND lambda.
                    EstimatorParameter.nonNegative("alpha", "1e-3", "ridge penalty of the iterations (pysindy: 0.05)"),
                    EstimatorParameter.integer("max-iter", "20", 1, "thresholding iterations, at most"),
                    EstimatorParameter.flag("unbias", "true", "refit the final support without penalty")));
        }

        @Override
        public SparseEstimator create(EstimatorParameters p, long seed) {
            return new Stlsq(p.number("threshold"), p.number("alpha"), p.integer("max-iter"), p.flag("unbias"));
        }
    }

    public static final class PdeFindTrainStRidge extends Provider {
        public PdeFindTrainStRidge() {
            super("pde-find", "PDE-FIND's TrainSTRidge (Rudy et al. 2017): STRidge with the tolerance searched "
                    + "on a seeded 80/20 split against held-out error + l0 penalty", List.of(
                    EstimatorParameter.nonNegative("lambda", "1e-3", "ridge penalty of STRidge (columns at unit norm)"),
                    EstimatorParameter.positive("d-tol", "0.1", "initial tolerance and tolerance step"),
                    EstimatorParameter.integer("tol-iters", "25", 1, "tolerance search steps (maxit)"),
                    EstimatorParameter.integer("str-iters", "10", 1, "thresholding iterations of STRidge"),
                    EstimatorParameter.nonNegativeOrAuto("l0-penalty", "auto",
                            "penalty per term; auto = 1e-3 * cond(X)"),
                    EstimatorParameter.number("split", "0.8", 0.05, 0.95, "fraction of rows used for training")));
        }

        @Override
        public SparseEstimator create(EstimatorParameters p, long seed) {
            return new PdeFind(p.number("lambda"), p.number("d-tol"), p.integer("tol-iters"), p.integer("str-iters"),
                    p.numberOrAuto("l0-penalty"), p.number("split"), seed);
        }
    }

    public static final class ClusteredLassoCv extends Provider {
        public ClusteredLassoCv() {
            super("clustering", "lasso-cv, then exact two-means on |c| keeping the cluster of the largest "
                    + "(DeePyMoD's Clustering, deterministic, returning coefficients)", LASSO_CV);
        }

        @Override
        public SparseEstimator create(EstimatorParameters p, long seed) {
            return new Clustering(lassoCv(p));
        }
    }

    /** The ridge that gives the adaptive weights; small, since the columns are at unit norm. */
    private static final EstimatorParameter RIDGE_ALPHA = EstimatorParameter.nonNegative("ridge-alpha", "1e-3",
            "ridge penalty of the initial estimate that gives the weights |c_ridge|^-gamma");
    private static final EstimatorParameter GAMMA = EstimatorParameter.positive("gamma", "2",
            "exponent of the adaptive weights");

    public static final class AdaptiveLassoCv extends Provider {
        public AdaptiveLassoCv() {
            super("adaptive-lasso", "adaptive Lasso (Zou 2006): weights |c_ridge|^-gamma, alpha by "
                    + "cross-validation", concat(List.of(GAMMA, RIDGE_ALPHA), LASSO_CV));
        }

        @Override
        public SparseEstimator create(EstimatorParameters p, long seed) {
            return new AdaptiveLasso(p.number("gamma"), p.number("ridge-alpha"), lassoCv(p));
        }
    }

    public static final class RandomisedAdaptiveLassoStability extends Provider {
        public RandomisedAdaptiveLassoStability() {
            super("stability-selection", "stability selection with the randomised adaptive Lasso (Tod, Both and "
                    + "Kusters, Sparsistent model discovery); also gives selection probabilities", List.of(
                    EstimatorParameter.integer("resamples", "40", 1, "B, half-samples drawn without replacement"),
                    EstimatorParameter.integer("lambdas", "10", 1, "lambda values on the grid"),
                    EstimatorParameter.positive("decades", "3", "decades the grid spans below lambda_max"),
                    GAMMA, RIDGE_ALPHA,
                    EstimatorParameter.numberAbove("weight-min", "0.1", 0, 1,
                            "random weights ~ Beta(1,2) clipped to [this, 1]"),
                    EstimatorParameter.numberAbove("threshold", "0.9", 0.5, 1,
                            "pi: least selection probability kept, in (0.5, 1]"),
                    EstimatorParameter.positive("expected-false", "3", "bound on the expected number of false "
                            + "selections that sets lambda_min"),
                    MAX_ITER, TOL));
        }

        @Override
        public SparseEstimator create(EstimatorParameters p, long seed) {
            return new StabilitySelection(p.integer("resamples"), p.integer("lambdas"), p.number("decades"),
                    p.number("gamma"), p.number("ridge-alpha"), p.number("weight-min"), p.number("threshold"),
                    p.number("expected-false"), p.integer("max-iter"), p.number("tol"), seed);
        }
    }
}
