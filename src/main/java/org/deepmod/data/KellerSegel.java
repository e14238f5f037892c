package org.deepmod.data;

import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.complex.Complex;
import org.deepmod.BadInputException;

/**
 * Chemotaxis (the Keller–Segel model): cells u move up the gradient of a chemical v that they secrete,
 * u_t = D_u u_xx − χ (u v_x)_x = D_u u_xx − χ u_x·v_x − χ u·v_xx, v_t = D_v v_xx + α u − β v, on a periodic
 * domain. From two Gaussian bumps of cells (and optionally a bump of chemical between them) the bumps sharpen as
 * the chemical builds up, so every term of both equations is active throughout. Solved by the method of lines
 * with spectral x-derivatives and classical Runge–Kutta in time (the step well inside RK4's stability bound for
 * the stiffest diffusion mode).
 */
public record KellerSegel(double du, double chi, double dv, double alpha, double beta, double chemical)
        implements Simulation {

    /** RK4's stability limit on the negative real axis is 2.78; stay below it with margin. */
    private static final double STABLE_FRACTION = 2.0;
    private static final double MAX_STEP = 1e-2;

    public KellerSegel {
        if (!(du > 0 && dv > 0)) {
            throw new BadInputException("keller-segel: du and dv must be positive");
        }
        if (!(chemical >= 0)) {
            throw new BadInputException("keller-segel: chemical (the initial bump of v) must be 0 or more");
        }
    }

    @Override
    public String name() {
        return "keller-segel";
    }

    @Override
    public int spatialDims() {
        return 1;
    }

    @Override
    public Map<String, Map<String, Double>> truth() {
        Map<String, Map<String, Double>> truth = new TreeMap<>();
        truth.put("u", Map.of("u_xx", du, "u_x*v_x", -chi, "u*v_xx", -chi));
        truth.put("v", Map.of("v_xx", dv, "u", alpha, "v", -beta));
        return truth;
    }

    /** Cells in two bumps at 3/8 and 5/8 of the domain (the second lower and wider). */
    static double initialCells(double x, double start, double length) {
        double left = x - (start + 0.375 * length);
        double right = x - (start + 0.625 * length);
        return Math.exp(-left * left) + 0.8 * Math.exp(-right * right / 1.5);
    }

    /**
     * The chemical at t = 0: a bump of the given height midway between the cells' bumps. With none, v grows from
     * the cells alone (v ≈ t·α·u early on), so v's terms in Θ nearly repeat u's; a bump of its own keeps them apart.
     */
    static double initialChemical(double x, double start, double length, double height) {
        double centre = x - (start + 0.5 * length);
        return height * Math.exp(-centre * centre / 4);
    }

    @Override
    public Dataset sample(double[] times, double[] space) {
        double[] xs = PeriodicEtdrk4.periodicAxis(space);
        int n = xs.length;
        PeriodicEtdrk4.requireFftSize(n, name());
        double length = space[1] - space[0];
        double[] k = PeriodicEtdrk4.wavenumbers(n, length);
        double kMax = Math.PI * n / length;
        double bound = STABLE_FRACTION / (Math.max(du, dv) * kMax * kMax + beta);
        double[] u = new double[n];
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            u[j] = initialCells(xs[j], space[0], length);
            v[j] = initialChemical(xs[j], space[0], length, chemical);
        }
        double[][] values = new double[2][n * times.length];
        double now = 0;
        for (int it = 0; it < times.length; it++) {
            double span = times[it] - now;
            if (span < -1e-12) {
                throw new BadInputException(name() + ": times must start at 0 or later and increase");
            }
            int steps = (int) Math.ceil(span / Math.min(bound, MAX_STEP) - 1e-9);
            for (int s = 0; s < steps; s++) {
                double[][] next = rungeKuttaStep(u, v, k, span / steps);
                u = next[0];
                v = next[1];
            }
            now = times[it];
            for (int ix = 0; ix < n; ix++) {
                if (!Double.isFinite(u[ix]) || !Double.isFinite(v[ix])) {
                    throw new BadInputException(name() + ": the solution blew up before t = " + times[it]);
                }
                values[0][ix * times.length + it] = u[ix];
                values[1][ix * times.length + it] = v[ix];
            }
        }
        return Simulation.onGrid(times, xs, values);
    }

    private double[][] rungeKuttaStep(double[] u, double[] v, double[] k, double h) {
        double[][] k1 = rates(u, v, k);
        double[][] k2 = rates(axpy(u, h / 2, k1[0]), axpy(v, h / 2, k1[1]), k);
        double[][] k3 = rates(axpy(u, h / 2, k2[0]), axpy(v, h / 2, k2[1]), k);
        double[][] k4 = rates(axpy(u, h, k3[0]), axpy(v, h, k3[1]), k);
        double[][] next = new double[2][u.length];
        for (int j = 0; j < u.length; j++) {
            next[0][j] = u[j] + h / 6 * (k1[0][j] + 2 * k2[0][j] + 2 * k3[0][j] + k4[0][j]);
            next[1][j] = v[j] + h / 6 * (k1[1][j] + 2 * k2[1][j] + 2 * k3[1][j] + k4[1][j]);
        }
        return next;
    }

    /** (u_t, v_t) of the model at one state. */
    private double[][] rates(double[] u, double[] v, double[] k) {
        double[] uxx = derivative(u, k, 2);
        double[] vx = derivative(v, k, 1);
        double[] vxx = derivative(v, k, 2);
        double[] flux = new double[u.length];
        for (int j = 0; j < u.length; j++) {
            flux[j] = u[j] * vx[j];
        }
        double[] fluxX = derivative(flux, k, 1);
        double[][] rates = new double[2][u.length];
        for (int j = 0; j < u.length; j++) {
            rates[0][j] = du * uxx[j] - chi * fluxX[j];
            rates[1][j] = dv * vxx[j] + alpha * u[j] - beta * v[j];
        }
        return rates;
    }

    /** The spectral x-derivative of the given order (1 or 2) on the periodic grid. */
    private static double[] derivative(double[] f, double[] k, int order) {
        Complex[] hat = PeriodicEtdrk4.forward(f);
        for (int i = 0; i < hat.length; i++) {
            hat[i] = order == 1 ? new Complex(-k[i] * hat[i].getImaginary(), k[i] * hat[i].getReal())
                    : hat[i].multiply(-k[i] * k[i]);
        }
        return PeriodicEtdrk4.inverse(hat);
    }

    private static double[] axpy(double[] x, double a, double[] y) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = x[j] + a * y[j];
        }
        return out;
    }
}
