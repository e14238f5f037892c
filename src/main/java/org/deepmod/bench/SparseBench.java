package org.deepmod.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deepmod.sparse.UnitNormFit;
import org.deepmod.sparse.SparseEstimator;
import org.deepmod.sparse.SparseEstimators;
import org.deepmod.sparse.ZeroColumns;

/**
 * Times sparse estimators as the training engine calls them: {@link UnitNormFit#fit} on a 1600×12 library
 * (Library1D, P = 2, D = 3), by default of an exact two-shock solution of Burgers' equation with 1 % noise on
 * u_t, or of any library given. The figure is the median over timed calls after as many warm-up calls, in
 * milliseconds per call. Coordinate descent's cost depends on the library's conditioning: the closed-form
 * library here (normalised cond ≈ 1.5e3, sharp shocks) is a hard case; PDE-FIND's Burgers data by finite
 * differences (cond ≈ 43) is an easy one.
 */
public final class SparseBench {
    /** The estimators the bench times, each with its default parameters. */
    public static final List<String> ESTIMATORS = List.of("lasso-cv", "threshold", "stability-selection");

    private SparseBench() {
    }

    /** Median ms per call on {@code rows} rows of the closed-form two-shock Burgers library (see below). */
    public static Map<String, Double> run(List<String> estimators, int rows, int calls) {
        double[][] theta = new double[rows][];
        double[] ut = new double[rows];
        burgersShockLibrary(theta, ut, 5.0, new SplittableRandom(7));
        return run(estimators, theta, ut, calls);
    }

    /** Median ms per {@code UnitNormFit.fit} call on a given library, after as many warm-up calls. */
    public static Map<String, Double> run(List<String> estimators, double[][] theta, double[] ut, int calls) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String name : estimators) {
            SparseEstimator estimator = SparseEstimators.create(name, Map.of(), 0);
            for (int i = 0; i < calls; i++) {
                UnitNormFit.fit(estimator, theta, ut, ZeroColumns.EXCLUDE);
            }
            double[] ms = new double[calls];
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                UnitNormFit.fit(estimator, theta, ut, ZeroColumns.EXCLUDE);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            figures.put(name, ms[calls / 2]);
        }
        return figures;
    }

    /**
     * An exact two-shock solution of u_t = −u·u_x + ν·u_xx (ν = 0.1) by the Cole–Hopf transform: u = −2ν·(ln φ)_x
     * with φ = Σ_i exp(k_i·x + ν·k_i²·t), k = (5, 0, −5) (so u changes sign), a solution of the heat equation. The x-derivatives of
     * ln φ are the cumulants κ_m of the k_i weighted by the terms of φ, so u^(d) = −2ν·κ_(d+1) and
     * u_t = −2ν²(m3 − m1·m2) with m the raw moments: a closed-form library, collinear as real ones are, and,
     * unlike a single travelling wave, not degenerate (u_t is not a multiple of u_x).
     * Points: x in [−3, 3], t in [0, 1]; u_t gets 1 % relative noise.
     */
    static void burgersShockLibrary(double[][] theta, double[] ut, double steepness, SplittableRandom random) {
        double nu = 0.1;
        double[] k = {steepness, 0.0, -steepness};
        for (int i = 0; i < theta.length; i++) {
            double x = random.nextDouble(-3, 3);
            double t = random.nextDouble(0, 1);
            double[] exponents = new double[k.length];
            double largest = Double.NEGATIVE_INFINITY;
            for (int m = 0; m < k.length; m++) {
                exponents[m] = k[m] * x + nu * k[m] * k[m] * t;
                largest = Math.max(largest, exponents[m]);
            }
            double[] moments = new double[5];
            for (int m = 0; m < k.length; m++) {
                double weight = Math.exp(exponents[m] - largest);
                for (int order = 0; order < 5; order++) {
                    moments[order] += weight * Math.pow(k[m], order);
                }
            }
            double m1 = moments[1] / moments[0];
            double m2 = moments[2] / moments[0];
            double m3 = moments[3] / moments[0];
            double m4 = moments[4] / moments[0];
            double k2 = m2 - m1 * m1;
            double k3 = m3 - 3 * m2 * m1 + 2 * m1 * m1 * m1;
            double k4 = m4 - 4 * m3 * m1 - 3 * m2 * m2 + 12 * m2 * m1 * m1 - 6 * Math.pow(m1, 4);
            double u = -2 * nu * m1;
            double[] derivatives = {1, -2 * nu * k2, -2 * nu * k3, -2 * nu * k4};
            double[] powers = {1, u, u * u};
            theta[i] = new double[12];
            for (int p = 0; p < 3; p++) {
                for (int d = 0; d < 4; d++) {
                    theta[i][4 * p + d] = powers[p] * derivatives[d];
                }
            }
            double exact = -2 * nu * nu * (m3 - m1 * m2);
            ut[i] = exact * (1 + 0.01 * random.nextGaussian());
        }
    }
}
