package org.deepmod.nn;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which derivatives a forward pass must carry. Libraries ask for what they need; nothing more is computed,
 * since every extra derivative costs a matrix product per layer.
 */
public final class DerivativeSet {
    private final int spatialDims;
    private final int maxXOrder;
    private final EnumSet<Partial> partials;

    private DerivativeSet(int spatialDims, int maxXOrder, EnumSet<Partial> partials) {
        this.spatialDims = spatialDims;
        this.maxXOrder = maxXOrder;
        this.partials = partials;
    }

    /** One space dimension: u_t and x-derivatives up to {@code maxXOrder} (0..4). */
    public static DerivativeSet oneDimensional(int maxXOrder) {
        if (maxXOrder < 0 || maxXOrder > 4) {
            throw new IllegalArgumentException("derivative order must be 0..4, got " + maxXOrder);
        }
        EnumSet<Partial> set = EnumSet.of(Partial.T);
        for (int d = 1; d <= maxXOrder; d++) {
            set.add(Partial.xOfOrder(d));
        }
        return new DerivativeSet(1, maxXOrder, set);
    }

    private static final Set<Partial> TWO_DIMENSIONAL =
            EnumSet.of(Partial.T, Partial.X, Partial.Y, Partial.XX, Partial.YY, Partial.XY);

    /** Two space dimensions: u_t, u_x, u_y, u_xx, u_yy, u_xy. */
    public static DerivativeSet twoDimensional() {
        return new DerivativeSet(2, 2, EnumSet.copyOf(TWO_DIMENSIONAL));
    }

    /**
     * Two space dimensions with u_t and some of u_x, u_y, u_xx, u_yy, u_xy: a second derivative needs the
     * first ones it is built from (u_xx needs u_x, u_xy both).
     */
    public static DerivativeSet twoDimensional(Set<Partial> derivatives) {
        EnumSet<Partial> set = EnumSet.of(Partial.T);
        for (Partial p : derivatives) {
            if (!TWO_DIMENSIONAL.contains(p)) {
                throw new IllegalArgumentException("not a derivative of two space dimensions: u_" + p.suffix());
            }
            set.add(p);
        }
        boolean x = set.contains(Partial.X);
        boolean y = set.contains(Partial.Y);
        if (set.contains(Partial.XX) && !x || set.contains(Partial.YY) && !y
                || set.contains(Partial.XY) && !(x && y)) {
            throw new IllegalArgumentException("second derivatives need their first ones: " + set);
        }
        return new DerivativeSet(2, set.contains(Partial.XX) ? 2 : x ? 1 : 0, set);
    }

    /** Only time (an ODE): u_t. */
    public static DerivativeSet timeOnly() {
        return new DerivativeSet(0, 0, EnumSet.of(Partial.T));
    }

    public int spatialDims() {
        return spatialDims;
    }

    public int inputDims() {
        return spatialDims + 1;
    }

    public int maxXOrder() {
        return maxXOrder;
    }

    /** The highest order of any derivative carried (decides how many activation derivatives are needed). */
    public int maxOrder() {
        int max = 1;
        for (Partial p : partials) {
            max = Math.max(max, p.order());
        }
        return max;
    }

    public Set<Partial> partials() {
        return partials.clone();
    }

    public boolean has(Partial p) {
        return partials.contains(p);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DerivativeSet other && spatialDims == other.spatialDims && maxXOrder == other.maxXOrder
                && partials.equals(other.partials);
    }

    @Override
    public int hashCode() {
        return (spatialDims * 31 + maxXOrder) * 31 + partials.hashCode();
    }

    @Override
    public String toString() {
        return "DerivativeSet" + partials;
    }
}
