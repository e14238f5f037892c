package org.deepmod.nn.kernel;

/**
 * The arithmetic that σ's derivatives ({@link TanhDerivatives}) and the chain rule ({@link FaaDiBruno}) are
 * written in, so that each formula exists once for both ways through a network: DJL arrays differentiated by
 * autograd ({@code ArrayArithmetic} in {@code org.deepmod.nn}) and the hand-written kernels' SIMD vectors
 * ({@link VectorArithmetic}).
 * The formulas fix the order of every operation, so both ways round alike.
 */
public interface JetArithmetic<T> {
    T add(T a, T b);

    T mul(T a, T b);

    /** a · c. */
    T times(T a, float c);

    /** a + c. */
    T plus(T a, float c);

    T neg(T a);
}
