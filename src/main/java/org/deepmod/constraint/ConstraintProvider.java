package org.deepmod.constraint;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.deepmod.library.Library;
import org.deepmod.modules.ModuleProvider;
import org.deepmod.sparse.EstimatorParameters;

/**
 * A constraint as a plug-in ({@code constraint: {type: ...}}): list the class in
 * {@code META-INF/services/org.deepmod.constraint.ConstraintProvider} of a jar on the classpath.
 */
public interface ConstraintProvider extends ModuleProvider {

    /**
     * The constraint for {@code library}, trained (where it trains) in {@code dataType}; a combination it cannot
     * take is an {@link IllegalArgumentException} whose message says why.
     */
    Constraint create(EstimatorParameters parameters, NDManager manager, Library library, DataType dataType, long seed);
}
