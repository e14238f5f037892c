package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** InteriorPoints: uniform points inside a dataset's coordinate box less a margin, following the seed. */
class InteriorPointsTest {
    /** t in [0.5, 5], x in [-3, 4]: the Burgers grid. */
    private static final Dataset BURGERS = Grid.of(Axis.linspace(0.5, 5, 50), Axis.linspace(-3, 4, 100))
            .sample(new BurgersDelta(0.1, 1.0));

    @ParameterizedTest(name = "margin {0}")
    @ValueSource(doubles = {0.0, 0.1, 0.25})
    void pointsFillTheBoxLessTheMargin(double margin) {
        int n = 20_000;
        double[] points = InteriorPoints.uniform(BURGERS, n, margin, 3);
        assertEquals(2 * n, points.length);
        double[][] box = {{0.5, 5}, {-3, 4}};
        for (int c = 0; c < 2; c++) {
            double width = box[c][1] - box[c][0];
            double lo = box[c][0] + margin * width;
            double hi = box[c][1] - margin * width;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double[] quarters = new double[4];
            for (int i = 0; i < n; i++) {
                double v = points[2 * i + c];
                assertTrue(v >= lo && v <= hi, "coordinate " + c + " = " + v + " outside [" + lo + ", " + hi + "]");
                min = Math.min(min, v);
                max = Math.max(max, v);
                quarters[Math.min(3, (int) ((v - lo) / (hi - lo) * 4))]++;
            }
            // uniform: the ends are reached within 0.1 % of the range, and each quarter holds a quarter of the
            // points (binomial standard deviation 0.3 % of n)
            assertEquals(lo, min, 1e-3 * width);
            assertEquals(hi, max, 1e-3 * width);
            for (double q : quarters) {
                assertEquals(0.25, q / n, 0.015, "coordinate " + c + " quarters " + Arrays.toString(quarters));
            }
        }
    }

    @Test
    void theSeedDecidesThePoints() {
        assertArrayEquals(InteriorPoints.uniform(BURGERS, 100, 0.1, 7), InteriorPoints.uniform(BURGERS, 100, 0.1, 7));
        assertFalse(Arrays.equals(InteriorPoints.uniform(BURGERS, 100, 0.1, 7),
                InteriorPoints.uniform(BURGERS, 100, 0.1, 8)));
    }

    @Test
    void aMarginOfHalfTheRangeLeavesNothingAndIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InteriorPoints.uniform(BURGERS, 10, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> InteriorPoints.uniform(BURGERS, 0, 0.1, 1));
    }
}
