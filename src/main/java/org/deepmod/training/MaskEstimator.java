package org.deepmod.training;

import org.deepmod.library.LibraryColumns;

/**
 * The third DeepMoD module as the trainer sees it: given this step's library, the normalised coefficients
 * a sparse estimator assigns to one output's terms (0 = not selected). It always sees the full library, so
 * terms can re-enter.
 */
@FunctionalInterface
public interface MaskEstimator {
    double[] normalizedCoefficients(LibraryColumns library, int output);

    /** Selection probabilities of the last call, where the method has them; else null. */
    default double[] lastProbabilities() {
        return null;
    }
}
