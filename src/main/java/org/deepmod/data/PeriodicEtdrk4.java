package org.deepmod.data;

import java.util.function.UnaryOperator;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.deepmod.BadInputException;

/**
 * u_t = L u + N(u) on a periodic domain, pseudo-spectrally, with the fourth-order exponential time
 * differencing Runge–Kutta scheme of Kassam and Trefethen (2005) — the way PDE-FIND made its
 * Kuramoto–Sivashinsky data. L is diagonal in Fourier space; its φ-functions are evaluated by the contour
 * integral of 32 points, which stays accurate where h·L is near 0. FFTs from Commons Math (power-of-two
 * sizes).
 */
final class PeriodicEtdrk4 {

    /** The nonlinear part in Fourier space, from the Fourier coefficients of u and the wavenumbers. */
    interface Nonlinear {
        Complex[] apply(Complex[] uHat, double[] k);
    }

    private static final FastFourierTransformer FFT = new FastFourierTransformer(DftNormalization.STANDARD);
    private static final int CONTOUR = 32;

    private PeriodicEtdrk4() {
    }

    static Complex[] forward(double[] u) {
        return FFT.transform(u, TransformType.FORWARD);
    }

    static double[] inverse(Complex[] uHat) {
        Complex[] u = FFT.transform(uHat, TransformType.INVERSE);
        double[] real = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            real[i] = u[i].getReal();
        }
        return real;
    }

    /** Wavenumbers 2π/length · (0, 1, ..., n/2 − 1, 0, −n/2 + 1, ..., −1): the Nyquist mode is not differentiated. */
    static double[] wavenumbers(int n, double length) {
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            int m = i < n / 2 ? i : i == n / 2 ? 0 : i - n;
            k[i] = 2 * Math.PI / length * m;
        }
        return k;
    }

    /**
     * u on the grid start + j·length/n at each output time (values[ix·nt + it], time fastest), from u0 at t = 0.
     * The step is the output spacing divided into pieces of at most {@code maxStep}.
     */
    static double[] solve(UnaryOperator<double[]> initial, double[] linearOfK, Nonlinear nonlinear, double[] xs,
                          double length, double[] times, double maxStep, String name) {
        int n = xs.length;
        requireFftSize(n, name);
        double spacing = times.length > 1 ? times[1] - times[0] : Math.max(times[0], maxStep);
        int perOutput = (int) Math.ceil(spacing / maxStep - 1e-9);
        double h = spacing / perOutput;
        long before = Math.round(times[0] / h);
        if (times[0] < 0 || Math.abs(before * h - times[0]) > 1e-9 * Math.max(1, times[0])) {
            throw new BadInputException(name + ": t.start (" + times[0] + ") must be 0 or a multiple of the output "
                    + "spacing's step " + h);
        }
        double[] k = wavenumbers(n, length);
        double[] e = new double[n];
        double[] e2 = new double[n];
        double[] q = new double[n];
        double[] f1 = new double[n];
        double[] f2 = new double[n];
        double[] f3 = new double[n];
        for (int i = 0; i < n; i++) {
            double hl = h * linearOfK[i];
            e[i] = Math.exp(hl);
            e2[i] = Math.exp(hl / 2);
            Complex sq = Complex.ZERO;
            Complex s1 = Complex.ZERO;
            Complex s2 = Complex.ZERO;
            Complex s3 = Complex.ZERO;
            for (int j = 1; j <= CONTOUR; j++) {
                Complex lr = new Complex(hl, 0).add(new Complex(0, Math.PI * (j - 0.5) / CONTOUR).exp());
                Complex ex = lr.exp();
                Complex lr3 = lr.multiply(lr).multiply(lr);
                sq = sq.add(lr.divide(2).exp().subtract(1).divide(lr));
                s1 = s1.add(ex.multiply(lr.multiply(lr).subtract(lr.multiply(3)).add(4)).subtract(lr).subtract(4)
                        .divide(lr3));
                s2 = s2.add(ex.multiply(lr.subtract(2)).add(lr).add(2).divide(lr3));
                s3 = s3.add(ex.multiply(lr.negate().add(4)).subtract(4).subtract(lr.multiply(3))
                        .subtract(lr.multiply(lr)).divide(lr3));
            }
            q[i] = h * sq.getReal() / CONTOUR;
            f1[i] = h * s1.getReal() / CONTOUR;
            f2[i] = h * s2.getReal() / CONTOUR;
            f3[i] = h * s3.getReal() / CONTOUR;
        }
        Complex[] v = forward(initial.apply(xs.clone()));
        double[] values = new double[n * times.length];
        long done = 0;
        for (int it = 0; it < times.length; it++) {
            long target = before + (long) it * perOutput;
            for (; done < target; done++) {
                Complex[] nv = nonlinear.apply(v, k);
                Complex[] a = combine(e2, v, q, nv);
                Complex[] na = nonlinear.apply(a, k);
                Complex[] b = combine(e2, v, q, na);
                Complex[] nb = nonlinear.apply(b, k);
                Complex[] c = new Complex[n];
                for (int i = 0; i < n; i++) {
                    c[i] = a[i].multiply(e2[i]).add(nb[i].multiply(2).subtract(nv[i]).multiply(q[i]));
                }
                Complex[] nc = nonlinear.apply(c, k);
                for (int i = 0; i < n; i++) {
                    v[i] = v[i].multiply(e[i]).add(nv[i].multiply(f1[i])).add(na[i].add(nb[i]).multiply(2 * f2[i]))
                            .add(nc[i].multiply(f3[i]));
                }
            }
            double[] u = inverse(v);
            for (int ix = 0; ix < n; ix++) {
                if (!Double.isFinite(u[ix])) {
                    throw new BadInputException(name + ": the solution blew up before t = " + times[it]);
                }
                values[ix * times.length + it] = u[ix];
            }
        }
        return values;
    }

    /** e·v + q·w, elementwise. */
    private static Complex[] combine(double[] e, Complex[] v, double[] q, Complex[] w) {
        Complex[] out = new Complex[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].multiply(e[i]).add(w[i].multiply(q[i]));
        }
        return out;
    }

    /**
     * One field on the periodic grid of {@code space} at {@code times}: L(k) per wavenumber, u0(x) per point,
     * N in Fourier space; the dataset as {@link Simulation#sample} gives it.
     */
    static Dataset sample(String name, double[] times, double[] space, java.util.function.DoubleUnaryOperator linear,
                          java.util.function.DoubleUnaryOperator initial, Nonlinear nonlinear, double maxStep) {
        double[] xs = periodicAxis(space);
        double length = space[1] - space[0];
        double[] k = wavenumbers(xs.length, length);
        double[] linearOfK = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            linearOfK[i] = linear.applyAsDouble(k[i]);
        }
        double[] u = solve(x -> {
            double[] u0 = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                u0[j] = initial.applyAsDouble(x[j]);
            }
            return u0;
        }, linearOfK, nonlinear, xs, length, times, maxStep, name);
        return Simulation.onGrid(times, xs, new double[][] {u});
    }

    /** Commons Math's FFT takes power-of-two sizes only; a bad x.count is the user's, so say so in one line. */
    static void requireFftSize(int n, String name) {
        if (Integer.bitCount(n) != 1 || n < 8) {
            throw new BadInputException(name + ": x.count must be a power of two (at least 8) for the FFT, not " + n);
        }
    }

    /** The periodic grid start + j·(stop − start)/count, j = 0 .. count − 1. */
    static double[] periodicAxis(double[] space) {
        int n = (int) space[2];
        double[] xs = new double[n];
        for (int j = 0; j < n; j++) {
            xs[j] = space[0] + j * (space[1] - space[0]) / n;
        }
        return xs;
    }
}
