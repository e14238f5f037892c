package org.deepmod.data;

import java.util.Map;

import org.deepmod.BadInputException;

/**
 * Burgers' equation u_t = ν u_xx − u u_x, periodic solution from the Cole–Hopf potential b + a·cos(kx)
 * (DeePyMoD's {@code burgers_cos}): with z = νk²t,
 * u = 2νak·e^{−z}·sin(kx) / (b + a·e^{−z}·cos(kx)). The initial condition is u(0, x) = 2νak·sin(kx)/(b + a·cos(kx)),
 * not the potential the reference's docstring names; b &gt; |a| keeps the denominator positive for all t &ge; 0.
 */
public record BurgersCos(double nu, double a, double b, double k) implements AnalyticSolution {

    public BurgersCos {
        Params.positive("burgers-cos", "nu", nu);
        Params.finite("burgers-cos", "a", a);
        Params.finite("burgers-cos", "b", b);
        Params.finite("burgers-cos", "k", k);
        if (!(b > Math.abs(a))) {
            throw new BadInputException("burgers-cos: b must be greater than |a| (else the solution blows up), "
                    + "got a = " + a + ", b = " + b);
        }
    }

    @Override
    public String name() {
        return "burgers-cos";
    }

    @Override
    public double value(double t, double[] x) {
        Params.dims(name(), 1, x);
        double decay = a * Math.exp(-nu * k * k * t);
        return 2 * nu * k * decay * Math.sin(k * x[0]) / (b + decay * Math.cos(k * x[0]));
    }

    @Override
    public Map<String, Double> truth() {
        return Equations.truth("u_xx", nu, "u*u_x", -1.0);
    }
}
