package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Subsample.random and TrainTestSplit: which points end up where. */
class SamplingTest {

    /** 5000 points whose x coordinate is their row number, so rows can be traced. */
    private static final Dataset DATA = Grid.of(Axis.of(0), Axis.linspace(0, 4999, 5000))
            .sample(new DiffusionGaussian(0.5, 0, 0.5));

    private static Set<Double> xs(Dataset d) {
        Set<Double> xs = new HashSet<>();
        for (double x : d.coordColumn(1)) {
            xs.add(x);
        }
        return xs;
    }

    @Test
    void subsampleGivesDistinctPointsOfTheData() {
        Dataset sample = Subsample.random(DATA, 1000, 5);
        assertEquals(1000, sample.size());
        assertEquals(1000, xs(sample).size());
        for (int i = 0; i < sample.size(); i++) {
            int row = (int) sample.coord(i, 1);
            assertEquals(DATA.coord(row, 0), sample.coord(i, 0));
            assertEquals(DATA.target(row, 0), sample.target(i, 0));
        }
    }

    @Test
    void subsampleIsSeeded() {
        assertArrayEquals(Subsample.random(DATA, 100, 5).coordsFlat(), Subsample.random(DATA, 100, 5).coordsFlat());
        assertFalse(Arrays.equals(Subsample.random(DATA, 100, 5).coordsFlat(),
                Subsample.random(DATA, 100, 6).coordsFlat()));
    }

    @Test
    void subsampleOfAllPointsIsAPermutation() {
        assertEquals(xs(DATA), xs(Subsample.random(DATA, 5000, 1)));
    }

    @Test
    void subsampleRefusesMoreSamplesThanPoints() {
        BadInputException e = assertThrows(BadInputException.class, () -> Subsample.random(DATA, 5001, 1));
        assertTrue(e.getMessage().contains("5001") && e.getMessage().contains("only 5000 points"), e.getMessage());
        assertThrows(BadInputException.class, () -> Subsample.random(DATA, 0, 1));
    }

    @ParameterizedTest(name = "train fraction {0}")
    @ValueSource(doubles = {0.8, 0.5, 0.333, 1.0})
    void splitPartitionsThePoints(double fraction) {
        TrainTestSplit.Split split = TrainTestSplit.split(DATA, fraction, 11);
        int trainSize = (int) Math.floor(fraction * 5000);
        assertEquals(trainSize, split.train().size());
        assertEquals(5000 - trainSize, split.test().size());
        Set<Double> train = xs(split.train());
        Set<Double> test = xs(split.test());
        assertEquals(trainSize, train.size());
        assertTrue(train.stream().noneMatch(test::contains));
        train.addAll(test);
        assertEquals(xs(DATA), train);
    }

    @Test
    void splitDefaultsToEightyPercentAndIsSeeded() {
        TrainTestSplit.Split split = TrainTestSplit.split(DATA, 3);
        assertEquals(4000, split.train().size());
        assertArrayEquals(split.train().coordsFlat(), TrainTestSplit.split(DATA, 0.8, 3).train().coordsFlat());
        assertFalse(Arrays.equals(split.train().coordsFlat(), TrainTestSplit.split(DATA, 4).train().coordsFlat()));
    }

    /** The train set is the first floor(f·N) of the permutation: a larger fraction extends it. */
    @Test
    void trainSetIsAPrefixOfOnePermutation() {
        double[] small = TrainTestSplit.split(DATA, 0.5, 9).train().coordColumn(1);
        double[] large = TrainTestSplit.split(DATA, 0.8, 9).train().coordColumn(1);
        assertArrayEquals(small, Arrays.copyOf(large, small.length));
    }

    @ParameterizedTest(name = "train fraction {0}")
    @ValueSource(doubles = {0, -0.5, 1.5, Double.NaN, 1e-5})
    void splitRefusesFractionsWithoutTrainingPoints(double fraction) {
        BadInputException e = assertThrows(BadInputException.class, () -> TrainTestSplit.split(DATA, fraction, 1));
        assertTrue(e.getMessage().contains("train fraction"), e.getMessage());
    }
}
