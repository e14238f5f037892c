package org.deepmod.data;

import java.util.Map;

import org.deepmod.BadInputException;

/**
 * Burgers' equation u_t = ν u_xx − u u_x from the initial condition u(0, x) = a·δ(x) (DeePyMoD's
 * {@code burgers_delta}; its parameter "v" is the viscosity ν). Defined for t &gt; 0 only.
 *
 * <p>With R = a/(2ν), E = e^R − 1 and z = x/√(4νt) the solution is
 * u = √(ν/(πt))·E·e^{−z²} / (1 + E·erfc(z)/2). It is evaluated with numerator and denominator divided by
 * E·e^{−z²}, in terms of the scaled erfcx(|z|) = e^{z²}erfc(|z|) and of ln|E|, so that neither e^R (large
 * |a|/ν) nor e^{−z²} and erfc (the tails) overflow, underflow into 0/0 or cancel.
 */
public record BurgersDelta(double nu, double a) implements AnalyticSolution {

    public BurgersDelta {
        Params.positive("burgers-delta", "nu", nu);
        Params.finite("burgers-delta", "a", a);
        if (a == 0) {
            throw new BadInputException("burgers-delta: a must be non-zero (a = 0 gives u = 0 everywhere)");
        }
    }

    @Override
    public String name() {
        return "burgers-delta";
    }

    @Override
    public double value(double t, double[] x) {
        Params.dims(name(), 1, x);
        if (!(t > 0)) {
            throw new BadInputException(name() + ": the solution is singular at t = 0 and defined for t > 0 only, "
                    + "not t = " + t);
        }
        double r = a / (2 * nu);
        // ln|E| without forming e^R, which overflows for large a/ν
        double logAbsE = r > 1 ? r + Math.log1p(-Math.exp(-r)) : Math.log(Math.abs(Math.expm1(r)));
        double sign = Math.signum(a);
        double z = x[0] / Math.sqrt(4 * nu * t);
        double amplitude = Math.sqrt(nu / (Math.PI * t));
        if (z >= 0) {
            return amplitude / (sign * Math.exp(z * z - logAbsE) + ErrorFunction.erfcx(z) / 2);
        }
        // erfc(z) = 2 − erfc(|z|) and 1/E + 1 = e^R/E: no cancellation for either sign of a
        return amplitude / (sign * Math.exp(z * z + r - logAbsE) - ErrorFunction.erfcx(-z) / 2);
    }

    @Override
    public Map<String, Double> truth() {
        return Equations.truth("u_xx", nu, "u*u_x", -1.0);
    }
}
