package org.deepmod.data;

import java.util.Map;

import org.deepmod.BadInputException;

/**
 * Advection–diffusion in 2-D, u_t = D(u_xx + u_yy) − v0·u_x − v1·u_y, of a unit-mass Gaussian of width σ
 * starting at (x0, y0) and drifting with velocity (v0, v1) (DeePyMoD's {@code advection_diffusion_gaussian_2d}):
 * u = exp(−((x − x0 − v0·t)² + (y − y0 − v1·t)²)/(2σ² + 4Dt)) / (2πσ² + 4πDt).
 */
public record AdvectionDiffusion2D(double d, double x0, double y0, double sigma, double v0, double v1)
        implements AnalyticSolution {

    public AdvectionDiffusion2D {
        String name = "advection-diffusion-2d";
        Params.positive(name, "d", d);
        Params.finite(name, "x0", x0);
        Params.finite(name, "y0", y0);
        Params.positive(name, "sigma", sigma);
        Params.finite(name, "v0", v0);
        Params.finite(name, "v1", v1);
    }

    @Override
    public String name() {
        return "advection-diffusion-2d";
    }

    @Override
    public int spatialDims() {
        return 2;
    }

    @Override
    public double value(double t, double[] x) {
        Params.dims(name(), 2, x);
        double width = 2 * sigma * sigma + 4 * d * t;
        if (!(width > 0)) {
            throw new BadInputException(name() + ": defined for t > -sigma^2/(2d) = " + (-sigma * sigma / (2 * d))
                    + " only, not t = " + t);
        }
        double dx = x[0] - x0 - v0 * t;
        double dy = x[1] - y0 - v1 * t;
        return Math.exp(-(dx * dx + dy * dy) / width) / (Math.PI * width);
    }

    /** A zero velocity component drops its advection term. */
    @Override
    public Map<String, Double> truth() {
        return Equations.truth("u_xx", d, "u_yy", d, "u_x", -v0, "u_y", -v1);
    }
}
