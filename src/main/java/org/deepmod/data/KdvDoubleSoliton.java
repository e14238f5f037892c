package org.deepmod.data;

import java.util.Map;

import org.deepmod.BadInputException;

/**
 * Korteweg–de Vries, u_t = −6 u u_x − u_xxx: two solitons of speeds c0 &gt; c1 &gt; 0 starting at x00, x01; the
 * faster one overtakes the slower (DeePyMoD's {@code double_soliton}). With ξi = √ci/2·(x − ci·t − x0i):
 * u = 2(c0 − c1)(c0·cosh²ξ1 + c1·sinh²ξ0) / ((√c0 − √c1)cosh(ξ0 + ξ1) + (√c0 + √c1)cosh(ξ0 − ξ1))².
 * Numerator and denominator are both evaluated times e^{−2M}, M = |ξ0| + |ξ1|, so that no cosh overflows.
 */
public record KdvDoubleSoliton(double c0, double c1, double x00, double x01) implements AnalyticSolution {

    public KdvDoubleSoliton {
        Params.positive("kdv-double-soliton", "c0", c0);
        Params.positive("kdv-double-soliton", "c1", c1);
        Params.finite("kdv-double-soliton", "x00", x00);
        Params.finite("kdv-double-soliton", "x01", x01);
        if (!(c0 > c1)) {
            throw new BadInputException("kdv-double-soliton: c0 must be greater than c1 (the first soliton is the "
                    + "faster one), got c0 = " + c0 + ", c1 = " + c1);
        }
    }

    @Override
    public String name() {
        return "kdv-double-soliton";
    }

    @Override
    public double value(double t, double[] x) {
        Params.dims(name(), 1, x);
        double xi0 = Math.sqrt(c0) / 2 * (x[0] - c0 * t - x00);
        double xi1 = Math.sqrt(c1) / 2 * (x[0] - c1 * t - x01);
        double m = Math.abs(xi0) + Math.abs(xi1);
        double cosh1 = scaledCosh(xi1, m);
        double sinh0 = (Math.exp(xi0 - m) - Math.exp(-xi0 - m)) / 2;
        double denominator = (Math.sqrt(c0) - Math.sqrt(c1)) * scaledCosh(xi0 + xi1, m)
                + (Math.sqrt(c0) + Math.sqrt(c1)) * scaledCosh(xi0 - xi1, m);
        return 2 * (c0 - c1) * (c0 * cosh1 * cosh1 + c1 * sinh0 * sinh0) / (denominator * denominator);
    }

    @Override
    public Map<String, Double> truth() {
        return Equations.truth("u_xxx", -1.0, "u*u_x", -6.0);
    }

    /** cosh(v)·e^{−m} for |v| &le; m: both exponents are &le; 0. */
    private static double scaledCosh(double v, double m) {
        return (Math.exp(v - m) + Math.exp(-v - m)) / 2;
    }
}
