package org.deepmod.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsampleTest {

    @Test
    void shortSeriesPassThrough() {
        double[] x = {0, 1, 2};
        double[] y = {5, 6, 7};
        double[][] out = Downsample.minMax(x, y, 1);
        assertSame(x, out[0]);
        assertSame(y, out[1]);
    }

    @Test
    void keepsEndsExtremesAndJumpsInOrder() {
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        Random random = new Random(3);
        for (int i = 0; i < n; i++) {
            x[i] = 25.0 * i;
            y[i] = (i < 6_001 ? 1 : 0) + 0.01 * random.nextGaussian(); // a term masked out at entry 6001
        }
        y[1234] = 5;
        y[8765] = -5;
        double[][] out = Downsample.minMax(x, y, 100);

        assertTrue(out[0].length <= 400, out[0].length + " points");
        assertEquals(x[0], out[0][0]);
        assertEquals(x[n - 1], out[0][out[0].length - 1]);
        assertEquals(5, Arrays.stream(out[1]).max().orElseThrow());
        assertEquals(-5, Arrays.stream(out[1]).min().orElseThrow());
        for (int k = 1; k < out[0].length; k++) {
            assertTrue(out[0][k] > out[0][k - 1], "increasing x at " + k);
        }
        // the one jump stays within a bucket (100 entries) of where it was
        int jumps = 0;
        for (int k = 1; k < out[0].length; k++) {
            if (out[1][k - 1] > 0.5 && out[1][k] < 0.5) {
                assertTrue(out[0][k - 1] >= x[5_900] && out[0][k] <= x[6_100], "jump at " + out[0][k]);
                jumps++;
            }
        }
        assertEquals(1, jumps);
    }
}
