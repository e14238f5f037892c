package org.deepmod.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each parameter declared once, with its domain; values checked against it when resolved, then read by name. */
class EstimatorParametersTest {
    private static final List<EstimatorParameter> DECLARED = List.of(
            EstimatorParameter.integer("folds", "5", 2, "folds"),
            EstimatorParameter.numberAbove("pi", "0.9", 0.5, 1, "probability"),
            EstimatorParameter.nonNegativeOrAuto("penalty", "auto", "penalty"),
            EstimatorParameter.numbers("ratios", "0.5", 0, 1, "ratios"),
            EstimatorParameter.flag("refit", "true", "refit"));

    @Test
    void defaultsAndGivenValuesAreReadTypedByName() {
        EstimatorParameters p = EstimatorParameters.resolve("e", DECLARED, Map.of("ratios", "0.2, 1", "penalty", "3"));
        assertEquals(5, p.integer("folds"));
        assertEquals(0.9, p.number("pi"));
        assertEquals(3.0, p.numberOrAuto("penalty"));
        assertArrayEquals(new double[] {0.2, 1.0}, p.numbers("ratios"));
        assertEquals(true, p.flag("refit"));
        assertNull(EstimatorParameters.resolve("e", DECLARED, Map.of()).numberOrAuto("penalty"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "folds   | 1     | parameter 'folds' must be an integer >= 2, got '1'",
        "folds   | 2.5   | parameter 'folds' must be an integer >= 2, got '2.5'",
        "pi      | 0.5   | parameter 'pi' must be a number in (0.5, 1], got '0.5'",
        "penalty | -1    | parameter 'penalty' must be a number >= 0 or auto, got '-1'",
        "ratios  | 0.5,2 | parameter 'ratios' must be numbers in [0, 1] separated by commas, got '0.5,2'",
        "refit   | yes   | parameter 'refit' must be true or false, got 'yes'"})
    void aValueOutsideItsDomainIsRefusedWhenResolved(String name, String value, String message) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> EstimatorParameters.resolve("e", DECLARED, Map.of(name, value)));
        assertEquals("estimator e: " + message, e.getMessage());
    }

    @Test
    void readingAParameterAsAnotherTypeThanDeclaredIsAProgrammingError() {
        EstimatorParameters p = EstimatorParameters.resolve("e", DECLARED, Map.of());
        assertThrows(IllegalArgumentException.class, () -> p.number("folds"));
        assertThrows(IllegalArgumentException.class, () -> p.integer("nope"));
    }
}
