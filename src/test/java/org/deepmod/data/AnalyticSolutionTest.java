package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AnalyticSolutionTest {

    /** deepymod.md §3.1: float64 values of the reference repository's functions. */
    static Stream<Arguments> referenceValues() {
        AnalyticSolution delta = new BurgersDelta(0.1, 1);
        AnalyticSolution cos = new BurgersCos(0.1, 1, 2, 1);
        AnalyticSolution saw = new BurgersSawtooth(0.1);
        AnalyticSolution single = new KdvSingleSoliton(2, 0);
        AnalyticSolution twin = new KdvDoubleSoliton(5, 1, -5, -1);
        AnalyticSolution diffusion = new DiffusionGaussian(0.5, 0, 0.5);
        AnalyticSolution ad = new AdvectionDiffusion2D(0.5, 0, 0, 0.5, 0.25, 0.5);
        return Stream.of(
                Arguments.of(delta, 0.5, new double[] {0}, 0.497871724471194),
                Arguments.of(delta, 1, new double[] {0.5}, 0.68921301728464),
                Arguments.of(delta, 3, new double[] {-1}, 0.0492788417925458),
                Arguments.of(delta, 1, new double[] {2}, 0.00119335229734805),
                Arguments.of(cos, 0.5, new double[] {1}, 0.0636791899975366),
                Arguments.of(cos, 1, new double[] {2}, 0.10135993323204),
                Arguments.of(cos, 2, new double[] {4}, -0.0845985483180364),
                Arguments.of(saw, 0, new double[] {0.5}, 4.5),
                Arguments.of(saw, 0.1, new double[] {1}, 4.54545454545454),
                Arguments.of(saw, 0.5, new double[] {6}, 2.47787652706573),
                Arguments.of(single, 0.1, new double[] {0}, 0.980263675627483),
                Arguments.of(single, 0.5, new double[] {0.5}, 0.884724065480852),
                Arguments.of(twin, 0, new double[] {-5}, 2.0),
                Arguments.of(twin, 0.5, new double[] {0}, 0.503638849185722),
                Arguments.of(twin, 1, new double[] {2}, 0.561361716362507),
                Arguments.of(diffusion, 0, new double[] {0}, 0.797884560802865),
                Arguments.of(diffusion, 0.2, new double[] {0.3}, 0.538114086238454),
                Arguments.of(ad, 0, new double[] {0, 0}, 0.636619772367581),
                Arguments.of(ad, 0.2, new double[] {0.3, -0.2}, 0.298551206548411),
                Arguments.of(ad, 1, new double[] {1, 1}, 0.0919950398809934));
    }

    @ParameterizedTest(name = "{0} at t={1}, x={2}")
    @MethodSource("referenceValues")
    void matchesTheReferenceValues(AnalyticSolution solution, double t, double[] x, double expected) {
        assertEquals(expected, solution.value(t, x), 1e-9 * Math.abs(expected));
    }

    static Stream<Arguments> truths() {
        return Stream.of(
                Arguments.of(new BurgersDelta(0.1, 1), Map.of("u_xx", 0.1, "u*u_x", -1.0),
                        "u_t = 0.1*u_xx - u*u_x"),
                Arguments.of(new BurgersCos(0.05, 1, 2, 1), Map.of("u_xx", 0.05, "u*u_x", -1.0),
                        "u_t = 0.05*u_xx - u*u_x"),
                Arguments.of(new BurgersSawtooth(0.1), Map.of("u_xx", 0.1, "u*u_x", -1.0), "u_t = 0.1*u_xx - u*u_x"),
                Arguments.of(new KdvSingleSoliton(2, 0), Map.of("u_xxx", -1.0, "u*u_x", -6.0),
                        "u_t = -u_xxx - 6*u*u_x"),
                Arguments.of(new KdvDoubleSoliton(5, 1, -5, -1), Map.of("u_xxx", -1.0, "u*u_x", -6.0),
                        "u_t = -u_xxx - 6*u*u_x"),
                Arguments.of(new DiffusionGaussian(0.5, 0, 0.5), Map.of("u_xx", 0.5), "u_t = 0.5*u_xx"),
                Arguments.of(new AdvectionDiffusion2D(0.5, 0, 0, 0.5, 0.25, -0.5),
                        Map.of("u_xx", 0.5, "u_yy", 0.5, "u_x", -0.25, "u_y", 0.5),
                        "u_t = 0.5*u_xx + 0.5*u_yy - 0.25*u_x + 0.5*u_y"),
                Arguments.of(new AdvectionDiffusion2D(0.5, 0, 0, 0.5, 0, 0.5),
                        Map.of("u_xx", 0.5, "u_yy", 0.5, "u_y", -0.5),
                        "u_t = 0.5*u_xx + 0.5*u_yy - 0.5*u_y"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truths")
    void statesItsEquation(AnalyticSolution solution, Map<String, Double> truth, String equation) {
        assertEquals(truth, solution.truth());
        assertEquals(equation, solution.equation());
    }

    static Stream<Arguments> invalidArguments() {
        return Stream.of(
                Arguments.of((Supplier<?>) () -> new BurgersDelta(0, 1), "nu"),
                Arguments.of((Supplier<?>) () -> new BurgersDelta(0.1, Double.NaN), "a"),
                Arguments.of((Supplier<?>) () -> new BurgersDelta(0.1, 0), "a must be non-zero"),
                Arguments.of((Supplier<?>) () -> new BurgersCos(0.1, 2, 1, 1), "b must be greater than |a|"),
                Arguments.of((Supplier<?>) () -> new BurgersCos(0.1, -2, 1.5, 1), "b must be greater than |a|"),
                Arguments.of((Supplier<?>) () -> new BurgersSawtooth(-0.1), "nu"),
                Arguments.of((Supplier<?>) () -> new KdvSingleSoliton(0, 0), "c"),
                Arguments.of((Supplier<?>) () -> new KdvDoubleSoliton(1, 5, 0, 0), "c0 must be greater than c1"),
                Arguments.of((Supplier<?>) () -> new KdvDoubleSoliton(5, 5, 0, 0), "c0 must be greater than c1"),
                Arguments.of((Supplier<?>) () -> new KdvDoubleSoliton(5, 0, 0, 0), "c1"),
                Arguments.of((Supplier<?>) () -> new DiffusionGaussian(0.5, 0, 0), "sigma"),
                Arguments.of((Supplier<?>) () -> new AdvectionDiffusion2D(0.5, 0, 0, 0.5, Double.POSITIVE_INFINITY, 0),
                        "v0"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidArguments")
    void refusesInvalidArguments(Supplier<?> constructor, String problem) {
        BadInputException e = assertThrows(BadInputException.class, constructor::get);
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void burgersDeltaRefusesTheSingularInitialTime() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new BurgersDelta(0.1, 1).value(0, new double[] {0}));
        assertTrue(e.getMessage().contains("burgers-delta") && e.getMessage().contains("t > 0"), e.getMessage());
    }

    /** Parameters where the textbook forms overflow (e^R, cosh²) or cancel (0/0) must still give numbers. */
    @Test
    void extremeParametersGiveFiniteValues() {
        List<AnalyticSolution> hard = List.of(new BurgersDelta(0.001, 5), new BurgersDelta(0.001, -5),
                new BurgersSawtooth(1e-4), new KdvDoubleSoliton(50, 1, -5, -1), new KdvSingleSoliton(50, 0));
        for (AnalyticSolution solution : hard) {
            for (double t = 0.25; t <= 5; t += 0.25) {
                for (double x = -60; x <= 60; x += 0.37) {
                    double u = solution.value(t, new double[] {x});
                    assertTrue(Double.isFinite(u), solution + " at t=" + t + ", x=" + x + " gives " + u);
                }
            }
        }
    }

    /** The stable form must agree with the textbook formula where the latter still works (e^R finite). */
    @ParameterizedTest(name = "nu={0}, a={1}")
    @CsvSource({"0.02, 5", "0.1, 1", "0.1, -0.5"})
    void burgersDeltaStableFormAgreesWithTheTextbookForm(double nu, double a) {
        BurgersDelta solution = new BurgersDelta(nu, a);
        double t = 1.5;
        for (double x = -2; x <= 3; x += 0.1) {
            double z = x / Math.sqrt(4 * nu * t);
            double e = Math.expm1(a / (2 * nu));
            double textbook = Math.sqrt(nu / (Math.PI * t)) * e * Math.exp(-z * z)
                    / (1 + e / 2 * ErrorFunction.erfc(z));
            assertEquals(textbook, solution.value(t, new double[] {x}), 1e-12 * Math.abs(textbook), "x=" + x);
        }
    }
}
