package org.deepmod.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The chain rule of one hidden layer on a tile, forward and backward: from the pre-activation channels z_c
 * and σ's derivatives to the activated channels a_c ({@link FaaDiBruno}), and back from ∂L/∂a_c to ∂L/∂z_c.
 * One loop per case, every channel in one pass with explicit SIMD (the JIT's auto-vectoriser gives up on
 * loops this wide). Tiles are padded to whole vectors; the padding is computed and never stored.
 */
final class TileChainRule {
    private static final VectorSpecies<Float> LANES = VectorWidth.Chosen.FLOATS;

    private final TileBuffers tiles;
    private final ChannelLayout channels;

    TileChainRule(TileBuffers tiles) {
        this.tiles = tiles;
        this.channels = tiles.layout;
    }

    /** results[c] = a_c for c ≥ 1 from sigma and the pre-activations (results[0] is σ(z_0), set by the caller). */
    void forward(int n) {
        if (channels.twoDimensional) {
            forward2d(n);
        } else {
            forward1d(n);
        }
    }

    /** results[c] = ∂L/∂z_c from the activation gradients, sigma (one order further) and the pre-activations. */
    void backward(int n) {
        if (channels.twoDimensional) {
            backward2d(n);
        } else {
            backward1d(n);
        }
    }

    private static FloatVector v(float[] a, int i) {
        return FloatVector.fromArray(LANES, a, i);
    }

    private void forward1d(int n) {
        float[] s1 = tiles.sigma[1];
        float[] s2 = tiles.sigma[2];
        float[] s3 = tiles.sigma[3];
        float[] s4 = tiles.sigma[4];
        float[] zt = tiles.preActivation(channels.t);
        float[] at = tiles.result(channels.t);
        int order = channels.xOrder;
        int step = LANES.length();
        VectorArithmetic r = VectorArithmetic.LANES;
        if (order == 0) {
            for (int i = 0; i < n; i += step) {
                FaaDiBruno.first(r, v(s1, i), v(zt, i)).intoArray(at, i);
            }
            return;
        }
        float[] z1 = tiles.preActivation(channels.x(1));
        float[] a1 = tiles.result(channels.x(1));
        float[] z2 = order >= 2 ? tiles.preActivation(channels.x(2)) : null;
        float[] a2 = order >= 2 ? tiles.result(channels.x(2)) : null;
        float[] z3 = order >= 3 ? tiles.preActivation(channels.x(3)) : null;
        float[] a3 = order >= 3 ? tiles.result(channels.x(3)) : null;
        float[] z4 = order >= 4 ? tiles.preActivation(channels.x(4)) : null;
        float[] a4 = order >= 4 ? tiles.result(channels.x(4)) : null;
        for (int i = 0; i < n; i += step) {
            FloatVector d1 = v(s1, i);
            FloatVector x1 = v(z1, i);
            FaaDiBruno.first(r, d1, v(zt, i)).intoArray(at, i);
            FaaDiBruno.first(r, d1, x1).intoArray(a1, i);
            if (order == 1) {
                continue;
            }
            FloatVector d2 = v(s2, i);
            FloatVector x2 = v(z2, i);
            FloatVector x1Sq = x1.mul(x1);
            FaaDiBruno.second(r, d1, d2, x1Sq, x2).intoArray(a2, i);
            if (order == 2) {
                continue;
            }
            FloatVector d3 = v(s3, i);
            FloatVector x3 = v(z3, i);
            FaaDiBruno.third(r, d1, d2, d3, x1, x1Sq, x2, x3).intoArray(a3, i);
            if (order == 3) {
                continue;
            }
            FaaDiBruno.fourth(r, d1, d2, d3, v(s4, i), x1, x1Sq, x2, x3, v(z4, i)).intoArray(a4, i);
        }
    }

    // Backward of forward1d: with h_k = dL/da_k, dL/dx_k collects every term x_k appears in, and
    // dL/dz_0 = h_0 d1 + sum_k (dL/dd_k) d_(k+1), since every d_k = σ^(k)(z_0) depends on z_0.
    private void backward1d(int n) {
        float[] s1 = tiles.sigma[1];
        float[] s2 = tiles.sigma[2];
        float[] s3 = tiles.sigma[3];
        float[] s4 = tiles.sigma[4];
        float[] s5 = tiles.sigma[5];
        float[] g0 = tiles.activationGradients[0];
        float[] r0 = tiles.results[0];
        float[] zt = tiles.preActivation(channels.t);
        float[] gt = tiles.activationGradient(channels.t);
        float[] rt = tiles.result(channels.t);
        int order = channels.xOrder;
        int step = LANES.length();
        float[] z1 = order >= 1 ? tiles.preActivation(channels.x(1)) : null;
        float[] g1 = order >= 1 ? tiles.activationGradient(channels.x(1)) : null;
        float[] r1 = order >= 1 ? tiles.result(channels.x(1)) : null;
        float[] z2 = order >= 2 ? tiles.preActivation(channels.x(2)) : null;
        float[] g2 = order >= 2 ? tiles.activationGradient(channels.x(2)) : null;
        float[] r2 = order >= 2 ? tiles.result(channels.x(2)) : null;
        float[] z3 = order >= 3 ? tiles.preActivation(channels.x(3)) : null;
        float[] g3 = order >= 3 ? tiles.activationGradient(channels.x(3)) : null;
        float[] r3 = order >= 3 ? tiles.result(channels.x(3)) : null;
        float[] z4 = order >= 4 ? tiles.preActivation(channels.x(4)) : null;
        float[] g4 = order >= 4 ? tiles.activationGradient(channels.x(4)) : null;
        float[] r4 = order >= 4 ? tiles.result(channels.x(4)) : null;
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

    // Two space dimensions: a_t, a_x, a_y as in 1D; a_xx, a_yy and a_xy as mixed second derivatives.
    private void forward2d(int n) {
        float[] s1 = tiles.sigma[1];
        float[] s2 = tiles.sigma[2];
        float[] zt = tiles.preActivation(channels.t);
        float[] zx = tiles.preActivation(channels.x(1));
        float[] zy = tiles.preActivation(channels.y);
        float[] zxx = tiles.preActivation(channels.x(2));
        float[] zyy = tiles.preActivation(channels.yy);
        float[] zxy = tiles.preActivation(channels.xy);
        float[] at = tiles.result(channels.t);
        float[] ax = tiles.result(channels.x(1));
        float[] ay = tiles.result(channels.y);
        float[] axx = tiles.result(channels.x(2));
        float[] ayy = tiles.result(channels.yy);
        float[] axy = tiles.result(channels.xy);
        VectorArithmetic r = VectorArithmetic.LANES;
        for (int i = 0; i < n; i += LANES.length()) {
            FloatVector d1 = v(s1, i);
            FloatVector d2 = v(s2, i);
            FloatVector x = v(zx, i);
            FloatVector y = v(zy, i);
            FaaDiBruno.first(r, d1, v(zt, i)).intoArray(at, i);
            FaaDiBruno.first(r, d1, x).intoArray(ax, i);
            FaaDiBruno.first(r, d1, y).intoArray(ay, i);
            FaaDiBruno.mixed(r, d1, d2, x, x, v(zxx, i)).intoArray(axx, i);
            FaaDiBruno.mixed(r, d1, d2, y, y, v(zyy, i)).intoArray(ayy, i);
            FaaDiBruno.mixed(r, d1, d2, x, y, v(zxy, i)).intoArray(axy, i);
        }
    }

    private void backward2d(int n) {
        float[] s1 = tiles.sigma[1];
        float[] s2 = tiles.sigma[2];
        float[] s3 = tiles.sigma[3];
        float[] zt = tiles.preActivation(channels.t);
        float[] zx = tiles.preActivation(channels.x(1));
        float[] zy = tiles.preActivation(channels.y);
        float[] zxx = tiles.preActivation(channels.x(2));
        float[] zyy = tiles.preActivation(channels.yy);
        float[] zxy = tiles.preActivation(channels.xy);
        float[] g0 = tiles.activationGradients[0];
        float[] gt = tiles.activationGradient(channels.t);
        float[] gx = tiles.activationGradient(channels.x(1));
        float[] gy = tiles.activationGradient(channels.y);
        float[] gxx = tiles.activationGradient(channels.x(2));
        float[] gyy = tiles.activationGradient(channels.yy);
        float[] gxy = tiles.activationGradient(channels.xy);
        float[] r0 = tiles.results[0];
        float[] rt = tiles.result(channels.t);
        float[] rx = tiles.result(channels.x(1));
        float[] ry = tiles.result(channels.y);
        float[] rxx = tiles.result(channels.x(2));
        float[] ryy = tiles.result(channels.yy);
        float[] rxy = tiles.result(channels.xy);
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
}
