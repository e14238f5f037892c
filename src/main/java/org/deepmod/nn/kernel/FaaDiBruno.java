package org.deepmod.nn.kernel;

/**
 * The chain rule for a = σ(z) along one coordinate up to the fourth derivative (Faà di Bruno's formula), and
 * the mixed second derivative, written once for the autograd jets ({@code JetMlp.forward} in
 * {@code org.deepmod.nn}) and the hand-written kernels ({@link TileChainRule}). With d_k = σ^(k)(z) and x_k = ∂^k z:
 * a_1 = d1 x1, a_2 = d2 x1^2 + d1 x2, a_3 = d3 x1^3 + 3 d2 x1 x2 + d1 x3,
 * a_4 = d4 x1^4 + 6 d3 x1^2 x2 + d2 (3 x2^2 + 4 x1 x3) + d1 x4; {@code x1Sq} is x1^2, shared by the orders.
 */
public final class FaaDiBruno {
    private FaaDiBruno() {
    }

    public static <T> T first(JetArithmetic<T> r, T d1, T x1) {
        return r.mul(d1, x1);
    }

    public static <T> T second(JetArithmetic<T> r, T d1, T d2, T x1Sq, T x2) {
        return r.add(r.mul(d2, x1Sq), r.mul(d1, x2));
    }

    public static <T> T third(JetArithmetic<T> r, T d1, T d2, T d3, T x1, T x1Sq, T x2, T x3) {
        return r.add(r.add(r.mul(r.mul(d3, x1Sq), x1), r.times(r.mul(r.mul(d2, x1), x2), 3f)), r.mul(d1, x3));
    }

    public static <T> T fourth(JetArithmetic<T> r, T d1, T d2, T d3, T d4, T x1, T x1Sq, T x2, T x3, T x4) {
        T inner = r.add(r.times(r.mul(x2, x2), 3f), r.times(r.mul(x1, x3), 4f));
        return r.add(r.add(r.add(r.mul(r.mul(d4, x1Sq), x1Sq), r.times(r.mul(r.mul(d3, x1Sq), x2), 6f)),
                r.mul(d2, inner)), r.mul(d1, x4));
    }

    /** ∂x∂y σ(z) = d2 z_x z_y + d1 z_xy (with y = x: the second derivative as two space dimensions write it). */
    public static <T> T mixed(JetArithmetic<T> r, T d1, T d2, T zx, T zy, T zxy) {
        return r.add(r.mul(r.mul(d2, zx), zy), r.mul(d1, zxy));
    }
}
