package org.deepmod.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deepmod.nn.DjlEnvironment;
import org.deepmod.nn.Jet;
import org.deepmod.nn.JetWithGradients;
import org.deepmod.nn.Scalars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A library of named terms: naming a built-in library's terms (in any order of factors, shuffled) gives the
 * same names and the same Θ, on DJL and on the JVM; terms with functions, quotients and coordinates give the
 * same Θ and gradient on the JVM as through autograd; per-field lists limit each field's candidates.
 */
class TermsLibraryTest {
    @BeforeAll
    static void engine() {
        DjlEnvironment.init();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1d-burgers", "1d-two-outputs", "2d", "ode-two-outputs"})
    void namingABuiltInLibrarysTermsGivesItsNamesAndTheta(String kind) {
        Library builtIn = switch (kind) {
            case "1d-burgers" -> new Library1D(2, 3);
            case "1d-two-outputs" -> new Library1D(1, 2, 2);
            case "ode-two-outputs" -> Library1D.ode(2, 2);
            default -> new Library2D(2);
        };
        int dims = kind.startsWith("2d") ? 2 : kind.startsWith("ode") ? 0 : 1;
        // named as a user might: the factors of each product reversed ("u_x*u" for u*u_x)
        List<String> named = new ArrayList<>();
        for (String name : builtIn.termNames()) {
            List<String> factors = new ArrayList<>(List.of(name.split("\\*")));
            Collections.reverse(factors);
            named.add(String.join("*", factors));
        }
        TermsLibrary terms = TermsLibrary.of(Map.of("", named), builtIn.outputs(), dims, 4);
        assertEquals(builtIn.termNames(), terms.termNames());
        assertEquals(builtIn.terms(), terms.terms());
        assertEquals(builtIn.derivativeSet(), terms.derivativeSet());

        int n = 41;
        JetWithGradients jet = RandomJets.random(builtIn, n, new Random(5));
        assertColumnsEqual(new HandWrittenTerms(builtIn).evaluate(jet), new HandWrittenTerms(terms).evaluate(jet), 0);
        try (NDManager m = NDManager.newBaseManager()) {
            Jet leaves = RandomJets.leaves(m, jet, builtIn);
            Scalars scalars = new Scalars(m, DataType.FLOAT64);
            LibraryColumns expected = LibraryColumns.copyOf(builtIn.evaluate(leaves, scalars));
            LibraryColumns actual = LibraryColumns.copyOf(terms.evaluate(leaves, scalars));
            assertColumnsEqual(expected, actual, 0);
        }
    }

    /**
     * Functions, quotients, powers of sums and coordinates, two fields: the hand-written Θ and gradient (what the
     * hand-written step uses) equal autograd's through the DJL evaluation (what the autograd step uses).
     */
    @Test
    void functionsAndCoordinatesHaveTheSameValuesAndGradientsOnBothPaths() {
        List<String> named = List.of("1", "u_xx", "u*u_x", "sin(u)", "x*u_x", "u/(1+u^2)", "exp(-v)*u_x",
                "log(2+cos(v_x))", "t*x*v", "u_x*v_x/(1.5+sin(x))", "(1+u*v)^3");
        TermsLibrary library = TermsLibrary.of(Map.of("", named), 2, 1, 3);
        int n = 37;
        int outputs = 2;
        Random r = new Random(17);
        JetWithGradients jet = RandomJets.random(library, n, r);
        double[] coords = new double[n * 2];
        RandomJets.fill(coords, r);
        HandWrittenTerms terms = new HandWrittenTerms(library, coords, 2);
        LibraryColumns evaluated = terms.evaluate(jet);
        int f = library.termCount();
        double[][] thetaWeights = new double[f][n];
        double[][] timeWeights = new double[outputs][n];
        for (double[] row : thetaWeights) {
            RandomJets.fill(row, r);
        }
        for (double[] row : timeWeights) {
            RandomJets.fill(row, r);
        }
        terms.backward(jet, thetaWeights, timeWeights);
        try (NDManager m = NDManager.newBaseManager()) {
            boolean previous = JniUtils.isGradMode();
            try {
                JniUtils.setGradMode(true);
                Jet leaves = RandomJets.leaves(m, jet, library);
                NDArray coordArray = m.create(coords, new Shape(n, 2));
                LibraryValues values = library.evaluate(leaves, coordArray, new Scalars(m, DataType.FLOAT64));
                LibraryColumns autograd = LibraryColumns.copyOf(values);
                assertColumnsEqual(autograd, evaluated, 1e-6);
                double[] weights = new double[n * f];
                for (int j = 0; j < f; j++) {
                    for (int i = 0; i < n; i++) {
                        weights[i * f + j] = thetaWeights[j][i];
                    }
                }
                double[] timeFlat = new double[n * outputs];
                for (int k = 0; k < outputs; k++) {
                    for (int i = 0; i < n; i++) {
                        timeFlat[i * outputs + k] = timeWeights[k][i];
                    }
                }
                NDArray loss = values.theta().mul(m.create(weights, new Shape(n, f))).sum()
                        .add(values.timeDerivatives().mul(m.create(timeFlat, new Shape(n, outputs))).sum());
                JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                RandomJets.assertGradients(leaves, jet, library, "named terms");
            } finally {
                JniUtils.setGradMode(previous);
            }
        }
        assertThrows(IllegalStateException.class, () -> library.evaluate(null, null),
                "x*u_x cannot be evaluated without the coordinates");
    }

    @Test
    void perFieldListsShareOneThetaAndLimitEachFieldsCandidates() {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        byField.put("u", List.of("u_xx", "u_x*v_x", "u*v_xx", "u", "v", "v_xx"));
        byField.put("v", List.of("v_xx", "u", "v", "u_xx"));
        TermsLibrary library = TermsLibrary.of(byField, 2, 1, 2);
        assertEquals(List.of("u_xx", "u_x*v_x", "u*v_xx", "u", "v", "v_xx"), library.termNames());
        boolean[][] candidates = library.candidates();
        assertArrayEquals(new boolean[] {true, true, true, true, true, true}, candidates[0]);
        assertArrayEquals(new boolean[] {true, false, false, true, true, true}, candidates[1]);
        assertNull(TermsLibrary.of(Map.of("", List.of("u", "v")), 2, 1, 2).candidates());

        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> TermsLibrary.of(Map.of("", List.of("u*u_x", "u_x*u")), 1, 1, 3));
        assertEquals("[1]: 'u_x*u' is the term 'u*u_x' again", repeated.getMessage());
        IllegalArgumentException field = assertThrows(IllegalArgumentException.class,
                () -> TermsLibrary.of(Map.of("q", List.of("u")), 1, 1, 3));
        assertTrue(field.getMessage().startsWith("q: not a field of the data"), field.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TermsLibrary.of(Map.of("u", List.of("u")), 2, 1, 3));
        assertEquals("v: no terms named for this field", missing.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TermsLibrary.of(Map.of("v", List.of("u", "u^")), 2, 1, 3));
        assertTrue(bad.getMessage().startsWith("v[1]: 'u^': an exponent"), bad.getMessage());
    }

    private static void assertColumnsEqual(LibraryColumns expected, LibraryColumns actual, double relative) {
        assertEquals(expected.terms(), actual.terms());
        for (int j = 0; j < expected.terms(); j++) {
            for (int i = 0; i < expected.samples(); i++) {
                double e = expected.column(j)[i];
                assertEquals(e, actual.column(j)[i], relative * (1 + Math.abs(e)), "column " + j + " at " + i);
            }
        }
        for (int k = 0; k < expected.outputs(); k++) {
            assertArrayEquals(expected.timeDerivative(k), actual.timeDerivative(k), 0);
        }
    }
}
