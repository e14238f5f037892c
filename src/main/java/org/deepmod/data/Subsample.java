package org.deepmod.data;

import org.deepmod.BadInputException;

/** Keeps a random subset of the points (DeePyMoD's {@code Subsample_random}). */
public final class Subsample {

    private Subsample() {
    }

    /**
     * {@code count} distinct points drawn uniformly, in the (random) order drawn: the first {@code count}
     * entries of a permutation seeded with {@code seed}. Unlike the reference, asking for more points than
     * there are is an error, not a silent "all of them".
     */
    public static Dataset random(Dataset data, int count, long seed) {
        if (count < 1) {
            throw new BadInputException("the number of samples must be at least 1, not " + count);
        }
        if (count > data.size()) {
            throw new BadInputException("asked for " + count + " random samples but the dataset has only "
                    + data.size() + " points");
        }
        return data.select(Permutations.randomPrefix(data.size(), count, seed));
    }
}
