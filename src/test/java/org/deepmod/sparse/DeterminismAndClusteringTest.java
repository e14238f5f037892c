package org.deepmod.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DeterminismAndClusteringTest {

    static Stream<String> builtIns() {
        return SparseEstimators.names().stream()
                .filter(name -> SparseEstimators.provider(name) instanceof BuiltInEstimators.Provider);
    }

    /** Same seed, same output: twice on one instance (fit resets state) and on a fresh one. */
    @ParameterizedTest
    @MethodSource("builtIns")
    void theSameSeedGivesIdenticalOutput(String name) {
        Fixtures.Library burgers = Fixtures.burgers();
        SparseEstimator reused = SparseEstimators.create(name, Map.of(), 42);
        NormalizedFit first = UnitNormFit.fit(reused, burgers.theta(), burgers.ut(), ZeroColumns.EXCLUDE);
        NormalizedFit again = UnitNormFit.fit(reused, burgers.theta(), burgers.ut(), ZeroColumns.EXCLUDE);
        NormalizedFit fresh = UnitNormFit.fit(SparseEstimators.create(name, Map.of(), 42), burgers.theta(),
                burgers.ut(), ZeroColumns.EXCLUDE);
        for (NormalizedFit other : List.of(again, fresh)) {
            assertArrayEquals(first.coefficients(), other.coefficients());
            assertArrayEquals(first.probabilities(), other.probabilities());
        }
    }

    /** The seeds matter where the method is random: PDE-FIND's split and stability selection's resamples. */
    @ParameterizedTest
    @CsvSource({"pde-find", "stability-selection"})
    void anotherSeedDrawsAnotherSample(String name) {
        double[][] x = new double[60][];
        double[] y = new double[60];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            y[i] = x[i][0] + 0.3 * x[i][1] + random.nextGaussian();
        }
        double[] seed1 = outputOf(SparseEstimators.create(name, Map.of(), 1).fit(x, y));
        double[] seed2 = outputOf(SparseEstimators.create(name, Map.of(), 2).fit(x, y));
        assertFalse(java.util.Arrays.equals(seed1, seed2));
    }

    private static double[] outputOf(SparseEstimator estimator) {
        return estimator.selectionProbabilities() != null ? estimator.selectionProbabilities()
                : estimator.coefficients();
    }

    /** Exact two-means on |c|: the cluster of the largest value, deterministic; ties keep more terms. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.9 0.85 0.1 0.05 0     | 1 1 0 0 0",
        "0 0.02 1.0 0.01         | 0 0 1 0",
        "0.5 0.4 0.3 0.01        | 1 1 1 0",
        "3 2 1                   | 1 1 0",
        "0.2 0.2 0.2             | 1 1 1",
        "0 0 0                   | 0 0 0",
        "0.7                     | 1",
    })
    void clusteringKeepsTheClusterOfTheLargest(String magnitudes, String expected) {
        double[] values = Stream.of(magnitudes.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        String[] flags = expected.trim().split("\\s+");
        boolean[] keep = new boolean[flags.length];
        for (int j = 0; j < flags.length; j++) {
            keep[j] = flags[j].equals("1");
        }
        assertArrayEquals(keep, Clustering.clusterOfLargest(values));
    }
}
