package org.deepmod.data;

import java.util.Map;

import org.deepmod.BadInputException;

/**
 * Burgers' equation u_t = ν u_xx − u u_x, a sawtooth wave travelling at speed 4 (DeePyMoD's
 * {@code burgers_sawtooth}; the reference states it for x in [0, 2π], t in [0, 0.5]). From the heat-equation
 * potential φ = e^{−zl²/l} + e^{−zr²/l} with zl = x − 4t, zr = x − 4t − 2π, l = 4ν(t + 1):
 * u = 4 − 2ν·φ_x/φ. Both exponentials are divided by the larger one before they are formed, so a small ν
 * does not turn φ_x/φ into 0/0.
 */
public record BurgersSawtooth(double nu) implements AnalyticSolution {

    public BurgersSawtooth {
        Params.positive("burgers-sawtooth", "nu", nu);
    }

    @Override
    public String name() {
        return "burgers-sawtooth";
    }

    @Override
    public double value(double t, double[] x) {
        Params.dims(name(), 1, x);
        if (!(t > -1)) {
            throw new BadInputException(name() + ": defined for t > -1 only, not t = " + t);
        }
        double zl = x[0] - 4 * t;
        double zr = zl - 2 * Math.PI;
        double l = 4 * nu * (t + 1);
        double el = -zl * zl / l;
        double er = -zr * zr / l;
        double largest = Math.max(el, er);
        double wl = Math.exp(el - largest);
        double wr = Math.exp(er - largest);
        // −2ν·φ_x/φ with φ_x = −(2/l)(zl·wl + zr·wr) in the same scaled units as φ = wl + wr
        return 4 + 4 * nu * (zl * wl + zr * wr) / (l * (wl + wr));
    }

    @Override
    public Map<String, Double> truth() {
        return Equations.truth("u_xx", nu, "u*u_x", -1.0);
    }
}
