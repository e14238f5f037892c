package org.deepmod.sparse;

import org.deepmod.BadInputException;

/**
 * scikit-learn's unshuffled {@code KFold}: fold k holds a contiguous block of rows, and the first n mod K folds
 * get one extra row. Unshuffled on purpose: DeepMoD's samples arrive already shuffled, and contiguous folds make
 * the choice of α reproducible against scikit-learn.
 */
final class ContiguousFolds {
    private final int[] starts;

    ContiguousFolds(int rows, int folds) {
        if (folds < 2) {
            throw new BadInputException("cross-validation needs at least 2 folds, got " + folds);
        }
        if (rows < folds) {
            throw new BadInputException("cross-validation with " + folds + " folds needs at least " + folds
                    + " rows, got " + rows);
        }
        starts = new int[folds + 1];
        for (int k = 0; k < folds; k++) {
            starts[k + 1] = starts[k] + rows / folds + (k < rows % folds ? 1 : 0);
        }
    }

    int count() {
        return starts.length - 1;
    }

    /** First row of fold k's held-out block. */
    int testFrom(int k) {
        return starts[k];
    }

    /** One past the last row of fold k's held-out block. */
    int testTo(int k) {
        return starts[k + 1];
    }
}
