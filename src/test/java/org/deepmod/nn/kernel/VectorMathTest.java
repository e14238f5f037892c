package org.deepmod.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * The kernels' own e^x, sin and cos ({@link VectorMath}: plain arithmetic, so that a run's results do not depend
 * on when the JIT compiles the kernels): e^x within 2 ulp of Math.exp wherever a float can hold the result and finite at the
 * ends; tanh z = 1 − 2/(e^{2z} + 1) from it within 2 ulp (plus 1e-7 absolute) of Math.tanh; sin and cos
 * within 2e-7 of Math's over ±200 (SIREN's ω0 = 30 puts pre-activations in the tens).
 *
 * <p>At the kernels' vector width ({@link VectorWidth}; the build runs this class at 256 and 512 bits too). The
 * point counts are not multiples of any lane count, and every output starts as NaN: a point the loop leaves
 * uncomputed fails the test.
 */
class VectorMathTest {
    private static final VectorSpecies<Float> LANES = VectorWidth.Chosen.FLOATS;

    /** A function of one vector that writes its results for the vector's points into arrays at an offset. */
    private interface VectorKernel {
        void apply(FloatVector x, float[][] outputs, int at);
    }

    /**
     * The kernel over every point of x, however many: the points are copied into whole vectors (the last one
     * padded with zeros), as the kernels' tiles are, and the outputs are cut back to x's length.
     */
    private static float[][] applyToAll(float[] x, int outputs, VectorKernel kernel) {
        int vectors = (x.length + LANES.length() - 1) / LANES.length();
        float[] padded = Arrays.copyOf(x, vectors * LANES.length());
        float[][] out = new float[outputs][padded.length];
        for (float[] o : out) {
            Arrays.fill(o, Float.NaN);
        }
        for (int i = 0; i < padded.length; i += LANES.length()) {
            kernel.apply(FloatVector.fromArray(LANES, padded, i), out, i);
        }
        for (int k = 0; k < outputs; k++) {
            out[k] = Arrays.copyOf(out[k], x.length);
        }
        return out;
    }

    private static float[] apply(float[] x, boolean tanh) {
        return applyToAll(x, 1, (v, out, at) -> (tanh ? VectorMath.tanh(v) : VectorMath.exp(v)).intoArray(out[0], at))[0];
    }

    private static float[] grid(float from, float to, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + (to - from) * i / (n - 1);
        }
        return x;
    }

    /** 2^16 + 3 and 2^17 + 5 points: a tail of 3 or 5 beyond whole vectors of 4, 8 or 16 lanes. */
    private static final int POINTS = 64 * 1024 + 3;
    private static final int SIREN_POINTS = 128 * 1024 + 5;

    @Test
    void expIsWithinTwoUlpOverTheFloatRange() {
        float[] x = grid(-87f, 88f, POINTS);
        float[] e = apply(x, false);
        for (int i = 0; i < x.length; i++) {
            int point = i;
            double exact = Math.exp(x[i]);
            double ulps = Math.abs(e[i] - exact) / Math.ulp((float) exact);
            assertTrue(ulps <= 2.0, () -> "exp " + x[point] + " (point " + point + "): " + e[point] + ", " + ulps + " ulp");
        }
    }

    @Test
    void expSaturatesInsteadOfOverflowing() {
        float[] x = new float[LANES.length()];
        Arrays.fill(x, 1000f);
        float big = apply(x, false)[0];
        assertTrue(Float.isFinite(big) && big > 1e38f, "e^1000 gives " + big);
        Arrays.fill(x, -1000f);
        float small = apply(x, false)[0];
        assertTrue(small >= 0 && small < 1e-37f, "e^-1000 gives " + small);
        assertEquals(1f, apply(new float[LANES.length()], false)[0], 0f);
    }

    @Test
    void tanhFromItIsAccurateAndSaturates() {
        float[] x = grid(-60f, 60f, POINTS);
        float[] t = apply(x, true);
        for (int i = 0; i < x.length; i++) {
            int point = i;
            double exact = Math.tanh(x[i]);
            assertEquals(exact, t[i], 2 * Math.ulp((float) exact) + 1e-7, () -> "tanh " + x[point] + " (point " + point + ")");
        }
    }

    @Test
    void sinAndCosAreAccurateOverTheRangeSirenUses() {
        float[] x = grid(-200f, 200f, SIREN_POINTS);
        float[][] sinCos = applyToAll(x, 2, (v, out, at) -> VectorMath.sinCos(v, out[0], out[1], at));
        for (int i = 0; i < x.length; i++) {
            int point = i;
            assertEquals(Math.sin(x[i]), sinCos[0][i], 2e-7, () -> "sin " + x[point] + " (point " + point + ")");
            assertEquals(Math.cos(x[i]), sinCos[1][i], 2e-7, () -> "cos " + x[point] + " (point " + point + ")");
        }
        float[][] atZero = applyToAll(new float[1], 2, (v, out, at) -> VectorMath.sinCos(v, out[0], out[1], at));
        assertEquals(0f, atZero[0][0], 0f);
        assertEquals(1f, atZero[1][0], 0f);
    }
}
