package org.deepmod.nn;

import ai.djl.ndarray.NDManager;
import org.deepmod.modules.ModuleProvider;
import org.deepmod.sparse.EstimatorParameters;

/**
 * A function approximator as a plug-in ({@code network: {type: ...}}): list the class in
 * {@code META-INF/services/org.deepmod.nn.ApproximatorProvider} of a jar on the classpath.
 */
public interface ApproximatorProvider extends ModuleProvider {

    /**
     * A new network for inputs of {@code coords} coordinates (time first) and {@code outputs} fields, its
     * initial weights drawn from {@code seed}, its arrays in {@code manager}.
     */
    FunctionApproximator create(EstimatorParameters parameters, NDManager manager, int coords, int outputs, long seed);
}
