package org.deepmod.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * The kernels' own e^x, sin and cos (plain arithmetic, so that a run's results do not depend on when the JIT
 * compiles the kernels): e^x within 2 ulp of Math.exp wherever a float can hold the result and finite at the
 * ends; tanh z = 1 − 2/(e^{2z} + 1) from it within 2 ulp (plus 1e-7 absolute) of Math.tanh; sin and cos
 * within 2e-7 of Math's over ±200 (SIREN's ω0 = 30 puts pre-activations in the tens).
 */
class JetKernelsFunctionsTest {
    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;

    private static float[] apply(float[] x, boolean tanh) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i += LANES.length()) {
            FloatVector v = FloatVector.fromArray(LANES, x, i);
            FloatVector r = tanh ? JetKernels.tanh(v) : JetKernels.exp(v);
            r.intoArray(out, i);
        }
        return out;
    }

    private static float[] grid(float from, float to, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + (to - from) * i / (n - 1);
        }
        return x;
    }

    @Test
    void expIsWithinTwoUlpOverTheFloatRange() {
        float[] x = grid(-87f, 88f, 64 * 1024);
        float[] e = apply(x, false);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double exact = Math.exp(x[i]);
            worst = Math.max(worst, Math.abs(e[i] - exact) / Math.ulp((float) exact));
        }
        assertTrue(worst <= 2.0, "worst error " + worst + " ulp");
    }

    @Test
    void expSaturatesInsteadOfOverflowing() {
        float[] x = new float[LANES.length()];
        java.util.Arrays.fill(x, 1000f);
        float big = apply(x, false)[0];
        assertTrue(Float.isFinite(big) && big > 1e38f, "e^1000 gives " + big);
        java.util.Arrays.fill(x, -1000f);
        float small = apply(x, false)[0];
        assertTrue(small >= 0 && small < 1e-37f, "e^-1000 gives " + small);
        assertEquals(1f, apply(new float[LANES.length()], false)[0], 0f);
    }

    @Test
    void tanhFromItIsAccurateAndSaturates() {
        float[] x = grid(-60f, 60f, 64 * 1024);
        float[] t = apply(x, true);
        for (int i = 0; i < x.length; i++) {
            double exact = Math.tanh(x[i]);
            assertEquals(exact, t[i], 2 * Math.ulp((float) exact) + 1e-7, "tanh " + x[i]);
        }
    }

    @Test
    void sinAndCosAreAccurateOverTheRangeSirenUses() {
        float[] x = grid(-200f, 200f, 128 * 1024 + 8);
        float[] sin = new float[x.length];
        float[] cos = new float[x.length];
        for (int i = 0; i + LANES.length() <= x.length; i += LANES.length()) {
            JetKernels.sinCos(FloatVector.fromArray(LANES, x, i), sin, cos, i);
        }
        double worstSin = 0;
        double worstCos = 0;
        for (int i = 0; i < x.length; i++) {
            worstSin = Math.max(worstSin, Math.abs(sin[i] - Math.sin(x[i])));
            worstCos = Math.max(worstCos, Math.abs(cos[i] - Math.cos(x[i])));
        }
        assertTrue(worstSin < 2e-7 && worstCos < 2e-7, "worst errors: sin " + worstSin + ", cos " + worstCos);
        float[] zero = new float[LANES.length()];
        JetKernels.sinCos(FloatVector.fromArray(LANES, zero, 0), sin, cos, 0);
        assertEquals(0f, sin[0], 0f);
        assertEquals(1f, cos[0], 0f);
    }
}
