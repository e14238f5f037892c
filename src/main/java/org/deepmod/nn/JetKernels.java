package org.deepmod.nn;

import java.nio.FloatBuffer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The elementwise part of one hidden layer's jet, forward and backward, fused on the JVM: from the
 * pre-activation channels z_c (N x H each) and σ(z_0) to the activated channels a_c, and back from the
 * gradient of the a_c to that of the z_c. Through PyTorch this is ~25 small operations forward and ~40
 * backward per layer, each streaming whole N x H arrays through memory; here every element is touched once,
 * in tiles that stay in the L1 cache, with explicit SIMD (the Vector API).
 *
 * <p>σ itself comes from PyTorch (a vectorised transcendental): for tanh the logistic σ(2z), from which
 * tanh z = 2σ(2z) − 1 and all its derivatives are polynomials; for sin both sin z and cos z.
 *
 * <p>Not thread-safe: the scratch tiles belong to one pass.
 */
final class JetKernels {
    /** Where the pre-activation of a derivative channel comes from. */
    static final class Source {
        final FloatBuffer buffer;
        final int offset;
        final float[] row;

        private Source(FloatBuffer buffer, int offset, float[] row) {
            this.buffer = buffer;
            this.offset = offset;
            this.row = row;
        }

        /** A full N x H block of {@code buffer} starting at element {@code offset}. */
        static Source block(FloatBuffer buffer, int offset) {
            return new Source(buffer, offset, null);
        }

        /** The same row for every sample (the first layer's ∂z/∂x is a row of W). */
        static Source row(float[] row) {
            return new Source(null, 0, row);
        }

        /** Identically zero (higher derivatives of the inputs). */
        static Source zero() {
            return new Source(null, 0, null);
        }
    }

    private static final int TILE = 512;
    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;

    private final JetChannels layout;
    private final boolean tanh;
    private final int rows;
    private final int width;
    private final int channelSize;
    private final int tileRows;
    private final int channels;
    private final float[][] s = new float[6][];
    private final float[][] z;
    private final float[][] g;
    private final float[][] out;
    private final float[] base0;
    private final float[] base1;
    private final float[] zeros;

    JetKernels(JetChannels layout, Activation activation, int rows, int width) {
        this.layout = layout;
        this.tanh = activation instanceof Activation.Tanh;
        if (!tanh && !(activation instanceof Activation.Sine)) {
            throw new IllegalArgumentException("no fused kernel for activation " + activation.name());
        }
        this.rows = rows;
        this.width = width;
        this.channelSize = Math.multiplyExact(rows, width);
        this.tileRows = Math.max(1, TILE / width);
        // whole vectors: the last one of a tile may run into the padding
        int tile = (tileRows * width + LANES.length() - 1) / LANES.length() * LANES.length();
        this.channels = layout.count();
        for (int k = 0; k < s.length; k++) {
            s[k] = new float[tile];
        }
        this.z = new float[channels][tile];
        this.g = new float[channels][tile];
        this.out = new float[channels][tile];
        this.base0 = new float[tile];
        this.base1 = new float[tile];
        this.zeros = new float[tile];
    }

    /**
     * Whether the JVM was started with {@code --add-modules=jdk.incubator.vector} (bin/deepmod, the tests and
     * Spark's own launch options do); without it the kernels cannot load and training takes autograd.
     */
    static boolean available() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Whether this activation needs a second base array (cos z for sin). */
    static boolean needsSecondBase(Activation activation) {
        return activation instanceof Activation.Sine;
    }

    /**
     * a_c for every channel into {@code activated} (C x N x H): channel 0 is σ(z_0), the others follow
     * Faà di Bruno. {@code first}/{@code second}: σ(2z_0) for tanh; sin z_0 and cos z_0 for sin.
     */
    void forward(FloatBuffer first, FloatBuffer second, Source[] sources, FloatBuffer activated) {
        for (int row0 = 0; row0 < rows; row0 += tileRows) {
            int at = row0 * width;
            int n = Math.min(tileRows, rows - row0) * width;
            derivativesOfSigma(first, second, at, n, layout.sigmaOrder());
            loadSources(sources, row0, n);
            System.arraycopy(s[0], 0, out[0], 0, n);
            if (layout.twoDimensional()) {
                forward2d(n);
            } else {
                forward1d(n);
            }
            for (int c = 0; c < channels; c++) {
                activated.put(c * channelSize + at, out[c], 0, n);
            }
        }
    }

    /**
     * The gradient with respect to the pre-activations z_c (C x N x H) into {@code result}, from the
     * gradient with respect to the activated channels ({@code gradient}, C x N x H). Also sums the result
     * over the samples into {@code sums} (per channel, H each) for the first {@code summed} channels: the
     * bias gradient is the sum of channel 0, and the first layer needs every channel's (its ∂z/∂x rows) —
     * while the tile is still in the cache rather than in another pass over memory.
     */
    void backward(FloatBuffer first, FloatBuffer second, Source[] sources, FloatBuffer gradient,
                  FloatBuffer result, float[][] sums, int summed) {
        for (int row0 = 0; row0 < rows; row0 += tileRows) {
            int at = row0 * width;
            int n = Math.min(tileRows, rows - row0) * width;
            derivativesOfSigma(first, second, at, n, layout.sigmaOrder() + 1);
            loadSources(sources, row0, n);
            for (int c = 0; c < channels; c++) {
                gradient.get(c * channelSize + at, g[c], 0, n);
            }
            if (layout.twoDimensional()) {
                backward2d(n);
            } else {
                backward1d(n);
            }
            for (int c = 0; c < channels; c++) {
                result.put(c * channelSize + at, out[c], 0, n);
            }
            for (int c = 0; c < summed; c++) {
                float[] sum = sums[c];
                float[] tile = out[c];
                for (int r = 0; r < n; r += width) {
                    for (int h = 0; h < width; h++) {
                        sum[h] += tile[r + h];
                    }
                }
            }
        }
    }

    private float[] zOf(Partial p) {
        return z[layout.of(p)];
    }

    private float[] gOf(Partial p) {
        return g[layout.of(p)];
    }

    private float[] outOf(Partial p) {
        return out[layout.of(p)];
    }

    private static FloatVector v(float[] a, int i) {
        return FloatVector.fromArray(LANES, a, i);
    }

    // One loop per case, every channel in one pass with explicit SIMD (the JIT's auto-vectoriser gives up on
    // loops this wide). Tiles are padded to whole vectors; the padding is computed and never stored.
    // a_t = d1 z_t; with d_k = σ^(k)(z_0) and x_k = ∂x^k z: a_1 = d1 x1, a_2 = d2 x1^2 + d1 x2,
    // a_3 = d3 x1^3 + 3 d2 x1 x2 + d1 x3, a_4 = d4 x1^4 + 6 d3 x1^2 x2 + d2 (3 x2^2 + 4 x1 x3) + d1 x4.

    private void forward1d(int n) {
        float[] s1 = s[1];
        float[] s2 = s[2];
        float[] s3 = s[3];
        float[] s4 = s[4];
        float[] zt = zOf(Partial.T);
        float[] at = outOf(Partial.T);
        int order = layout.xOrder();
        int step = LANES.length();
        if (order == 0) {
            for (int i = 0; i < n; i += step) {
                v(s1, i).mul(v(zt, i)).intoArray(at, i);
            }
            return;
        }
        float[] z1 = zOf(Partial.X);
        float[] a1 = outOf(Partial.X);
        float[] z2 = order >= 2 ? zOf(Partial.XX) : null;
        float[] a2 = order >= 2 ? outOf(Partial.XX) : null;
        float[] z3 = order >= 3 ? zOf(Partial.XXX) : null;
        float[] a3 = order >= 3 ? outOf(Partial.XXX) : null;
        float[] z4 = order >= 4 ? zOf(Partial.XXXX) : null;
        float[] a4 = order >= 4 ? outOf(Partial.XXXX) : null;
        for (int i = 0; i < n; i += step) {
            FloatVector d1 = v(s1, i);
            FloatVector x1 = v(z1, i);
            d1.mul(v(zt, i)).intoArray(at, i);
            d1.mul(x1).intoArray(a1, i);
            if (order == 1) {
                continue;
            }
            FloatVector d2 = v(s2, i);
            FloatVector x2 = v(z2, i);
            FloatVector x1Sq = x1.mul(x1);
            d2.mul(x1Sq).add(d1.mul(x2)).intoArray(a2, i);
            if (order == 2) {
                continue;
            }
            FloatVector d3 = v(s3, i);
            FloatVector x3 = v(z3, i);
            d3.mul(x1Sq).mul(x1).add(d2.mul(x1).mul(x2).mul(3f)).add(d1.mul(x3)).intoArray(a3, i);
            if (order == 3) {
                continue;
            }
            v(s4, i).mul(x1Sq).mul(x1Sq)
                    .add(d3.mul(x1Sq).mul(x2).mul(6f))
                    .add(d2.mul(x2.mul(x2).mul(3f).add(x1.mul(x3).mul(4f))))
                    .add(d1.mul(v(z4, i)))
                    .intoArray(a4, i);
        }
    }

    // Backward of forward1d: with h_k = dL/da_k, dL/dx_k collects every term x_k appears in, and
    // dL/dz_0 = h_0 d1 + sum_k (dL/dd_k) d_(k+1), since every d_k = σ^(k)(z_0) depends on z_0.
    private void backward1d(int n) {
        float[] s1 = s[1];
        float[] s2 = s[2];
        float[] s3 = s[3];
        float[] s4 = s[4];
        float[] s5 = s[5];
        float[] g0 = g[0];
        float[] r0 = out[0];
        float[] zt = zOf(Partial.T);
        float[] gt = gOf(Partial.T);
        float[] rt = outOf(Partial.T);
        int order = layout.xOrder();
        int step = LANES.length();
        float[] z1 = order >= 1 ? zOf(Partial.X) : null;
        float[] g1 = order >= 1 ? gOf(Partial.X) : null;
        float[] r1 = order >= 1 ? outOf(Partial.X) : null;
        float[] z2 = order >= 2 ? zOf(Partial.XX) : null;
        float[] g2 = order >= 2 ? gOf(Partial.XX) : null;
        float[] r2 = order >= 2 ? outOf(Partial.XX) : null;
        float[] z3 = order >= 3 ? zOf(Partial.XXX) : null;
        float[] g3 = order >= 3 ? gOf(Partial.XXX) : null;
        float[] r3 = order >= 3 ? outOf(Partial.XXX) : null;
        float[] z4 = order >= 4 ? zOf(Partial.XXXX) : null;
        float[] g4 = order >= 4 ? gOf(Partial.XXXX) : null;
        float[] r4 = order >= 4 ? outOf(Partial.XXXX) : null;
        for (int i = 0; i < n; i += step) {
            FloatVector d1 = v(s1, i);
            FloatVector d2 = v(s2, i);
            FloatVector ht = v(gt, i);
            d1.mul(ht).intoArray(rt, i);
            FloatVector sigma1 = ht.mul(v(zt, i));
            FloatVector z0 = v(g0, i).mul(d1);
            if (order == 0) {
                z0.add(sigma1.mul(d2)).intoArray(r0, i);
                continue;
            }
            FloatVector x1 = v(z1, i);
            FloatVector h1 = v(g1, i);
            sigma1 = sigma1.add(h1.mul(x1));
            if (order == 1) {
                d1.mul(h1).intoArray(r1, i);
                z0.add(sigma1.mul(d2)).intoArray(r0, i);
                continue;
            }
            FloatVector d3 = v(s3, i);
            FloatVector x2 = v(z2, i);
            FloatVector h2 = v(g2, i);
            FloatVector x1Sq = x1.mul(x1);
            sigma1 = sigma1.add(h2.mul(x2));
            FloatVector sigma2 = h2.mul(x1Sq);
            FloatVector r1v = d1.mul(h1).add(d2.mul(x1).mul(h2).mul(2f));
            if (order == 2) {
                r1v.intoArray(r1, i);
                d1.mul(h2).intoArray(r2, i);
                z0.add(sigma1.mul(d2)).add(sigma2.mul(d3)).intoArray(r0, i);
                continue;
            }
            FloatVector d4 = v(s4, i);
            FloatVector x3 = v(z3, i);
            FloatVector h3 = v(g3, i);
            sigma1 = sigma1.add(h3.mul(x3));
            sigma2 = sigma2.add(h3.mul(x1).mul(x2).mul(3f));
            FloatVector sigma3 = h3.mul(x1Sq).mul(x1);
            r1v = r1v.add(d3.mul(x1Sq).add(d2.mul(x2)).mul(h3).mul(3f));
            FloatVector r2v = d1.mul(h2).add(d2.mul(x1).mul(h3).mul(3f));
            FloatVector r3v = d1.mul(h3);
            if (order == 3) {
                r1v.intoArray(r1, i);
                r2v.intoArray(r2, i);
                r3v.intoArray(r3, i);
                z0.add(sigma1.mul(d2)).add(sigma2.mul(d3)).add(sigma3.mul(d4)).intoArray(r0, i);
                continue;
            }
            FloatVector h4 = v(g4, i);
            sigma1 = sigma1.add(h4.mul(v(z4, i)));
            sigma2 = sigma2.add(h4.mul(x2.mul(x2).mul(3f).add(x1.mul(x3).mul(4f))));
            sigma3 = sigma3.add(h4.mul(x1Sq).mul(x2).mul(6f));
            FloatVector sigma4 = h4.mul(x1Sq).mul(x1Sq);
            r1v.add(d4.mul(x1Sq).mul(x1).add(d3.mul(x1).mul(x2).mul(3f)).add(d2.mul(x3)).mul(h4).mul(4f))
                    .intoArray(r1, i);
            r2v.add(d3.mul(x1Sq).add(d2.mul(x2)).mul(h4).mul(6f)).intoArray(r2, i);
            r3v.add(d2.mul(x1).mul(h4).mul(4f)).intoArray(r3, i);
            d1.mul(h4).intoArray(r4, i);
            z0.add(sigma1.mul(d2)).add(sigma2.mul(d3)).add(sigma3.mul(d4)).add(sigma4.mul(v(s5, i)))
                    .intoArray(r0, i);
        }
    }

    // Two space dimensions: a_t, a_x, a_y as in 1D; a_xx = d2 z_x^2 + d1 z_xx, a_yy alike,
    // a_xy = d2 z_x z_y + d1 z_xy.
    private void forward2d(int n) {
        float[] s1 = s[1];
        float[] s2 = s[2];
        float[] zt = zOf(Partial.T);
        float[] zx = zOf(Partial.X);
        float[] zy = zOf(Partial.Y);
        float[] zxx = zOf(Partial.XX);
        float[] zyy = zOf(Partial.YY);
        float[] zxy = zOf(Partial.XY);
        float[] at = outOf(Partial.T);
        float[] ax = outOf(Partial.X);
        float[] ay = outOf(Partial.Y);
        float[] axx = outOf(Partial.XX);
        float[] ayy = outOf(Partial.YY);
        float[] axy = outOf(Partial.XY);
        for (int i = 0; i < n; i += LANES.length()) {
            FloatVector d1 = v(s1, i);
            FloatVector d2 = v(s2, i);
            FloatVector x = v(zx, i);
            FloatVector y = v(zy, i);
            d1.mul(v(zt, i)).intoArray(at, i);
            d1.mul(x).intoArray(ax, i);
            d1.mul(y).intoArray(ay, i);
            d2.mul(x).mul(x).add(d1.mul(v(zxx, i))).intoArray(axx, i);
            d2.mul(y).mul(y).add(d1.mul(v(zyy, i))).intoArray(ayy, i);
            d2.mul(x).mul(y).add(d1.mul(v(zxy, i))).intoArray(axy, i);
        }
    }

    private void backward2d(int n) {
        float[] s1 = s[1];
        float[] s2 = s[2];
        float[] s3 = s[3];
        float[] zt = zOf(Partial.T);
        float[] zx = zOf(Partial.X);
        float[] zy = zOf(Partial.Y);
        float[] zxx = zOf(Partial.XX);
        float[] zyy = zOf(Partial.YY);
        float[] zxy = zOf(Partial.XY);
        float[] g0 = g[0];
        float[] gt = gOf(Partial.T);
        float[] gx = gOf(Partial.X);
        float[] gy = gOf(Partial.Y);
        float[] gxx = gOf(Partial.XX);
        float[] gyy = gOf(Partial.YY);
        float[] gxy = gOf(Partial.XY);
        float[] r0 = out[0];
        float[] rt = outOf(Partial.T);
        float[] rx = outOf(Partial.X);
        float[] ry = outOf(Partial.Y);
        float[] rxx = outOf(Partial.XX);
        float[] ryy = outOf(Partial.YY);
        float[] rxy = outOf(Partial.XY);
        for (int i = 0; i < n; i += LANES.length()) {
            FloatVector d1 = v(s1, i);
            FloatVector d2 = v(s2, i);
            FloatVector x = v(zx, i);
            FloatVector y = v(zy, i);
            FloatVector ht = v(gt, i);
            FloatVector hx = v(gx, i);
            FloatVector hy = v(gy, i);
            FloatVector hxx = v(gxx, i);
            FloatVector hyy = v(gyy, i);
            FloatVector hxy = v(gxy, i);
            d1.mul(ht).intoArray(rt, i);
            d1.mul(hxx).intoArray(rxx, i);
            d1.mul(hyy).intoArray(ryy, i);
            d1.mul(hxy).intoArray(rxy, i);
            d1.mul(hx).add(d2.mul(x.mul(hxx).mul(2f).add(y.mul(hxy)))).intoArray(rx, i);
            d1.mul(hy).add(d2.mul(y.mul(hyy).mul(2f).add(x.mul(hxy)))).intoArray(ry, i);
            FloatVector sigma1 = ht.mul(v(zt, i)).add(hx.mul(x)).add(hy.mul(y)).add(hxx.mul(v(zxx, i)))
                    .add(hyy.mul(v(zyy, i))).add(hxy.mul(v(zxy, i)));
            FloatVector sigma2 = hxx.mul(x).mul(x).add(hyy.mul(y).mul(y)).add(hxy.mul(x).mul(y));
            v(g0, i).mul(d1).add(sigma1.mul(d2)).add(sigma2.mul(v(s3, i))).intoArray(r0, i);
        }
    }

    private void loadSources(Source[] sources, int row0, int n) {
        for (int c = 1; c < channels; c++) {
            Source src = sources[c];
            if (src.buffer != null) {
                src.buffer.get(src.offset + row0 * width, z[c], 0, n);
            } else if (src.row != null) {
                for (int at = 0; at < n; at += width) {
                    System.arraycopy(src.row, 0, z[c], at, width);
                }
            } else {
                z[c] = zeros; // every tile is as long, so one zero tile serves every zero channel
            }
        }
    }

    /** s[k] = σ^(k)(z_0) for k = 0..order on the tile. */
    private void derivativesOfSigma(FloatBuffer first, FloatBuffer second, int at, int n, int order) {
        first.get(at, base0, 0, n);
        float[] s0 = s[0];
        float[] s1 = s[1];
        if (tanh) {
            // tanh z = 2σ(2z) − 1; with q = tanh², every derivative is a polynomial in tanh
            for (int i = 0; i < n; i++) {
                float a = 2f * base0[i] - 1f;
                s0[i] = a;
                s1[i] = 1f - a * a;
            }
            if (order >= 2) {
                float[] s2 = s[2];
                for (int i = 0; i < n; i++) {
                    s2[i] = -2f * s0[i] * s1[i];
                }
            }
            if (order >= 3) {
                float[] s3 = s[3];
                for (int i = 0; i < n; i++) {
                    float q = s0[i] * s0[i];
                    s3[i] = s1[i] * (6f * q - 2f);
                }
            }
            if (order >= 4) {
                float[] s4 = s[4];
                for (int i = 0; i < n; i++) {
                    float q = s0[i] * s0[i];
                    s4[i] = s0[i] * s1[i] * (16f - 24f * q);
                }
            }
            if (order >= 5) {
                float[] s5 = s[5];
                for (int i = 0; i < n; i++) {
                    float q = s0[i] * s0[i];
                    s5[i] = s1[i] * (16f - 120f * q + 120f * q * q);
                }
            }
        } else {
            second.get(at, base1, 0, n);
            System.arraycopy(base0, 0, s0, 0, n);
            System.arraycopy(base1, 0, s1, 0, n);
            // sin, cos, −sin, −cos, sin, cos
            for (int k = 2; k <= order; k++) {
                float[] from = s[k - 2];
                float[] to = s[k];
                for (int i = 0; i < n; i++) {
                    to[i] = -from[i];
                }
            }
        }
    }
}
