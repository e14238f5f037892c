package org.deepmod.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.deepmod.nn.JetWithGradients;
import org.deepmod.nn.Jet;
import org.deepmod.nn.Partial;

/**
 * Test fixtures for the JVM-side library and loss: random jets, the same jet as float64 PyTorch leaves for
 * autograd to differentiate, and the comparison of a float32 gradient with autograd's.
 */
public final class RandomJets {
    private RandomJets() {
    }

    /** A jet with the library's channels, every value uniform in [−1, 1]. */
    public static JetWithGradients random(Library library, int samples, Random r) {
        JetWithGradients jet = new JetWithGradients(library.derivativeSet(), samples, library.outputs());
        fill(jet.value(), r);
        for (Partial p : library.derivativeSet().partials()) {
            fill(jet.derivative(p), r);
        }
        return jet;
    }

    /** The same values as float64 leaves that record gradients. */
    public static Jet leaves(NDManager m, JetWithGradients jet, Library library) {
        NDArray value = leaf(m, jet.value(), jet.samples(), jet.outputs());
        Map<Partial, NDArray> derivatives = new EnumMap<>(Partial.class);
        for (Partial p : library.derivativeSet().partials()) {
            derivatives.put(p, leaf(m, jet.derivative(p), jet.samples(), jet.outputs()));
        }
        return new Jet(value, derivatives);
    }

    /** Autograd's gradient of every leaf against the one the JVM accumulated into {@code jet}. */
    public static void assertGradients(Jet leaves, JetWithGradients jet, Library library, String what) {
        assertGradient(leaves.value(), jet.valueGradient(), what + " ∂/∂u");
        for (Partial p : library.derivativeSet().partials()) {
            assertGradient(leaves.derivative(p), jet.derivativeGradient(p), what + " ∂/∂u_" + p.suffix());
        }
    }

    /** The hand-written gradient is accumulated in float32: compare relative to the largest magnitude. */
    private static void assertGradient(NDArray leaf, float[] actual, String what) {
        double[] expected = leaf.getGradient().toDoubleArray();
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * scale + 1e-12, what + " at " + i);
        }
    }

    private static NDArray leaf(NDManager m, float[] values, int n, int outputs) {
        NDArray array = m.create(toDoubles(values), new Shape(n, outputs));
        array.setRequiresGradient(true);
        return array;
    }

    public static double[] toDoubles(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    public static void fill(float[] a, Random r) {
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextFloat() * 2 - 1;
        }
    }

    public static void fill(double[] a, Random r) {
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble() * 2 - 1;
        }
    }
}
