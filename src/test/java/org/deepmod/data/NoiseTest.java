package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseTest {

    private static final Dataset BURGERS = Grid.of(Axis.linspace(0.5, 5, 250), Axis.linspace(-3, 4, 400))
            .sample(new BurgersDelta(0.1, 1)); // 10^5 points

    @ParameterizedTest(name = "level {0}")
    @ValueSource(doubles = {0.01, 0.1, 0.5, 1.0})
    void noiseHasTheRequestedStandardDeviation(double level) {
        double[] clean = BURGERS.targetsFlat();
        double[] noisy = Noise.gaussian(BURGERS, level, 7).targetsFlat();
        double[] noise = new double[clean.length];
        double mean = 0;
        for (int i = 0; i < clean.length; i++) {
            noise[i] = noisy[i] - clean[i];
            mean += noise[i] / clean.length;
        }
        double expected = level * Noise.unbiasedStd(clean);
        assertEquals(expected, Noise.unbiasedStd(noise), 0.03 * expected);
        assertEquals(0, mean, 5 * expected / Math.sqrt(clean.length));
    }

    /** The std is pooled over all fields, as the reference does, not taken per field. */
    @Test
    void standardDeviationIsPooledOverAllFields() {
        int n = 100_000;
        double[] coords = new double[2 * n];
        double[] targets = new double[2 * n];
        for (int i = 0; i < n; i++) {
            coords[2 * i + 1] = i;
            targets[2 * i] = i % 2;           // u: std 0.5
            targets[2 * i + 1] = 10 * (i % 2); // v: std 5
        }
        Dataset data = Dataset.ofRowMajor(coords, targets, List.of("t", "x"), List.of("u", "v"));
        Dataset noisy = Noise.gaussian(data, 0.1, 3);
        double[] noiseOnU = new double[n];
        for (int i = 0; i < n; i++) {
            noiseOnU[i] = noisy.target(i, 0) - data.target(i, 0);
        }
        double pooled = 0.1 * Noise.unbiasedStd(targets);
        assertEquals(pooled, Noise.unbiasedStd(noiseOnU), 0.03 * pooled);
    }

    @Test
    void sameSeedSameNoiseOtherSeedOtherNoise() {
        double[] a = Noise.gaussian(BURGERS, 0.1, 42).targetsFlat();
        assertArrayEquals(a, Noise.gaussian(BURGERS, 0.1, 42).targetsFlat());
        assertFalse(Arrays.equals(a, Noise.gaussian(BURGERS, 0.1, 43).targetsFlat()));
        assertArrayEquals(BURGERS.coordsFlat(), Noise.gaussian(BURGERS, 0.1, 42).coordsFlat());
    }

    /** java.util.Random's stream is fixed by its specification: this value holds on every JVM. */
    @Test
    void noiseStreamIsPinned() {
        Dataset two = Dataset.ofRowMajor(new double[] {0, 0, 0, 1}, new double[] {0, 1}, List.of("t", "x"),
                List.of("u"));
        double sigma = 0.5 * Math.sqrt(0.5);
        assertEquals(sigma * 1.1419053154730547, Noise.gaussian(two, 0.5, 42).target(0, 0), 1e-15);
    }

    @Test
    void levelZeroReturnsTheSameData() {
        assertSame(BURGERS, Noise.gaussian(BURGERS, 0, 42));
    }

    @Test
    void refusesANegativeLevel() {
        BadInputException e = assertThrows(BadInputException.class, () -> Noise.gaussian(BURGERS, -0.1, 1));
        assertTrue(e.getMessage().contains("noise level"), e.getMessage());
    }
}
