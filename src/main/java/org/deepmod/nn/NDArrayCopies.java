package org.deepmod.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Copies between NDArrays (float32 or float64) and float64 arrays on the JVM, for checkpoints. */
public final class NDArrayCopies {
    private NDArrayCopies() {
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

    /**
     * Overwrites the array's values in place (same shape), converting to its data type. On the CPU straight
     * into the tensor's memory: DJL's {@code set} goes through a deprecated libtorch guard that prints a
     * long warning at the first checkpoint restore of every run.
     */
    public static void assign(NDArray array, double[] values) {
        boolean direct = Device.cpu().equals(array.getDevice()) && array instanceof PtNDArray;
        if (array.getDataType() == DataType.FLOAT64) {
            if (direct) {
                memory(array).asDoubleBuffer().put(0, values);
            } else {
                array.set(values);
            }
            return;
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        if (direct) {
            memory(array).asFloatBuffer().put(0, f);
        } else {
            array.set(f);
        }
    }

    /** The memory of a contiguous CPU tensor itself (no copy), in the platform's byte order. */
    public static ByteBuffer memory(NDArray array) {
        return JniUtils.getByteBuffer((PtNDArray) array, true).order(ByteOrder.nativeOrder());
    }
}
