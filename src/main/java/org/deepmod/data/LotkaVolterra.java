package org.deepmod.data;

import java.util.Map;
import java.util.TreeMap;

import org.deepmod.BadInputException;

/**
 * Predator and prey, u_t = α u − β u v, v_t = −γ v + δ u v (an example of DeePyMoD's ODE notebooks),
 * integrated with classical Runge–Kutta at a step of at most 1/50 of the output spacing (error ~1e-9 for the
 * defaults, far below any noise level).
 */
public record LotkaVolterra(double alpha, double beta, double gamma, double delta, double u0, double v0)
        implements Simulation {

    public LotkaVolterra {
        if (!(alpha > 0 && beta > 0 && gamma > 0 && delta > 0 && u0 > 0 && v0 > 0)) {
            throw new BadInputException("lotka-volterra: alpha, beta, gamma, delta and the initial u0, v0 must be "
                    + "positive");
        }
    }

    @Override
    public String name() {
        return "lotka-volterra";
    }

    @Override
    public int spatialDims() {
        return 0;
    }

    @Override
    public Map<String, Map<String, Double>> truth() {
        Map<String, Map<String, Double>> truth = new TreeMap<>();
        truth.put("u", Map.of("u", alpha, "u*v", -beta));
        truth.put("v", Map.of("v", -gamma, "u*v", delta));
        return truth;
    }

    private double[] rate(double u, double v) {
        return new double[] {alpha * u - beta * u * v, -gamma * v + delta * u * v};
    }

    @Override
    public Dataset sample(double[] times, double[] space) {
        double[][] values = new double[2][times.length];
        double u = u0;
        double v = v0;
        double now = 0;
        for (int it = 0; it < times.length; it++) {
            double span = times[it] - now;
            int steps = it == 0 ? (int) Math.ceil(Math.abs(span) * 500) : 50;
            double h = span / Math.max(steps, 1);
            for (int s = 0; s < steps; s++) {
                double[] k1 = rate(u, v);
                double[] k2 = rate(u + h / 2 * k1[0], v + h / 2 * k1[1]);
                double[] k3 = rate(u + h / 2 * k2[0], v + h / 2 * k2[1]);
                double[] k4 = rate(u + h * k3[0], v + h * k3[1]);
                u += h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
                v += h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
            }
            now = times[it];
            values[0][it] = u;
            values[1][it] = v;
        }
        return Simulation.onGrid(times, null, values);
    }
}
