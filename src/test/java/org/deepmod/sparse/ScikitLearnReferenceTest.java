package org.deepmod.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our estimators against scikit-learn 1.2 on the fixed matrices of sklearn_reference.json. */
class ScikitLearnReferenceTest {

    static List<String> caseNames() {
        return Fixtures.caseNames();
    }

    private static Gram gramOf(JsonNode c) {
        double[][] x = Fixtures.matrix(c.get("x"));
        double[] y = Fixtures.vector(c.get("y"));
        return new Gram(x[0].length).fill(x, y, 0, x.length);
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void alphaGridIsScikitLearns(String name) {
        JsonNode c = Fixtures.referenceCase(name);
        double[] expected = Fixtures.vector(c.get("lassoPath").get("alphas"));
        double[] actual = AlphaGrid.descending(gramOf(c), 1.0, 1e-3, 100);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * expected[i], "alpha " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void lassoPathMatchesWithin1e6(String name) {
        JsonNode c = Fixtures.referenceCase(name);
        double[] alphas = Fixtures.vector(c.get("lassoPath").get("alphas"));
        double[][] expected = Fixtures.matrix(c.get("lassoPath").get("coefficients"));
        new ElasticNetPath(1000, 1e-4).run(gramOf(c), alphas, 1.0,
                (a, w) -> assertArrayEquals(expected[a], w, 1e-6, "alpha " + alphas[a]));
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void lassoCvChoosesScikitLearnsAlpha(String name) {
        JsonNode c = Fixtures.referenceCase(name);
        JsonNode expected = c.get("lassoCv");
        CrossValidatedElasticNet cv = CrossValidatedElasticNet.lassoDefaults()
                .fit(Fixtures.matrix(c.get("x")), Fixtures.vector(c.get("y")));
        assertEquals(expected.get("alpha").asDouble(), cv.alpha(), 1e-12 * cv.alpha());
        double[] expectedMse = Fixtures.vector(expected.get("meanMse"));
        double[] actualMse = cv.meanMse();
        for (int a = 0; a < expectedMse.length; a++) {
            assertEquals(expectedMse[a], actualMse[a], 1e-6 * expectedMse[a], "mean MSE at alpha " + a);
        }
        assertArrayEquals(Fixtures.vector(expected.get("coefficients")), cv.coefficients(), 1e-6);
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void elasticNetMatchesWithin1e8(String name) {
        JsonNode c = Fixtures.referenceCase(name);
        double[][] x = Fixtures.matrix(c.get("x"));
        double[] y = Fixtures.vector(c.get("y"));
        for (JsonNode expected : c.get("elasticNet")) {
            SparseEstimator enet = SparseEstimators.create("elastic-net", Map.of(
                    "alpha", expected.get("alpha").asText(), "l1-ratio", expected.get("l1Ratio").asText()), 0);
            assertArrayEquals(Fixtures.vector(expected.get("coefficients")), enet.fit(x, y).coefficients(), 1e-8,
                    "alpha " + expected.get("alpha") + ", l1 ratio " + expected.get("l1Ratio"));
        }
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void ridgeMatchesWithin1e8(String name) {
        JsonNode c = Fixtures.referenceCase(name);
        double[][] x = Fixtures.matrix(c.get("x"));
        double[] y = Fixtures.vector(c.get("y"));
        for (JsonNode expected : c.get("ridge")) {
            SparseEstimator ridge = SparseEstimators.create("ridge", Map.of("alpha", expected.get("alpha").asText()), 0);
            assertArrayEquals(Fixtures.vector(expected.get("coefficients")), ridge.fit(x, y).coefficients(), 1e-8,
                    "alpha " + expected.get("alpha"));
        }
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void elasticNetCvChoosesScikitLearnsRatioAndAlpha(String name) {
        JsonNode c = Fixtures.referenceCase(name);
        JsonNode expected = c.get("elasticNetCv");
        CrossValidatedElasticNet cv = (CrossValidatedElasticNet) SparseEstimators.create("elastic-net-cv",
                Map.of("l1-ratio", "0.2,0.5,0.9"), 0);
        cv.fit(Fixtures.matrix(c.get("x")), Fixtures.vector(c.get("y")));
        assertEquals(expected.get("l1Ratio").asDouble(), cv.l1Ratio());
        assertEquals(expected.get("alpha").asDouble(), cv.alpha(), 1e-12 * cv.alpha());
        assertArrayEquals(Fixtures.vector(expected.get("coefficients")), cv.coefficients(), 1e-6);
    }

    @org.junit.jupiter.api.Test
    void lassoCvOnTheNormalisedBurgersLibraryIsScikitLearns() {
        Fixtures.Library burgers = Fixtures.burgers();
        JsonNode expected = Fixtures.reference().get("burgersNormalizedLassoCv");
        CrossValidatedElasticNet cv = CrossValidatedElasticNet.lassoDefaults();
        NormalizedFit fit = UnitNormFit.fit(cv, burgers.theta(), burgers.ut(), ZeroColumns.REJECT);
        assertEquals(expected.get("alpha").asDouble(), cv.alpha(), 1e-12 * cv.alpha());
        assertArrayEquals(Fixtures.vector(expected.get("coefficients")), fit.normalizedCoefficients(), 1e-6);
    }
}
