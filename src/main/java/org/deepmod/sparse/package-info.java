/**
 * Sparse estimators with scikit-learn's shape ({@link org.deepmod.sparse.SparseEstimator}: fit, then read the
 * coefficients), on plain double arrays: Lasso and elastic net with cross-validation, threshold, clustering,
 * STLSQ, PDE-FIND, adaptive Lasso, stability selection. DeePyMoD's normalisation around them is
 * {@link org.deepmod.sparse.UnitNormFit}.
 *
 * <p>Each estimator is a {@link org.deepmod.sparse.SparseEstimatorProvider} (the built-in ones in
 * {@link org.deepmod.sparse.BuiltInEstimators}, a user's through {@code META-INF/services}) that declares each
 * of its parameters once ({@link org.deepmod.sparse.EstimatorParameter}: name, default, domain, description) and
 * reads it by name; adding a parameter changes that provider only. Neither DJL nor Spark here: EJML only.
 */
package org.deepmod.sparse;
