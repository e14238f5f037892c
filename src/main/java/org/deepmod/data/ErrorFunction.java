package org.deepmod.data;

/**
 * The complementary error function erfc and its scaled form erfcx(x) = exp(x²)·erfc(x) in double precision.
 * Java has neither. These are W. J. Cody's near-minimax rational approximations ("Rational Chebyshev
 * approximations for the error function", Math. Comp. 23 (1969) 631-638; the coefficients of his CALERF
 * packet), good to about one unit in the last place over the whole range.
 */
final class ErrorFunction {

    /** erf(x) = x·A(x²)/B(x²) for |x| &le; 0.46875. */
    private static final double[] A = {
        3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
        3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {
        2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
        2.84423683343917062e03};
    /** erfcx(x) = C(x)/D(x) for 0.46875 &lt; x &le; 4. */
    private static final double[] C = {
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
        2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
        2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8};
    private static final double[] D = {
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
        1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
        3.43936767414372164e03, 1.23033935480374942e03};
    /** erfcx(x) = (1/√π − P(1/x²)/(x²·Q(1/x²)))/x for x &gt; 4. */
    private static final double[] P = {
        3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2};
    private static final double[] Q = {
        2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
        6.05183413124413191e-2, 2.33520497626869185e-3};

    private static final double ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;
    private static final double SMALL_THRESHOLD = 0.46875;
    /** Above this, 1 − 1/(2x²) rounds to 1 and erfcx(x) = 1/(x√π) to working precision. */
    private static final double HUGE = 6.71e7;
    /** exp(−y²) is below the smallest subnormal double from here on. */
    private static final double UNDERFLOW = 27.3;

    private ErrorFunction() {
    }

    static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= SMALL_THRESHOLD) {
            return 1.0 - erfSmall(x);
        }
        double positive = expMinusSquare(y) * erfcxAbove(y);
        return x < 0 ? 2.0 - positive : positive;
    }

    /** exp(x²)·erfc(x); overflows to +∞ below x ≈ −26.6, where 2·exp(x²) does. */
    static double erfcx(double x) {
        double y = Math.abs(x);
        if (y <= SMALL_THRESHOLD) {
            return Math.exp(x * x) * (1.0 - erfSmall(x));
        }
        double positive = erfcxAbove(y);
        return x < 0 ? 2.0 / expMinusSquare(y) - positive : positive;
    }

    /** erf for |x| &le; 0.46875. */
    private static double erfSmall(double x) {
        double x2 = x * x;
        double num = A[4] * x2;
        double den = x2;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * x2;
            den = (den + B[i]) * x2;
        }
        return x * (num + A[3]) / (den + B[3]);
    }

    /** erfcx(y) for y &gt; 0.46875. */
    private static double erfcxAbove(double y) {
        if (y <= 4.0) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            return (num + C[7]) / (den + D[7]);
        }
        if (y >= HUGE) {
            return ONE_OVER_SQRT_PI / y;
        }
        double inv2 = 1.0 / (y * y);
        double num = P[5] * inv2;
        double den = inv2;
        for (int i = 0; i < 4; i++) {
            num = (num + P[i]) * inv2;
            den = (den + Q[i]) * inv2;
        }
        return (ONE_OVER_SQRT_PI - inv2 * (num + P[4]) / (den + Q[4])) / y;
    }

    /**
     * exp(−y²) without the rounding error of y² itself: y = h + r with h a multiple of 1/16, so h² is exact
     * and exp(−y²) = exp(−h²)·exp(−(y−h)(y+h)).
     */
    private static double expMinusSquare(double y) {
        if (y > UNDERFLOW) {
            return 0.0; // also keeps (y - h)·(y + h) from becoming 0·∞ for huge y
        }
        double h = Math.floor(y * 16.0) / 16.0;
        return Math.exp(-h * h) * Math.exp(-(y - h) * (y + h));
    }
}
