package org.deepmod.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deepmod.nn.Activation;
import org.deepmod.nn.DjlEnvironment;
import org.deepmod.nn.Jet;
import org.deepmod.nn.JetMlp;
import org.deepmod.nn.Partial;
import org.deepmod.nn.Scalars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every column of Θ is the product its name says, computed from the jet's components on the JVM. */
class LibraryValuesTest {
    @BeforeAll
    static void engine() {
        DjlEnvironment.init();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1d-one-output", "1d-two-outputs", "2d"})
    void columnsAreTheNamedProducts(String kind) {
        Library library = switch (kind) {
            case "1d-one-output" -> new Library1D(3, 4);
            case "1d-two-outputs" -> new Library1D(2, 2, 2);
            default -> new Library2D(2);
        };
        int in = library.derivativeSet().inputDims();
        int outputs = library.outputs();
        try (NDManager m = NDManager.newBaseManager()) {
            JetMlp net = JetMlp.mlp(m, in, new int[] {16, 16}, outputs, new Activation.Tanh(), DataType.FLOAT64, 5);
            int n = 40;
            double[] points = new double[n * in];
            Random r = new Random(3);
            for (int i = 0; i < points.length; i++) {
                points[i] = r.nextDouble() * 2 - 1;
            }
            NDArray coords = m.create(points, new Shape(n, in));
            Jet jet = net.forward(coords, library.derivativeSet());
            LibraryValues values = library.evaluate(jet, new Scalars(m, DataType.FLOAT64));
            double[] theta = values.theta().toDoubleArray();
            assertEquals(n * library.termCount(), theta.length);
            assertEquals(n * outputs, values.timeDerivatives().toDoubleArray().length);

            // factor name -> per-point values, for every output and derivative
            Map<String, double[]> factors = new HashMap<>();
            double[] u = jet.value().toDoubleArray();
            for (int k = 0; k < outputs; k++) {
                String name = TermNames.output(k);
                factors.put(name, column(u, k, outputs));
                for (Partial p : library.derivativeSet().partials()) {
                    if (p != Partial.T) {
                        factors.put(name + "_" + p.suffix(), column(jet.derivative(p).toDoubleArray(), k, outputs));
                    }
                }
            }
            List<String> names = library.termNames();
            for (int j = 0; j < names.size(); j++) {
                for (int i = 0; i < n; i++) {
                    assertEquals(product(names.get(j), factors, i), theta[i * names.size() + j], 1e-12,
                            kind + " column " + names.get(j));
                }
            }
        }
    }

    private static double[] column(double[] flat, int k, int width) {
        double[] c = new double[flat.length / width];
        for (int i = 0; i < c.length; i++) {
            c[i] = flat[i * width + k];
        }
        return c;
    }

    /** Evaluates a term name such as {@code u^2*v_xx} at point i. */
    private static double product(String term, Map<String, double[]> factors, int i) {
        if (term.equals("1")) {
            return 1.0;
        }
        double value = 1.0;
        for (String factor : term.split("\\*")) {
            String[] power = factor.split("\\^");
            double base = factors.get(power[0])[i];
            value *= power.length == 1 ? base : Math.pow(base, Integer.parseInt(power[1]));
        }
        return value;
    }
}
