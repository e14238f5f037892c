package org.deepmod.nn;

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
    Jet forward(NDArray coords, JetSpec spec);

    /** Value only (N x K), cheaper: for test MSE and predictions. */
    NDArray predict(NDArray coords);

    /** The trainable arrays, in a fixed order. */
    List<NDArray> parameters();

    int inputDims();

    int outputDims();

    DataType dataType();

    /** Copies of the parameters' current values (a checkpoint), as float64 on the JVM. */
    default double[][] snapshot() {
        List<NDArray> ps = parameters();
        double[][] out = new double[ps.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = ps.get(i).toType(DataType.FLOAT64, false).toDoubleArray();
        }
        return out;
    }

    /** Restores a {@link #snapshot()}. */
    default void restore(double[][] values) {
        List<NDArray> ps = parameters();
        for (int i = 0; i < values.length; i++) {
            NDArray p = ps.get(i);
            if (p.getDataType() == DataType.FLOAT64) {
                p.set(values[i]);
            } else {
                float[] f = new float[values[i].length];
                for (int j = 0; j < f.length; j++) {
                    f[j] = (float) values[i][j];
                }
                p.set(f);
            }
        }
    }

    @Override
    void close();
}
