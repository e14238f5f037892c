package org.deepmod.data;

import java.util.Random;

import org.deepmod.BadInputException;

/**
 * Additive Gaussian noise on the targets, relative to their spread, as DeePyMoD adds it:
 * y + N(0, (level·std(y))²), with std the unbiased standard deviation pooled over all target values (all
 * fields together). DeePyMoD adds it to the full grid before subsampling and before normalisation; the
 * caller decides the order, this class only adds noise.
 */
public final class Noise {

    private Noise() {
    }

    /**
     * @param level relative noise: 0.05 is 5 % of std(y); 0 returns {@code data} itself
     * @param seed  seeds a java.util.Random, whose algorithm is fixed by its specification, so the same seed
     *              gives the same noise on every JVM
     */
    public static Dataset gaussian(Dataset data, double level, long seed) {
        if (!(level >= 0) || !Double.isFinite(level)) {
            throw new BadInputException("noise level must be a finite number >= 0, not " + level);
        }
        if (level == 0) {
            return data;
        }
        double[] y = data.targetsFlat();
        if (y.length < 2) {
            throw new BadInputException("noise relative to std(u) needs at least 2 target values, the dataset has "
                    + y.length);
        }
        double sigma = level * unbiasedStd(y);
        Random random = new Random(seed);
        for (int i = 0; i < y.length; i++) {
            y[i] += sigma * random.nextGaussian();
        }
        return data.withTargets(y);
    }

    /** Two-pass, so that a large mean does not swallow the variance. */
    static double unbiasedStd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
