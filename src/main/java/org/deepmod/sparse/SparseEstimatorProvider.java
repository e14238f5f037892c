package org.deepmod.sparse;

import java.util.List;

/**
 * The service a sparse estimator offers to configs and the command line, found with {@link java.util.ServiceLoader}.
 * To plug in your own: implement this interface (public, with a public no-argument constructor), list the class
 * in {@code META-INF/services/org.deepmod.sparse.SparseEstimatorProvider} of your jar, put the jar on the
 * classpath, and name it in a config or with {@code --estimator}. The built-in estimators are registered the
 * same way.
 */
public interface SparseEstimatorProvider {

    /** The name configs and {@code --estimator} use: lower case, words joined by '-'. */
    String name();

    /** One line for {@code --help}. */
    String description();

    /** Every parameter the estimator accepts, with its default. */
    List<EstimatorParameter> parameters();

    /**
     * A new estimator. {@code parameters} holds every declared name (defaults filled in); read them with its
     * typed readers, which turn a bad value into bad input. Same parameters and seed, same results.
     */
    SparseEstimator create(EstimatorParameters parameters, long seed);
}
