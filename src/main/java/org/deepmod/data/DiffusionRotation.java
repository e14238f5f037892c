package org.deepmod.data;

import java.util.Map;
import java.util.TreeMap;

import org.deepmod.BadInputException;

/**
 * Two fields coupled by a linear reaction: u_t = D u_xx − ω v, v_t = D v_xx + ω u. With w = u + i v it is
 * w_t = D w_xx + i ω w, so from a Gaussian of width σ the solution is the spreading Gaussian
 * G = σ/s · exp(−(x − x0)²/(2 s²)), s² = σ² + 2 D t, turning in the (u, v) plane:
 * u = G cos ωt, v = G sin ωt. A two-field system whose truth is exact.
 */
public record DiffusionRotation(double d, double omega, double x0, double sigma) implements Simulation {

    public DiffusionRotation {
        if (!(d > 0 && sigma > 0)) {
            throw new BadInputException("diffusion-rotation: d and sigma must be positive");
        }
    }

    @Override
    public String name() {
        return "diffusion-rotation";
    }

    @Override
    public int spatialDims() {
        return 1;
    }

    @Override
    public Map<String, Map<String, Double>> truth() {
        Map<String, Map<String, Double>> truth = new TreeMap<>();
        truth.put("u", Map.of("u_xx", d, "v", -omega));
        truth.put("v", Map.of("v_xx", d, "u", omega));
        return truth;
    }

    double gaussian(double t, double x) {
        double s2 = sigma * sigma + 2 * d * t;
        return sigma / Math.sqrt(s2) * Math.exp(-(x - x0) * (x - x0) / (2 * s2));
    }

    @Override
    public Dataset sample(double[] times, double[] space) {
        double[] xs = Axis.linspace(space[0], space[1], (int) space[2]).values();
        double[][] values = new double[2][xs.length * times.length];
        for (int ix = 0; ix < xs.length; ix++) {
            for (int it = 0; it < times.length; it++) {
                double g = gaussian(times[it], xs[ix]);
                values[0][ix * times.length + it] = g * Math.cos(omega * times[it]);
                values[1][ix * times.length + it] = g * Math.sin(omega * times[it]);
            }
        }
        return Simulation.onGrid(times, xs, values);
    }
}
