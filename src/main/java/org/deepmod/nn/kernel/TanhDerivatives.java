package org.deepmod.nn.kernel;

/**
 * tanh's derivatives as polynomials in a = tanh z (so one transcendental call serves them all), written once
 * for the autograd jets ({@code Activation.Tanh} in {@code org.deepmod.nn}) and the hand-written kernels
 * ({@link KernelActivation}).
 * {@code q} is a^2 and {@code d1} the first derivative, both shared by the higher orders.
 */
public final class TanhDerivatives {
    private TanhDerivatives() {
    }

    /** 1 − a^2. */
    public static <T> T first(JetArithmetic<T> r, T q) {
        return r.plus(r.neg(q), 1f);
    }

    /** −2 a (1 − a^2). */
    public static <T> T second(JetArithmetic<T> r, T a, T d1) {
        return r.times(r.mul(a, d1), -2f);
    }

    /** (1 − a^2)(6 a^2 − 2). */
    public static <T> T third(JetArithmetic<T> r, T q, T d1) {
        return r.mul(d1, r.plus(r.times(q, 6f), -2f));
    }

    /** a (1 − a^2)(16 − 24 a^2). */
    public static <T> T fourth(JetArithmetic<T> r, T a, T q, T d1) {
        return r.mul(r.mul(a, d1), r.plus(r.times(q, -24f), 16f));
    }

    /** (1 − a^2)(120 a^4 − 120 a^2 + 16): the backward of a fourth-order jet needs one order more. */
    public static <T> T fifth(JetArithmetic<T> r, T q, T d1) {
        return r.mul(d1, r.plus(r.mul(q, r.plus(r.times(q, 120f), -120f)), 16f));
    }
}
