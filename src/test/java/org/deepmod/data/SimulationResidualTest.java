package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every simulated system satisfies the equations its {@link Simulation#truth()} states. The simulation is
 * sampled at three times δ = 1e-3 apart; u_t is the central difference at the middle one (error ~δ²), the
 * x-derivatives are taken spectrally on the periodic grid (or, for the non-periodic diffusion–rotation, by
 * central differences on a fine grid); ‖u_t − Σ c·term‖ / ‖u_t‖ must stay below 1e-3 for every field, and
 * any one coefficient 50 % off must leave a residual above 1e-2.
 */
class SimulationResidualTest {

    private static final double DELTA = 1e-3;
    /** Each system's three snapshots, solved once for both tests (Kuramoto–Sivashinsky takes seconds). */
    private static final Map<String, Dataset> SAMPLES = new java.util.concurrent.ConcurrentHashMap<>();

    static Stream<Arguments> systems() {
        return Stream.of(
                Arguments.of(new LotkaVolterra(1, 1, 1, 1, 2, 1), 3.0, null),
                Arguments.of(new LotkaVolterra(2.0 / 3, 4.0 / 3, 1, 1, 1.5, 0.5), 7.0, null),
                Arguments.of(new DiffusionRotation(0.1, 1, 0, 0.5), 0.5, new double[] {-3, 3, 2001}),
                Arguments.of(new KuramotoSivashinsky(), 20.0, new double[] {0, 32 * Math.PI, 256}),
                Arguments.of(new AllenCahn(0.1, 0.5), 2.0, new double[] {0, 2 * Math.PI, 128}),
                Arguments.of(new KellerSegel(0.1, 0.5, 0.5, 1.0, 0.2, 0.0), 3.0, new double[] {-10, 10, 256}),
                Arguments.of(new KellerSegel(1.0, 2.0, 0.5, 1.0, 0.2, 1.0), 1.0, new double[] {-10, 10, 256}));
    }

    @ParameterizedTest(name = "{0} at t = {1}")
    @MethodSource("systems")
    void satisfiesItsOwnEquations(Simulation system, double time, double[] space) {
        for (Map.Entry<String, Map<String, Double>> field : system.truth().entrySet()) {
            double residual = relativeResidual(system, time, space, field.getKey(), field.getValue());
            assertTrue(residual < 1e-3, system + " " + field.getKey() + ": relative residual " + residual);
        }
    }

    @ParameterizedTest(name = "{0} at t = {1}")
    @MethodSource("systems")
    void aWrongCoefficientIsDetected(Simulation system, double time, double[] space) {
        for (Map.Entry<String, Map<String, Double>> field : system.truth().entrySet()) {
            for (String term : field.getValue().keySet()) {
                Map<String, Double> wrong = new HashMap<>(field.getValue());
                wrong.put(term, wrong.get(term) * 1.5);
                double residual = relativeResidual(system, time, space, field.getKey(), wrong);
                assertTrue(residual > 1e-2, system + " " + field.getKey() + " with " + wrong + ": residual only "
                        + residual);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void ordersPointsAsTheGridDoes(Simulation system, double time, double[] space) {
        Dataset data = system.sample(new double[] {0, time / 2, time}, space);
        int nx = space == null ? 1 : (int) space[2];
        assertEquals(3 * nx, data.size());
        assertEquals(system.truth().size(), data.targetDims());
        assertEquals(system.spatialDims() + 1, data.coordDims());
        assertEquals(time / 2, data.coord(1, 0), 0.0); // time fastest
    }

    private static double relativeResidual(Simulation system, double time, double[] space, String field,
                                           Map<String, Double> equation) {
        Dataset data = SAMPLES.computeIfAbsent(system + "@" + time,
                key -> system.sample(new double[] {time - DELTA, time, time + DELTA}, space));
        int nx = space == null ? 1 : (int) space[2];
        Map<String, double[]> values = new HashMap<>();
        double[] ut = new double[nx];
        for (int k = 0; k < data.targetDims(); k++) {
            String name = TestNames.field(k);
            double[] now = new double[nx];
            for (int ix = 0; ix < nx; ix++) {
                now[ix] = data.target(ix * 3 + 1, k);
                if (name.equals(field)) {
                    ut[ix] = (data.target(ix * 3 + 2, k) - data.target(ix * 3, k)) / (2 * DELTA);
                }
            }
            values.put(name, now);
            if (space != null) {
                double length = space[1] - space[0];
                boolean periodic = !(system instanceof DiffusionRotation);
                for (int order = 1; order <= 4; order++) {
                    values.put(name + "_" + "xxxx".substring(0, order),
                            periodic ? spectral(now, length, order) : centralDifference(now, length / (nx - 1), order));
                }
            }
        }
        double num = 0;
        double den = 0;
        int from = space != null && system instanceof DiffusionRotation ? 2 : 0;
        for (int ix = from; ix < nx - from; ix++) {
            double rhs = 0;
            for (Map.Entry<String, Double> term : equation.entrySet()) {
                double product = 1;
                for (String factor : term.getKey().split("\\*")) {
                    String[] power = factor.split("\\^");
                    product *= Math.pow(values.get(power[0])[ix], power.length > 1 ? Integer.parseInt(power[1]) : 1);
                }
                rhs += term.getValue() * product;
            }
            num += (ut[ix] - rhs) * (ut[ix] - rhs);
            den += ut[ix] * ut[ix];
        }
        return Math.sqrt(num / den);
    }

    private static double[] spectral(double[] u, double length, int order) {
        Complex[] hat = PeriodicEtdrk4.forward(u);
        double[] k = PeriodicEtdrk4.wavenumbers(u.length, length);
        for (int i = 0; i < hat.length; i++) {
            Complex ik = Complex.ONE;
            for (int n = 0; n < order; n++) {
                ik = ik.multiply(new Complex(0, k[i])); // (ik)^order; Complex.pow(0) would be NaN
            }
            hat[i] = hat[i].multiply(ik);
        }
        return PeriodicEtdrk4.inverse(hat);
    }

    /** Second-order central differences of order 1 or 2; the ends are left at 0 (excluded from the residual). */
    private static double[] centralDifference(double[] u, double h, int order) {
        double[] d = new double[u.length];
        for (int i = 1; i < u.length - 1; i++) {
            d[i] = order == 1 ? (u[i + 1] - u[i - 1]) / (2 * h)
                    : order == 2 ? (u[i + 1] - 2 * u[i] + u[i - 1]) / (h * h) : 0;
        }
        return d;
    }

    /** u, v, w as the library names the fields. */
    private static final class TestNames {
        static String field(int k) {
            return "uvw".substring(k, k + 1);
        }
    }
}
