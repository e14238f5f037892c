package org.deepmod.training;

import java.util.ArrayList;
import java.util.List;
import org.deepmod.constraint.Constraint;
import org.deepmod.library.Library;
import org.deepmod.nn.FunctionApproximator;

/**
 * DeepMoD 2.0's four modules, each replaceable on its own: a function approximator, a library, a sparsity
 * estimator and a constraint. {@link Trainer} trains it.
 */
public record DeepMoD(FunctionApproximator network, Library library, MaskEstimator estimator,
                      Constraint constraint) implements AutoCloseable {

    public DeepMoD {
        if (network.inputDims() != library.derivativeSet().inputDims()) {
            throw new IllegalArgumentException("the network takes " + network.inputDims()
                    + " coordinates but the library needs " + library.derivativeSet().inputDims());
        }
        if (network.outputDims() != library.outputs()) {
            throw new IllegalArgumentException("the network has " + network.outputDims()
                    + " outputs but the library is built for " + library.outputs());
        }
    }

    /** Everything the optimiser trains: the network's parameters and any trainable coefficients. */
    public List<ai.djl.ndarray.NDArray> trainableParameters() {
        List<ai.djl.ndarray.NDArray> all = new ArrayList<>(network.parameters());
        all.addAll(constraint.parameters());
        return all;
    }

    @Override
    public void close() {
        network.close();
    }
}
