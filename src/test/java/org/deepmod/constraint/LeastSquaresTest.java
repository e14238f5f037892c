package org.deepmod.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.deepmod.data.Axis;
import org.deepmod.data.BurgersDelta;
import org.deepmod.data.Dataset;
import org.deepmod.data.Grid;
import org.deepmod.library.LibraryColumns;
import org.junit.jupiter.api.Test;

/**
 * The reference's anchors (deepymod.md §5): least squares on the exact 12-term Burgers library returns
 * ξ = 0.1 for u_xx and −1 for u·u_x and 0 elsewhere; in normalised units u_xx 0.6478 and u·u_x −0.93303.
 * The library is built from the analytic solution by high-order central differences on the notebook grid.
 */
class LeastSquaresTest {
    private static final BurgersDelta BURGERS = new BurgersDelta(0.1, 1.0);

    static LibraryColumns exactBurgersLibrary() {
        Dataset grid = Grid.of(Axis.linspace(0.5, 5.0, 50), Axis.linspace(-3, 4, 100)).sample(BURGERS);
        int n = grid.size();
        double[][] columns = new double[12][n];
        double[][] ut = new double[1][n];
        for (int i = 0; i < n; i++) {
            double t = grid.coord(i, 0);
            double x = grid.coord(i, 1);
            double h = 1e-3;
            double u = BURGERS.value(t, new double[] {x});
            double[] d = new double[4];
            d[0] = 1;
            double[] f = new double[7];
            for (int k = -3; k <= 3; k++) {
                f[k + 3] = BURGERS.value(t, new double[] {x + k * h});
            }
            // sixth-order central stencils for the first three x-derivatives
            d[1] = (-f[0] + 9 * f[1] - 45 * f[2] + 45 * f[4] - 9 * f[5] + f[6]) / (60 * h);
            d[2] = (2 * f[0] - 27 * f[1] + 270 * f[2] - 490 * f[3] + 270 * f[4] - 27 * f[5] + 2 * f[6]) / (180 * h * h);
            d[3] = (f[0] - 8 * f[1] + 13 * f[2] - 13 * f[4] + 8 * f[5] - f[6]) / (8 * h * h * h);
            double ht = 1e-4;
            ut[0][i] = (BURGERS.value(t + ht, new double[] {x}) - BURGERS.value(t - ht, new double[] {x})) / (2 * ht);
            double[] poly = {1, u, u * u};
            for (int p = 0; p < 3; p++) {
                for (int q = 0; q < 4; q++) {
                    columns[p * 4 + q][i] = poly[p] * d[q];
                }
            }
        }
        return new LibraryColumns(columns, ut);
    }

    @Test
    void exactLibraryGivesTheTrueCoefficients() {
        LibraryColumns library = exactBurgersLibrary();
        boolean[] all = new boolean[12];
        Arrays.fill(all, true);
        double[] xi = new LeastSquares().solve(library, all, 0);
        double[] expected = new double[12];
        expected[2] = 0.1;
        expected[5] = -1.0;
        for (int j = 0; j < 12; j++) {
            assertEquals(expected[j], xi[j], 1e-4, "term " + j + " of " + Arrays.toString(xi));
        }
        double[] normalized = library.normalize(xi, 0);
        assertEquals(0.6478, normalized[2], 5e-4);
        assertEquals(-0.93303, normalized[5], 5e-4);
    }

    @Test
    void maskedSolveAndEmptyMask() {
        LibraryColumns library = exactBurgersLibrary();
        boolean[] mask = new boolean[12];
        mask[2] = true;
        mask[5] = true;
        double[] xi = new LeastSquares().solve(library, mask, 0);
        assertEquals(0.1, xi[2], 1e-4);
        assertEquals(-1.0, xi[5], 1e-4);
        assertEquals(0.0, xi[0]);
        double[] none = new LeastSquares().solve(library, new boolean[12], 0);
        assertEquals(0.0, Arrays.stream(none).map(Math::abs).sum());
    }

    /** The reference's Ridge(1e-3) on the exact library shrinks: u*u_x −0.89349, u^2*u_x −0.10506. */
    @Test
    void ridgeShrinksLikeTheReference() {
        boolean[] all = new boolean[12];
        Arrays.fill(all, true);
        double[] xi = new RidgeConstraint(1e-3).solve(exactBurgersLibrary(), all, 0);
        assertEquals(0.09854, xi[2], 2e-3);
        assertEquals(-0.89349, xi[5], 2e-2);
        assertEquals(-0.10506, xi[9], 2e-2);
    }
}
