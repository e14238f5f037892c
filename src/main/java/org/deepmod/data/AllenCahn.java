package org.deepmod.data;

import java.util.Map;

import org.deepmod.BadInputException;

/**
 * u_t = ε u_xx + u − u³ on the periodic domain [start, stop), from u0 = a·sin(2πx/L) + a/2·sin(6πx/L), solved by
 * {@link PeriodicEtdrk4} (L = 1 − ε k², N = −u³): the field separates into phases ±1 joined by fronts of width
 * about √ε.
 */
public record AllenCahn(double epsilon, double amplitude) implements Simulation {

    public AllenCahn {
        if (!(epsilon > 0)) {
            throw new BadInputException("allen-cahn: epsilon must be positive");
        }
    }

    @Override
    public String name() {
        return "allen-cahn";
    }

    @Override
    public int spatialDims() {
        return 1;
    }

    @Override
    public Map<String, Map<String, Double>> truth() {
        return Map.of("u", Map.of("u_xx", epsilon, "u", 1.0, "u^3", -1.0));
    }

    @Override
    public Dataset sample(double[] times, double[] space) {
        double length = space[1] - space[0];
        return PeriodicEtdrk4.sample(name(), times, space, k -> 1 - epsilon * k * k, x -> {
            double phase = 2 * Math.PI * (x - space[0]) / length;
            return amplitude * Math.sin(phase) + amplitude / 2 * Math.sin(3 * phase);
        }, (uHat, wave) -> {
            double[] values = PeriodicEtdrk4.inverse(uHat);
            for (int j = 0; j < values.length; j++) {
                values[j] = -values[j] * values[j] * values[j];
            }
            return PeriodicEtdrk4.forward(values);
        }, 0.01);
    }
}
