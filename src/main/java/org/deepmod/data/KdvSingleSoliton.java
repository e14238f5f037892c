package org.deepmod.data;

import java.util.Map;

/**
 * Korteweg–de Vries, u_t = −6 u u_x − u_xxx (the reference's docstring has the sign of the u u_x term wrong):
 * one soliton of speed c starting at x0, u = c/2·sech²(√c/2·(x − ct − x0)) (DeePyMoD's {@code single_soliton}).
 */
public record KdvSingleSoliton(double c, double x0) implements AnalyticSolution {

    public KdvSingleSoliton {
        Params.positive("kdv-single-soliton", "c", c);
        Params.finite("kdv-single-soliton", "x0", x0);
    }

    @Override
    public String name() {
        return "kdv-single-soliton";
    }

    @Override
    public double value(double t, double[] x) {
        Params.dims(name(), 1, x);
        double cosh = Math.cosh(Math.sqrt(c) / 2 * (x[0] - c * t - x0));
        return c / 2 / (cosh * cosh); // cosh = ∞ far away gives 0, as it should
    }

    @Override
    public Map<String, Double> truth() {
        return Equations.truth("u_xxx", -1.0, "u*u_x", -6.0);
    }
}
