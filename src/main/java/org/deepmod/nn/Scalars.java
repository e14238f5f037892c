package org.deepmod.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.HashMap;
import java.util.Map;

/**
 * Scalar factors as long-lived NDArrays. DJL's {@code mul(Number)} builds its scalar over a Java buffer that
 * it frees right after the op, while autograd still needs it for backward: gradients then read garbage.
 * Scalars made here live in the owner's manager until it closes, so they outlive every backward pass.
 */
public final class Scalars {
    private final NDManager manager;
    private final DataType dataType;
    private final Map<Double, NDArray> cache = new HashMap<>();

    public Scalars(NDManager manager, DataType dataType) {
        this.manager = manager;
        this.dataType = dataType;
    }

    public NDArray of(double value) {
        return cache.computeIfAbsent(value, v -> {
            NDArray s = dataType == DataType.FLOAT64 ? manager.create(v) : manager.create((float) v.doubleValue());
            s.setName("scalar " + v);
            return s;
        });
    }

    public DataType dataType() {
        return dataType;
    }
}
