package org.deepmod.data;

import java.util.Map;

import org.deepmod.BadInputException;

/**
 * Diffusion u_t = D u_xx of a unit-mass Gaussian of width σ centred at x0 (DeePyMoD's
 * {@code diffusion_gaussian}): u = exp(−(x − x0)²/(2σ² + 4Dt)) / √(2πσ² + 4πDt).
 */
public record DiffusionGaussian(double d, double x0, double sigma) implements AnalyticSolution {

    public DiffusionGaussian {
        Params.positive("diffusion-gaussian", "d", d);
        Params.finite("diffusion-gaussian", "x0", x0);
        Params.positive("diffusion-gaussian", "sigma", sigma);
    }

    @Override
    public String name() {
        return "diffusion-gaussian";
    }

    @Override
    public double value(double t, double[] x) {
        Params.dims(name(), 1, x);
        double width = 2 * sigma * sigma + 4 * d * t;
        if (!(width > 0)) {
            throw new BadInputException(name() + ": defined for t > -sigma^2/(2d) = " + (-sigma * sigma / (2 * d))
                    + " only, not t = " + t);
        }
        double dx = x[0] - x0;
        return Math.exp(-dx * dx / width) / Math.sqrt(Math.PI * width);
    }

    @Override
    public Map<String, Double> truth() {
        return Equations.truth("u_xx", d);
    }
}
