package org.deepmod.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Copies between NDArrays (float32 or float64) and float64 arrays on the JVM, for checkpoints. */
public final class HostArrays {
    private HostArrays() {
    }

    public static double[] toDoubles(NDArray array) {
        if (array.getDataType() == DataType.FLOAT64) {
            return array.toDoubleArray();
        }
        float[] f = array.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Overwrites the array's values in place (same shape), converting to its data type. */
    public static void assign(NDArray array, double[] values) {
        if (array.getDataType() == DataType.FLOAT64) {
            array.set(values);
            return;
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        array.set(f);
    }
}
