package org.deepmod.nn;

import ai.djl.ndarray.NDArray;
import java.util.EnumMap;
import java.util.Map;

/**
 * A network output with the derivatives carried along by forward-mode propagation: the value (N x K) and,
 * per {@link Partial}, an array of the same shape. Inside the network a derivative may also be a
 * broadcasting row (1 x H) where it does not depend on the sample (first layer), or absent where it is zero.
 */
public final class Jet {
    private final NDArray value;
    private final EnumMap<Partial, NDArray> derivatives;

    public Jet(NDArray value, Map<Partial, NDArray> derivatives) {
        this.value = value;
        this.derivatives = derivatives.isEmpty() ? new EnumMap<>(Partial.class) : new EnumMap<>(derivatives);
    }

    public NDArray value() {
        return value;
    }

    /** The derivative, or null where it is identically zero or was not asked for. */
    public NDArray derivative(Partial p) {
        return derivatives.get(p);
    }

    public Map<Partial, NDArray> derivatives() {
        return derivatives;
    }
}
