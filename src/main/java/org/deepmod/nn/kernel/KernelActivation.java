package org.deepmod.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * An activation as the hand-written kernels compute it on a tile: σ(z_0) (tanh from {@link VectorMath}'s
 * e^x, or sin and cos together) and its derivatives from those base values, in the arrays of
 * {@link TileBuffers#sigma}.
 */
final class KernelActivation {
    private static final VectorSpecies<Float> LANES = VectorWidth.Chosen.FLOATS;

    private final boolean tanh;

    KernelActivation(KernelForm form) {
        this.tanh = form == KernelForm.TANH;
    }

    /** How many base arrays the derivatives are computed from: tanh z alone, or sin z and cos z. */
    int baseCount() {
        return tanh ? 1 : 2;
    }

    /** sigma[0] = σ(z_0) on the first n elements of the tile (and sigma[1] = cos z_0 for sin). */
    void base(float[] z0, float[][] sigma, int n) {
        int step = LANES.length();
        float[] s0 = sigma[0];
        if (tanh) {
            for (int i = 0; i < n; i += step) {
                VectorMath.tanh(FloatVector.fromArray(LANES, z0, i)).intoArray(s0, i);
            }
        } else {
            float[] s1 = sigma[1];
            for (int i = 0; i < n; i += step) {
                VectorMath.sinCos(FloatVector.fromArray(LANES, z0, i), s0, s1, i);
            }
        }
    }

    /** sigma[k] = σ^(k)(z_0) for k = 1..order on the tile, from the base arrays. */
    void derivatives(float[][] sigma, int n, int order) {
        if (tanh) {
            tanhDerivatives(sigma, n, order);
            return;
        }
        // sin, cos, −sin, −cos, sin, cos
        for (int k = 2; k <= order; k++) {
            float[] from = sigma[k - 2];
            float[] to = sigma[k];
            for (int i = 0; i < n; i++) {
                to[i] = -from[i];
            }
        }
    }

    /** Every derivative of tanh is a polynomial in a = tanh z: all of them in one pass. */
    private static void tanhDerivatives(float[][] sigma, int n, int order) {
        VectorArithmetic r = VectorArithmetic.LANES;
        float[] s0 = sigma[0];
        float[] s1 = sigma[1];
        float[] s2 = sigma[2];
        float[] s3 = sigma[3];
        float[] s4 = sigma[4];
        float[] s5 = sigma[5];
        for (int i = 0; i < n; i += LANES.length()) {
            FloatVector a = FloatVector.fromArray(LANES, s0, i);
            FloatVector q = a.mul(a);
            FloatVector d1 = TanhDerivatives.first(r, q);
            d1.intoArray(s1, i);
            if (order >= 2) {
                TanhDerivatives.second(r, a, d1).intoArray(s2, i);
            }
            if (order >= 3) {
                TanhDerivatives.third(r, q, d1).intoArray(s3, i);
            }
            if (order >= 4) {
                TanhDerivatives.fourth(r, a, q, d1).intoArray(s4, i);
            }
            if (order >= 5) {
                TanhDerivatives.fifth(r, q, d1).intoArray(s5, i);
            }
        }
    }
}
