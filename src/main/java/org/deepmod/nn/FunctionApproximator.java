package org.deepmod.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/**
 * The first DeepMoD module: a network u(t, x[, y]) that returns its derivatives with respect to the input
 * coordinates along with its value. Parameters are plain NDArrays that require gradients; the trainer
 * owns the optimiser.
 */
public interface FunctionApproximator extends AutoCloseable {

    /** Value and the derivatives {@code spec} asks for, at coords (N x (1+d), time in column 0). */
    Jet forward(NDArray coords, DerivativeSet spec);

    /**
     * Whether {@link #tape} gives passes at these coordinates: not where this network, its device or its data
     * type has no hand-written backward; then train through {@link #forward} and autograd.
     */
    default boolean differentiatesByHand(NDArray coords) {
        return false;
    }

    /**
     * A forward pass whose parameter gradient is computed without autograd ({@link JetTape}), or null where
     * {@link #differentiatesByHand} says there is none.
     */
    default JetTape tape(NDArray coords, DerivativeSet spec) {
        return null;
    }

    /** Value only (N x K), cheaper: for test MSE and predictions. */
    NDArray predict(NDArray coords);

    /** The trainable arrays, in a fixed order. */
    List<NDArray> parameters();

    int inputDims();

    int outputDims();

    DataType dataType();

    /** Where the parameters live (CPU or a GPU). */
    Device device();

    @Override
    void close();
}
