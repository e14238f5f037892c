package org.deepmod.nn;

import ai.djl.ndarray.NDArray;
import org.deepmod.nn.kernel.JetArithmetic;

/**
 * {@link JetArithmetic} on DJL arrays, in the autograd graph, where null stands for an identically zero
 * derivative (the inputs' second and higher derivatives), so that zero terms cost nothing.
 */
final class ArrayArithmetic implements JetArithmetic<NDArray> {
    private final Scalars scalars;

    ArrayArithmetic(Scalars scalars) {
        this.scalars = scalars;
    }

    @Override
    public NDArray add(NDArray a, NDArray b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }

    @Override
    public NDArray mul(NDArray a, NDArray b) {
        return a == null || b == null ? null : a.mul(b);
    }

    /** The factor as a long-lived scalar array: autograd reads it again in the backward ({@link Scalars}). */
    @Override
    public NDArray times(NDArray a, float c) {
        return a == null ? null : a.mul(scalars.of(c));
    }

    @Override
    public NDArray plus(NDArray a, float c) {
        return a.add(c);
    }

    @Override
    public NDArray neg(NDArray a) {
        return a == null ? null : a.neg();
    }
}
