package org.deepmod.data;

import java.util.Map;

/**
 * A closed-form solution u(t, x) of a known PDE, used to generate data whose governing equation is known,
 * so that a discovery run can be scored against {@link #truth()}.
 */
public interface AnalyticSolution {

    /** A short identifier such as "burgers-delta". */
    String name();

    /** 1 for u(t, x) (every generator but the 2D one), 2 for u(t, x, y). */
    default int spatialDims() {
        return 1;
    }

    /**
     * u at time t and spatial point x ({@code x.length == spatialDims()}).
     *
     * @throws org.deepmod.BadInputException where the solution is not defined (e.g. t &le; 0 for a delta
     *                                       initial condition)
     */
    double value(double t, double[] x);

    /**
     * The right-hand side of u_t = Σ c·term as term name -> coefficient, with the project's term names
     * ({@code u_xx}, {@code u*u_x}, ...). Terms with a zero coefficient are left out. Unmodifiable, in a
     * fixed order.
     */
    Map<String, Double> truth();

    /** The equation, human readable, e.g. {@code u_t = 0.1*u_xx - u*u_x}. */
    default String equation() {
        return Equations.format(truth());
    }
}
