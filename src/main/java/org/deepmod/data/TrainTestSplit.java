package org.deepmod.data;

import java.util.Arrays;

import org.deepmod.BadInputException;

/**
 * Splits points into a training and a test set as DeePyMoD does: a seeded random permutation, the first
 * floor(f·N) points train, the rest test, each in permutation order. The test set only ever measures the test
 * MSE; it never reaches the sparse estimator.
 */
public final class TrainTestSplit {

    public static final double DEFAULT_TRAIN_FRACTION = 0.8;

    public record Split(Dataset train, Dataset test) {
    }

    private TrainTestSplit() {
    }

    public static Split split(Dataset data, long seed) {
        return split(data, DEFAULT_TRAIN_FRACTION, seed);
    }

    /** @param trainFraction in (0, 1]; 1 leaves the test set empty */
    public static Split split(Dataset data, double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction <= 1)) {
            throw new BadInputException("the train fraction must be in (0, 1], not " + trainFraction);
        }
        int trainSize = (int) Math.floor(trainFraction * data.size());
        if (trainSize < 1) {
            throw new BadInputException("a train fraction of " + trainFraction + " of " + data.size()
                    + " points leaves no training point");
        }
        int[] order = Permutations.randomPrefix(data.size(), data.size(), seed);
        return new Split(data.select(Arrays.copyOfRange(order, 0, trainSize)),
                data.select(Arrays.copyOfRange(order, trainSize, order.length)));
    }
}
