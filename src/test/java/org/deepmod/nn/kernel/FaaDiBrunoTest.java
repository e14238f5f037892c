package org.deepmod.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one definition of tanh's derivatives and of the chain rule, on plain doubles: each order must be the
 * derivative of the one below (a central difference of the formula's own lower order), and the first ones
 * must be tanh's and σ(z(x))'s known closed forms.
 */
class FaaDiBrunoTest {
    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-8;

    /** JetArithmetic on doubles, for checking the formulas away from arrays and vectors. */
    private static final JetArithmetic<Double> DOUBLES = new JetArithmetic<>() {
        @Override
        public Double add(Double a, Double b) {
            return a + b;
        }

        @Override
        public Double mul(Double a, Double b) {
            return a * b;
        }

        @Override
        public Double times(Double a, float c) {
            return a * c;
        }

        @Override
        public Double plus(Double a, float c) {
            return a + c;
        }

        @Override
        public Double neg(Double a) {
            return -a;
        }
    };

    /** σ^(k)(z) of tanh from the shared polynomials, k = 0..5. */
    private static double tanhDerivative(int k, double z) {
        double a = Math.tanh(z);
        double q = a * a;
        double d1 = TanhDerivatives.first(DOUBLES, q);
        switch (k) {
            case 0: return a;
            case 1: return d1;
            case 2: return TanhDerivatives.second(DOUBLES, a, d1);
            case 3: return TanhDerivatives.third(DOUBLES, q, d1);
            case 4: return TanhDerivatives.fourth(DOUBLES, a, q, d1);
            case 5: return TanhDerivatives.fifth(DOUBLES, q, d1);
            default: throw new IllegalArgumentException("order " + k);
        }
    }

    /** z(x) = 0.3 + 0.7 x − 0.4 x² + 0.2 x³ + 0.1 x⁴ and its derivatives, exact. */
    private static double z(int k, double x) {
        switch (k) {
            case 0: return 0.3 + 0.7 * x - 0.4 * x * x + 0.2 * x * x * x + 0.1 * x * x * x * x;
            case 1: return 0.7 - 0.8 * x + 0.6 * x * x + 0.4 * x * x * x;
            case 2: return -0.8 + 1.2 * x + 1.2 * x * x;
            case 3: return 1.2 + 2.4 * x;
            case 4: return 2.4;
            default: throw new IllegalArgumentException("order " + k);
        }
    }

    /** ∂x^k tanh(z(x)) by the shared chain rule, k = 0..4. */
    private static double composed(int k, double x) {
        double zx = z(0, x);
        double d1 = tanhDerivative(1, zx);
        double d2 = tanhDerivative(2, zx);
        double d3 = tanhDerivative(3, zx);
        double d4 = tanhDerivative(4, zx);
        double x1 = z(1, x);
        double x1Sq = x1 * x1;
        switch (k) {
            case 0: return Math.tanh(zx);
            case 1: return FaaDiBruno.first(DOUBLES, d1, x1);
            case 2: return FaaDiBruno.second(DOUBLES, d1, d2, x1Sq, z(2, x));
            case 3: return FaaDiBruno.third(DOUBLES, d1, d2, d3, x1, x1Sq, z(2, x), z(3, x));
            case 4: return FaaDiBruno.fourth(DOUBLES, d1, d2, d3, d4, x1, x1Sq, z(2, x), z(3, x), z(4, x));
            default: throw new IllegalArgumentException("order " + k);
        }
    }

    private static double centralDifference(DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
    }

    @ParameterizedTest(name = "z = {0}")
    @ValueSource(doubles = {-2.1, -0.6, 0.0, 0.35, 1.4})
    void eachTanhDerivativeIsTheDerivativeOfTheOneBelow(double z) {
        double sech = 1 / Math.cosh(z);
        assertEquals(sech * sech, tanhDerivative(1, z), 1e-15);
        for (int k = 1; k <= 5; k++) {
            int below = k - 1;
            assertEquals(centralDifference(t -> tanhDerivative(below, t), z), tanhDerivative(k, z), TOLERANCE,
                    "order " + k + " at " + z);
        }
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1.3, -0.2, 0.0, 0.45, 1.1})
    void eachChainRuleOrderIsTheDerivativeOfTheOneBelow(double x) {
        double sech = 1 / Math.cosh(z(0, x));
        assertEquals(sech * sech * z(1, x), composed(1, x), 1e-15);
        for (int k = 1; k <= 4; k++) {
            int below = k - 1;
            assertEquals(centralDifference(t -> composed(below, t), x), composed(k, x), TOLERANCE,
                    "order " + k + " at " + x);
        }
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-0.7, 0.25, 0.9})
    void theMixedDerivativeIsTheSecondAlongOneCoordinate(double x) {
        double zx = z(0, x);
        double d1 = tanhDerivative(1, zx);
        double d2 = tanhDerivative(2, zx);
        double x1 = z(1, x);
        assertEquals(composed(2, x), FaaDiBruno.mixed(DOUBLES, d1, d2, x1, x1, z(2, x)), 1e-14);
    }
}
