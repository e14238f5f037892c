package org.deepmod.data;

import java.util.Map;

import org.apache.commons.math3.complex.Complex;

/**
 * u_t = −u u_x − u_xx − u_xxxx on the periodic domain [start, stop), from PDE-FIND's initial condition
 * u0 = cos(x/16)(1 + sin(x/16)) on [0, 32π), solved by {@link PeriodicEtdrk4} (L = k² − k⁴,
 * N = −½ (u²)_x).
 */
public record KuramotoSivashinsky() implements Simulation {

    @Override
    public String name() {
        return "kuramoto-sivashinsky";
    }

    @Override
    public int spatialDims() {
        return 1;
    }

    @Override
    public Map<String, Map<String, Double>> truth() {
        return Map.of("u", Map.of("u*u_x", -1.0, "u_xx", -1.0, "u_xxxx", -1.0));
    }

    @Override
    public Dataset sample(double[] times, double[] space) {
        return PeriodicEtdrk4.sample(name(), times, space, k -> k * k - k * k * k * k,
                x -> Math.cos(x / 16) * (1 + Math.sin(x / 16)), (uHat, wave) -> {
                    double[] values = PeriodicEtdrk4.inverse(uHat);
                    for (int j = 0; j < values.length; j++) {
                        values[j] *= values[j];
                    }
                    Complex[] square = PeriodicEtdrk4.forward(values);
                    for (int i = 0; i < square.length; i++) {
                        square[i] = square[i].multiply(new Complex(0, -0.5 * wave[i]));
                    }
                    return square;
                }, 0.025);
    }
}
