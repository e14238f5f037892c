package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    private static final Dataset DATA = Grid.of(Axis.linspace(0.5, 5, 50), Axis.linspace(-3, 4, 100))
            .sample(new BurgersDelta(0.1, 1));

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElseThrow();
    }

    @Test
    void mapsEveryColumnOntoMinusOneToOne() {
        Normalization.Result result = Normalization.minMax(DATA, true, true);
        Dataset n = result.data();
        for (int j = 0; j < 2; j++) {
            assertEquals(-1, min(n.coordColumn(j)), 1e-15);
            assertEquals(1, max(n.coordColumn(j)), 1e-15);
        }
        assertEquals(-1, min(n.targetColumn(0)), 1e-15);
        assertEquals(1, max(n.targetColumn(0)), 1e-15);
        // the reference's (X − min)/(max − min)·2 − 1, here for x = 0.5 on [-3, 4]
        double x = DATA.coord(57 * 50, 1);
        assertEquals((x + 3) / 7 * 2 - 1, n.coord(57 * 50, 1), 1e-15);
        assertEquals(2.0 / 7, result.scaling().coordScale(1), 1e-15);
        assertEquals(-1 + 6.0 / 7, result.scaling().coordOffset(1), 1e-15);
    }

    @Test
    void scalingReproducesAndInvertsTheNormalisation() {
        Normalization.Result result = Normalization.minMax(DATA, true, true);
        assertArrayEquals(result.data().targetsFlat(), result.scaling().apply(DATA).targetsFlat(), 0);
        Dataset back = result.scaling().invert(result.data());
        assertArrayEquals(DATA.coordsFlat(), back.coordsFlat(), 1e-14);
        assertArrayEquals(DATA.targetsFlat(), back.targetsFlat(), 1e-15);
    }

    @Test
    void unselectedColumnsKeepTheirValues() {
        Normalization.Result coordsOnly = Normalization.minMax(DATA, true, false);
        assertArrayEquals(DATA.targetsFlat(), coordsOnly.data().targetsFlat(), 0);
        assertArrayEquals(new double[] {1}, coordsOnly.scaling().targetScale());
        assertArrayEquals(new double[] {0}, coordsOnly.scaling().targetOffset());
        Normalization.Result targetsOnly = Normalization.minMax(DATA, false, true);
        assertArrayEquals(DATA.coordsFlat(), targetsOnly.data().coordsFlat(), 0);
        assertEquals(Scaling.identity(2, 1), Normalization.minMax(DATA, false, false).scaling());
    }

    @Test
    void aConstantColumnIsShiftedToZero() {
        Dataset slice = Dataset.ofRowMajor(new double[] {2, -1, 2, 3}, new double[] {5, 7}, List.of("t", "x"),
                List.of("u"));
        Normalization.Result result = Normalization.minMax(slice, true, true);
        assertArrayEquals(new double[] {0, -1, 0, 1}, result.data().coordsFlat(), 1e-15);
        assertArrayEquals(slice.coordsFlat(), result.scaling().invert(result.data()).coordsFlat(), 1e-15);
    }

    @Test
    void scalingIsImmutable() {
        Scaling scaling = Normalization.minMax(DATA, true, true).scaling();
        scaling.coordScale()[0] = 99;
        assertEquals(2 / 4.5, scaling.coordScale(0), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new Scaling(new double[] {0}, new double[] {0},
                new double[] {1}, new double[] {0}));
    }
}
