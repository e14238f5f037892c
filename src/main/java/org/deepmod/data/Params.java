package org.deepmod.data;

import org.deepmod.BadInputException;

/** Argument checks shared by the analytic solutions; messages name the solution and the parameter. */
final class Params {

    private Params() {
    }

    static double positive(String solution, String parameter, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new BadInputException(solution + ": " + parameter + " must be a finite number > 0, not " + value);
        }
        return value;
    }

    static double finite(String solution, String parameter, double value) {
        if (!Double.isFinite(value)) {
            throw new BadInputException(solution + ": " + parameter + " must be a finite number, not " + value);
        }
        return value;
    }

    /** The point has as many spatial coordinates as the solution has dimensions. */
    static void dims(String solution, int spatialDims, double[] x) {
        if (x.length != spatialDims) {
            throw new IllegalArgumentException(solution + " takes " + spatialDims + " spatial coordinate(s), got "
                    + x.length);
        }
    }
}
