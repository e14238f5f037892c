package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;

class GridTest {

    @Test
    void linspaceIncludesBothEndsEvenlySpaced() {
        Axis axis = Axis.linspace(-3, 4, 100);
        assertEquals(100, axis.size());
        assertEquals(-3, axis.value(0));
        assertEquals(4, axis.value(99));
        assertEquals(-3 + 7.0 * 37 / 99, axis.value(37), 1e-15);
        assertArrayEquals(new double[] {2}, Axis.linspace(2, 5, 1).values());
    }

    @Test
    void refusesEmptyOrNonFiniteAxes() {
        assertThrows(BadInputException.class, () -> Axis.linspace(0, 1, 0));
        assertThrows(BadInputException.class, () -> Axis.of());
        BadInputException e = assertThrows(BadInputException.class, () -> Axis.of(0, Double.NaN));
        assertTrue(e.getMessage().contains("axis value 1"), e.getMessage());
    }

    /** Spatial axes outermost, time fastest: as burgers_delta's meshgrid(x, t) and the PDE-FIND file. */
    @Test
    void samplesWithTimeFastest() {
        BurgersDelta solution = new BurgersDelta(0.1, 1);
        Grid grid = Grid.of(Axis.linspace(0.5, 5, 50), Axis.linspace(-3, 4, 100));
        Dataset data = grid.sample(solution);

        assertEquals(5000, data.size());
        assertEquals(List.of("t", "x"), data.coordNames());
        assertEquals(List.of("u"), data.targetNames());
        assertEquals(0.5 + 4.5 / 49, data.coord(1, 0), 1e-15);
        assertEquals(-3, data.coord(1, 1));
        assertEquals(-3 + 7.0 / 99, data.coord(50, 1), 1e-15);
        int row = grid.flatIndex(7, 42);
        assertEquals(42 * 50 + 7, row);
        assertEquals(solution.value(data.coord(row, 0), new double[] {data.coord(row, 1)}), data.target(row, 0));
    }

    /** deepymod.md §3.1: the notebooks' Burgers domain gives u in [0, 1.168], mean 0.1414, std 0.1898. */
    @Test
    void reproducesTheReferenceBurgersStatistics() {
        Dataset data = Grid.of(Axis.linspace(0.5, 5, 50), Axis.linspace(-3, 4, 100)).sample(new BurgersDelta(0.1, 1));
        double[] u = data.targetColumn(0);
        double mean = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : u) {
            mean += v / u.length;
            max = Math.max(max, v);
        }
        double var = 0;
        for (double v : u) {
            var += (v - mean) * (v - mean) / (u.length - 1);
        }
        assertEquals(0.1414, mean, 5e-5);
        assertEquals(0.1898, Math.sqrt(var), 5e-5);
        assertEquals(1.168, max, 5e-4);
    }

    @Test
    void samplesIn2DWithYInsideXAndTimeFastest() {
        AdvectionDiffusion2D solution = new AdvectionDiffusion2D(0.5, 0, 0, 0.5, 0.25, 0.5);
        Grid grid = Grid.of(Axis.linspace(0, 1, 3), Axis.linspace(-1, 1, 4), Axis.of(-2, 0, 2, 4, 6));
        Dataset data = grid.sample(solution);

        assertEquals(60, data.size());
        assertEquals(List.of("t", "x", "y"), data.coordNames());
        int row = grid.flatIndex(2, 1, 3);
        assertEquals((1 * 5 + 3) * 3 + 2, row);
        assertArrayEquals(new double[] {1, -1 + 2.0 / 3, 4}, data.coords()[row], 1e-15);
        assertEquals(solution.value(1, new double[] {-1 + 2.0 / 3, 4}), data.target(row, 0), 1e-15);
    }

    @Test
    void refusesASolutionOfOtherDimension() {
        Grid grid = Grid.of(Axis.linspace(0, 1, 3), Axis.linspace(-1, 1, 4));
        BadInputException e = assertThrows(BadInputException.class,
                () -> grid.sample(new AdvectionDiffusion2D(0.5, 0, 0, 0.5, 0.25, 0.5)));
        assertTrue(e.getMessage().contains("advection-diffusion-2d has 2 spatial dimension(s) but the grid has 1"),
                e.getMessage());
    }

    @Test
    void burgersDeltaOnAGridStartingAtTimeZeroIsRefused() {
        Grid grid = Grid.of(Axis.linspace(0, 1, 3), Axis.linspace(-1, 1, 4));
        BadInputException e = assertThrows(BadInputException.class, () -> grid.sample(new BurgersDelta(0.1, 1)));
        assertTrue(e.getMessage().contains("t > 0"), e.getMessage());
    }
}
