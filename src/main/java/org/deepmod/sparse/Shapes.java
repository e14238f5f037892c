package org.deepmod.sparse;

import org.deepmod.BadInputException;

/** Shape checks shared by the estimators: a caller's programming error is not bad input, too few rows is. */
final class Shapes {
    private Shapes() {
    }

    /** Checks that x is n×p with p ≥ 1 and y has n values; returns p. */
    static int columns(double[][] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("the library has " + x.length + " rows but the target has " + y.length);
        }
        if (x.length == 0 || x[0].length == 0) {
            throw new IllegalArgumentException("the library is empty");
        }
        int p = x[0].length;
        for (int i = 1; i < x.length; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException("library row " + i + " has " + x[i].length + " values, row 0 has " + p);
            }
        }
        return p;
    }

    /** For methods that solve an unregularised least-squares problem on the whole library. */
    static void requireRowsAtLeastColumns(String estimator, int rows, int columns) {
        if (rows < columns) {
            throw new BadInputException("estimator " + estimator + " needs at least as many rows as library columns: "
                    + rows + " rows, " + columns + " columns");
        }
    }
}
