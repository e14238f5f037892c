package org.deepmod.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a stacked jet: channel 0 is the value, channels 1.. the derivatives of {@link DerivativeSet#partials()}
 * in that order.
 */
final class JetChannels {
    private final DerivativeSet spec;
    private final List<Partial> partials;

    JetChannels(DerivativeSet spec) {
        this.spec = spec;
        this.partials = new ArrayList<>(spec.partials());
    }

    /** 1 + the number of derivatives carried. */
    int count() {
        return partials.size() + 1;
    }

    /** The partial carried in channel c (c ≥ 1). */
    Partial partial(int c) {
        return partials.get(c - 1);
    }

    /**
     * The input column channel c differentiates along when it is a first derivative (t, x, y), else -1:
     * the only channels whose pre-activation in the first layer is not zero (it is that row of W).
     */
    int inputCoordinate(int c) {
        Partial p = partial(c);
        return p.order() == 1 && p.coordinate() >= 0 ? p.coordinate() : -1;
    }

    /** The channel of p, or -1 when it is not carried. */
    int of(Partial p) {
        int i = partials.indexOf(p);
        return i < 0 ? -1 : i + 1;
    }

    /** Whether the derivatives are those of two space dimensions (x, y, xx, yy, xy). */
    boolean twoDimensional() {
        return spec.spatialDims() == 2;
    }

    /** The highest x-derivative carried in one space dimension (0 for an ODE). */
    int xOrder() {
        return spec.maxXOrder();
    }

    /** The highest derivative of σ the forward chain rule needs (the backward needs one more). */
    int sigmaOrder() {
        return twoDimensional() ? 2 : Math.max(1, spec.maxXOrder());
    }
}
