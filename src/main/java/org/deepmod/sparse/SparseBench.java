package org.deepmod.sparse;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times sparse estimators as the training engine calls them: {@link Normalization#fit} on a 1600×12 library
 * (Library1D, P = 2, D = 3) of the exact viscous-shock solution of Burgers' equation with 1 % noise on u_t.
 * The figure is the median over timed calls after a warm-up, in milliseconds per call.
 */
public final class SparseBench {
    /** The estimators the bench times, with the parameters it gives them. */
    public static final List<String> ESTIMATORS = List.of("lasso-cv", "threshold");

    private SparseBench() {
    }

    public static void main(String[] args) {
        run(ESTIMATORS, 1600, 200).forEach((name, ms) -> System.out.printf("%-22s %8.3f ms per call%n", name, ms));
    }

    /** Median milliseconds per {@code Normalization.fit} call for each estimator, after as many warm-up calls. */
    public static Map<String, Double> run(List<String> estimators, int rows, int calls) {
        double[][] theta = new double[rows][];
        double[] ut = new double[rows];
        burgersShockLibrary(theta, ut, new SplittableRandom(7));
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String name : estimators) {
            SparseEstimator estimator = SparseEstimators.create(name, Map.of(), 0);
            for (int i = 0; i < calls; i++) {
                Normalization.fit(estimator, theta, ut, ZeroColumns.EXCLUDE);
            }
            double[] ms = new double[calls];
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                Normalization.fit(estimator, theta, ut, ZeroColumns.EXCLUDE);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            figures.put(name, ms[calls / 2]);
        }
        return figures;
    }

    /**
     * u = c − a·tanh(a(x − ct)/2ν) solves u_t = −u·u_x + ν·u_xx exactly (ν = 0.1, a = 1, c = 0.5); its
     * derivatives are closed-form, so the library is that of a real PDE, collinear as real libraries are.
     */
    static void burgersShockLibrary(double[][] theta, double[] ut, SplittableRandom random) {
        double nu = 0.1;
        double a = 1.0;
        double c = 0.5;
        double k = a / (2 * nu);
        for (int i = 0; i < theta.length; i++) {
            double x = random.nextDouble(-3, 3);
            double t = random.nextDouble(0, 2);
            double tanh = Math.tanh(k * (x - c * t));
            double sech2 = 1 - tanh * tanh;
            double u = c - a * tanh;
            double[] derivatives = {1, -a * k * sech2, 2 * a * k * k * tanh * sech2,
                    2 * a * k * k * k * (1 - 3 * tanh * tanh) * sech2};
            double[] powers = {1, u, u * u};
            theta[i] = new double[12];
            for (int p = 0; p < 3; p++) {
                for (int d = 0; d < 4; d++) {
                    theta[i][4 * p + d] = powers[p] * derivatives[d];
                }
            }
            double exact = a * k * c * sech2;
            ut[i] = exact + 0.01 * exact * random.nextGaussian();
        }
    }
}
