package org.deepmod.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparseEstimatorsTest {

    @Test
    void theBuiltInsAreRegisteredUnderTheirNames() {
        assertTrue(SparseEstimators.names().containsAll(List.of("lasso", "lasso-cv", "elastic-net", "elastic-net-cv",
                "threshold")), SparseEstimators.names().toString());
    }

    @Test
    void aUsersProviderOnTheClasspathIsFoundLikeTheBuiltIns() {
        // registered in src/test/resources/META-INF/services, exactly as a user's jar would
        SparseEstimator estimator = SparseEstimators.create("keep-largest", Map.of("count", "1"), 0);
        assertInstanceOf(KeepLargestProvider.KeepLargest.class, estimator);
        double[] c = estimator.fit(new double[][] {{1, 0}, {0, 1}}, new double[] {1, 3}).coefficients();
        assertArrayEquals(new double[] {0, 3}, c);
        assertTrue(SparseEstimators.describe().contains("keep-largest"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo       | tol  | 1    | estimator 'foo' is unknown; known: lasso, lasso-cv",
        "threshold | threshhold | 1 | estimator threshold: parameter 'threshhold' is unknown; known: threshold, cv,",
        "threshold | threshold | -1 | estimator threshold: parameter 'threshold' must be a number >= 0, got '-1'",
        "lasso-cv  | cv   | 1.5  | estimator lasso-cv: parameter 'cv' must be an integer >= 2, got '1.5'",
        "lasso     | alpha | NaN | estimator lasso: parameter 'alpha' must be a number >= 0, got 'NaN'",
        "elastic-net-cv | l1-ratio | 0.5,x | parameter 'l1-ratio' must be numbers in",
    })
    void badNamesAndValuesAreBadInputNamingThem(String estimator, String parameter, String value, String message) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> SparseEstimators.create(estimator, Map.of(parameter, value), 0));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void describeListsEveryParameterWithItsDefault() {
        String help = SparseEstimators.describe();
        for (String name : SparseEstimators.names()) {
            for (EstimatorParameter parameter : SparseEstimators.provider(name).parameters()) {
                assertTrue(help.contains(parameter.name() + "=" + parameter.defaultValue()), name + " " + parameter);
            }
        }
    }

    @Test
    void anEstimatorIsReusableAcrossFitsOfDifferentShapes() {
        SparseEstimator lassoCv = SparseEstimators.create("lasso-cv", Map.of(), 0);
        double[][] x3 = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {0, 1, 1}, {1, 0, 1}};
        double[] y = {1, 0, 0, 1, 0, 1};
        double[] first = lassoCv.fit(x3, y).coefficients();
        double[][] x2 = {{1, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 1}};
        assertEquals(2, lassoCv.fit(x2, new double[] {1, 0, 1, 1, 0}).coefficients().length);
        assertArrayEquals(first, lassoCv.fit(x3, y).coefficients());
    }
}
