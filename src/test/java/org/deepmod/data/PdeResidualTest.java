package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generator satisfies the equation its {@link AnalyticSolution#truth()} states: derivatives by central
 * finite differences in float64 (step 1e-4 in t, 1e-3 in space, so truncation and rounding errors are both
 * around 1e-6), evaluated at interior nodes of a lattice over the domain; the residual
 * ‖u_t − Σ c·term‖ / ‖u_t‖ must stay below 1e-3.
 */
class PdeResidualTest {

    private static final double HT = 1e-4;
    private static final double HX = 1e-3;

    static Stream<Arguments> solutions() {
        return Stream.of(
                Arguments.of(new BurgersDelta(0.1, 1), new double[] {0.5, 5}, new double[][] {{-3, 4}}),
                Arguments.of(new BurgersDelta(0.01, 2), new double[] {0.5, 5}, new double[][] {{-3, 4}}),
                Arguments.of(new BurgersCos(0.1, 1, 2, 1), new double[] {0, 5}, new double[][] {{-4, 4}}),
                Arguments.of(new BurgersSawtooth(0.1), new double[] {0, 0.5}, new double[][] {{0, 2 * Math.PI}}),
                Arguments.of(new KdvSingleSoliton(2, 0), new double[] {0, 1}, new double[][] {{-5, 5}}),
                Arguments.of(new KdvDoubleSoliton(5, 1, -5, -1), new double[] {0, 2}, new double[][] {{-10, 10}}),
                Arguments.of(new DiffusionGaussian(0.5, 0, 0.5), new double[] {0, 1}, new double[][] {{-3, 3}}),
                Arguments.of(new AdvectionDiffusion2D(0.5, 0, 0, 0.5, 0.25, 0.5), new double[] {0, 1},
                        new double[][] {{-2, 2.5}, {-2, 2.5}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solutions")
    void satisfiesItsOwnEquation(AnalyticSolution solution, double[] time, double[][] space) {
        double residual = relativeResidual(solution, solution.truth(), time, space);
        assertTrue(residual < 1e-3, solution + ": relative residual " + residual);
    }

    /** The check can fail: the KdV docstring's sign and a wrong viscosity leave large residuals. */
    static Stream<Arguments> wrongEquations() {
        return Stream.of(
                Arguments.of(new KdvDoubleSoliton(5, 1, -5, -1), Map.of("u_xxx", -1.0, "u*u_x", 6.0),
                        new double[] {0, 2}, new double[][] {{-10, 10}}),
                Arguments.of(new BurgersDelta(0.1, 1), Map.of("u_xx", 0.12, "u*u_x", -1.0),
                        new double[] {0.5, 5}, new double[][] {{-3, 4}}));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("wrongEquations")
    void detectsAWrongEquation(AnalyticSolution solution, Map<String, Double> wrong, double[] time, double[][] space) {
        double residual = relativeResidual(solution, wrong, time, space);
        assertTrue(residual > 1e-2, solution + " with " + wrong + ": relative residual only " + residual);
    }

    private static double relativeResidual(AnalyticSolution solution, Map<String, Double> equation, double[] time,
                                           double[][] space) {
        int nodes = space.length == 1 ? 60 : 24;
        double residual2 = 0;
        double ut2 = 0;
        for (double t : interior(time, nodes)) {
            for (double x : interior(space[0], nodes)) {
                for (double y : space.length == 1 ? new double[] {Double.NaN} : interior(space[1], nodes)) {
                    double[] point = space.length == 1 ? new double[] {x} : new double[] {x, y};
                    Stencil d = new Stencil(solution, t, point);
                    double ut = d.ut();
                    double rhs = 0;
                    for (Map.Entry<String, Double> term : equation.entrySet()) {
                        rhs += term.getValue() * d.term(term.getKey());
                    }
                    residual2 += (ut - rhs) * (ut - rhs);
                    ut2 += ut * ut;
                }
            }
        }
        return Math.sqrt(residual2 / ut2);
    }

    /** n nodes strictly inside [lo, hi], away from the ends by more than a stencil's reach. */
    private static double[] interior(double[] range, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = range[0] + (range[1] - range[0]) * (i + 1) / (n + 1);
        }
        return values;
    }

    /** Central differences of u around one point. */
    private record Stencil(AnalyticSolution solution, double t, double[] x) {

        double u(double dt, int axis, double dx) {
            double[] shifted = x.clone();
            if (axis >= 0) {
                shifted[axis] += dx;
            }
            return solution.value(t + dt, shifted);
        }

        double ut() {
            return (u(HT, -1, 0) - u(-HT, -1, 0)) / (2 * HT);
        }

        double derivative(int axis, int order) {
            double h = HX;
            return switch (order) {
                case 0 -> u(0, -1, 0);
                case 1 -> (u(0, axis, h) - u(0, axis, -h)) / (2 * h);
                case 2 -> (u(0, axis, h) - 2 * u(0, axis, 0) + u(0, axis, -h)) / (h * h);
                case 3 -> (u(0, axis, 2 * h) - 2 * u(0, axis, h) + 2 * u(0, axis, -h) - u(0, axis, -2 * h))
                        / (2 * h * h * h);
                default -> throw new IllegalArgumentException("order " + order);
            };
        }

        /** A product of factors u, u_x, u_xx, u_xxx, u_y, u_yy joined by '*'. */
        double term(String name) {
            double product = 1;
            for (String factor : name.split("\\*")) {
                if (factor.equals("u")) {
                    product *= derivative(0, 0);
                } else if (factor.matches("u_x+")) {
                    product *= derivative(0, factor.length() - 2);
                } else if (factor.matches("u_y+")) {
                    product *= derivative(1, factor.length() - 2);
                } else {
                    throw new IllegalArgumentException("factor " + factor);
                }
            }
            return product;
        }
    }
}
