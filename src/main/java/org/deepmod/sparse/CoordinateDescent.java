package org.deepmod.sparse;

/**
 * Cyclic coordinate descent for the elastic net in Gram form, step for step scikit-learn's
 * {@code _cd_fast.enet_coordinate_descent_gram} (1.2): it minimises
 * <pre>  ½ wᵀQw − qᵀw + l1·‖w‖₁ + ½ l2·‖w‖²,   Q = XᵀX, q = Xᵀy,</pre>
 * i.e. n times scikit-learn's objective (1/2n)‖y − Xw‖² + α·ρ‖w‖₁ + ½α(1−ρ)‖w‖² with l1 = αρn, l2 = α(1−ρ)n.
 * Same coordinate order, same updates (up to rounding) and the same stop: after a sweep whose largest relative update is below
 * {@code tol}, the duality gap is computed and the solve ends when it is below {@code tol·yᵀy}. Matching the
 * iterates (not only the optimum) is what lets coefficients agree with scikit-learn to 1e-6 along a path.
 * One instance per thread: it keeps its work arrays between calls.
 */
final class CoordinateDescent {
    private double[] h = new double[0];

    /** Minimises from the warm start {@code w} (updated in place); returns the number of sweeps. */
    int minimize(Gram g, double l1, double l2, double[] w, int maxIter, double tol) {
        int p = g.p;
        double[] q = g.xtx;
        double[] b = g.xty;
        if (h.length != p) {
            h = new double[p];
        }
        for (int j = 0; j < p; j++) {
            double s = 0.0;
            for (int k = 0; k < p; k++) {
                s += q[j * p + k] * w[k];
            }
            h[j] = s;
        }
        double gapTol = tol * g.yty;
        int sweep = 0;
        while (sweep < maxIter) {
            double wMax = 0.0;
            double dwMax = 0.0;
            for (int ii = 0; ii < p; ii++) {
                double qii = q[ii * p + ii];
                if (qii == 0.0) {
                    continue;
                }
                double old = w[ii];
                // scikit-learn removes old·Q[ii] from H and then adds new·Q[ii]; one update by the difference is
                // the same iterate (H differs by rounding only) at half the cost, and none when nothing moved.
                double tmp = b[ii] - h[ii] + qii * old;
                double shrunk = Math.abs(tmp) - l1;
                double updated = shrunk > 0.0 ? Math.copySign(shrunk, tmp) / (qii + l2) : 0.0;
                w[ii] = updated;
                if (updated != old) {
                    axpy(updated - old, q, ii * p, p);
                }
                dwMax = Math.max(dwMax, Math.abs(updated - old));
                wMax = Math.max(wMax, Math.abs(updated));
            }
            sweep++;
            boolean lastSweep = sweep == maxIter;
            if ((wMax == 0.0 || dwMax / wMax < tol || lastSweep) && dualityGap(g, l1, l2, w) < gapTol) {
                break;
            }
        }
        return sweep;
    }

    /** scikit-learn's duality gap for the Gram form (its variable names kept in the comments). */
    private double dualityGap(Gram g, double l1, double l2, double[] w) {
        int p = g.p;
        double qDotW = 0.0;     // q_dot_w
        double dualNorm = 0.0;  // dual_norm_XtA = max |q − H − l2·w|
        double wH = 0.0;        // tmp = Σ w·H
        double wNorm2 = 0.0;
        double wL1 = 0.0;
        for (int j = 0; j < p; j++) {
            qDotW += w[j] * g.xty[j];
            dualNorm = Math.max(dualNorm, Math.abs(g.xty[j] - h[j] - l2 * w[j]));
            wH += w[j] * h[j];
            wNorm2 += w[j] * w[j];
            wL1 += Math.abs(w[j]);
        }
        double rNorm2 = g.yty + wH - 2.0 * qDotW;
        double gap;
        double scale;
        if (dualNorm > l1) {
            scale = l1 / dualNorm;
            gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
        } else {
            scale = 1.0;
            gap = rNorm2;
        }
        return gap + l1 * wL1 - scale * g.yty + scale * qDotW + 0.5 * l2 * (1 + scale * scale) * wNorm2;
    }

    private void axpy(double a, double[] q, int offset, int p) {
        for (int k = 0; k < p; k++) {
            h[k] += a * q[offset + k];
        }
    }
}
