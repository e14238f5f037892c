package org.deepmod.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * e^x, tanh, sin and cos of float vectors at the kernels' width, from plain arithmetic (Cephes' polynomials):
 * the Vector API's own EXP, SIN and COS are Intel's SVML once the JIT compiles a loop and Math's before, so
 * results, and with them a whole run, would depend on the JIT's timing.
 */
final class VectorMath {
    private static final VectorSpecies<Float> LANES = VectorWidth.Chosen.FLOATS;

    private VectorMath() {
    }

    // e^x as Cephes' expf: x = k ln 2 + r, |r| <= ln 2 / 2, a degree-7 polynomial for e^r, 2^k from the exponent
    // bits; within 2 ulp. (With the Vector API's EXP the first loss differed in the 9th digit from launch to
    // launch.)
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HIGH = 0.693359375f;
    private static final float LN2_LOW = -2.12194440e-4f;
    /** 1.5 · 2^23: x + this − this rounds x to an integer, and its low bits are that integer. */
    private static final float ROUNDER = 12582912f;

    static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(-87.3f).min(88.3f);
        FloatVector shifted = clamped.fma(FloatVector.broadcast(LANES, LOG2E), FloatVector.broadcast(LANES, ROUNDER));
        FloatVector k = shifted.sub(ROUNDER);
        FloatVector r = k.fma(FloatVector.broadcast(LANES, -LN2_HIGH), clamped);
        r = k.fma(FloatVector.broadcast(LANES, -LN2_LOW), r);
        FloatVector y = FloatVector.broadcast(LANES, 1.9875691500e-4f);
        y = y.fma(r, FloatVector.broadcast(LANES, 1.3981999507e-3f));
        y = y.fma(r, FloatVector.broadcast(LANES, 8.3334519073e-3f));
        y = y.fma(r, FloatVector.broadcast(LANES, 4.1665795894e-2f));
        y = y.fma(r, FloatVector.broadcast(LANES, 1.6666665459e-1f));
        y = y.fma(r, FloatVector.broadcast(LANES, 5.0000001201e-1f));
        y = y.fma(r.mul(r), r).add(1f);
        IntVector exponent = shifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).add(127 << 23);
        return y.mul(exponent.reinterpretAsFloats());
    }

    /** tanh z = 1 − 2 / (e^{2z} + 1): finite for every z (exp saturates at e^88). */
    static FloatVector tanh(FloatVector z) {
        FloatVector e = exp(z.mul(2f));
        return FloatVector.broadcast(LANES, 1f).sub(FloatVector.broadcast(LANES, 2f).div(e.add(1f)));
    }

    // sin x and cos x the same way (Cephes' sinf/cosf): x = m π/2 + r, |r| <= π/4 (π/2 in three parts),
    // polynomials for sin r and cos r, and m mod 4 picks which is which and the signs, by bits.
    private static final float TWO_OVER_PI = 0.636619772367581343f;
    private static final float PI_HALF_1 = 1.5703125f;
    private static final float PI_HALF_2 = 4.837512969970703125e-4f;
    private static final float PI_HALF_3 = 7.54978995489188216e-8f;

    static void sinCos(FloatVector x, float[] sines, float[] cosines, int at) {
        FloatVector ax = x.abs();
        FloatVector shifted = ax.fma(FloatVector.broadcast(LANES, TWO_OVER_PI), FloatVector.broadcast(LANES, ROUNDER));
        FloatVector m = shifted.sub(ROUNDER);
        FloatVector r = m.fma(FloatVector.broadcast(LANES, -PI_HALF_1), ax);
        r = m.fma(FloatVector.broadcast(LANES, -PI_HALF_2), r);
        r = m.fma(FloatVector.broadcast(LANES, -PI_HALF_3), r);
        FloatVector z = r.mul(r);
        FloatVector sin = FloatVector.broadcast(LANES, -1.9515295891e-4f);
        sin = sin.fma(z, FloatVector.broadcast(LANES, 8.3321608736e-3f));
        sin = sin.fma(z, FloatVector.broadcast(LANES, -1.6666654611e-1f));
        sin = sin.mul(z).fma(r, r);
        FloatVector cos = FloatVector.broadcast(LANES, 2.443315711809948e-5f);
        cos = cos.fma(z, FloatVector.broadcast(LANES, -1.388731625493765e-3f));
        cos = cos.fma(z, FloatVector.broadcast(LANES, 4.166664568298827e-2f));
        cos = cos.mul(z).mul(z).sub(z.mul(0.5f)).add(1f);
        IntVector quadrant = shifted.reinterpretAsInts(); // its low bits are m
        IntVector odd = quadrant.and(1).neg(); // all ones where m is odd: sin and cos swap
        IntVector sinBits = sin.reinterpretAsInts();
        IntVector cosBits = cos.reinterpretAsInts();
        IntVector sinSign = quadrant.and(2).lanewise(VectorOperators.LSHL, 30)
                .lanewise(VectorOperators.XOR, x.reinterpretAsInts().and(0x80000000));
        IntVector cosSign = quadrant.add(1).and(2).lanewise(VectorOperators.LSHL, 30);
        sinBits.and(odd.not()).or(cosBits.and(odd)).lanewise(VectorOperators.XOR, sinSign).reinterpretAsFloats()
                .intoArray(sines, at);
        cosBits.and(odd.not()).or(sinBits.and(odd)).lanewise(VectorOperators.XOR, cosSign).reinterpretAsFloats()
                .intoArray(cosines, at);
    }
}
