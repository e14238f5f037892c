package org.deepmod.nn.kernel;

/**
 * A stacked jet's channels as the kernels see them: how many, which channel carries each derivative the chain
 * rule reads (−1 when it is not carried: the tile then reads as zeros), and which input coordinate each
 * first-derivative channel differentiates along. In plain numbers, so that the kernels need not know the jet
 * API's {@code Partial} and {@code DerivativeSet}; {@code JetChannels} builds one.
 */
public final class ChannelLayout {
    private final int count;
    private final boolean twoDimensional;
    private final int xOrder;
    private final int[] inputCoordinates;
    private final int t;
    /** xOfOrder[k]: the channel of the k-th x-derivative (k = 1..4; index 0 unused). */
    private final int[] xOfOrder;
    private final int y;
    private final int yy;
    private final int xy;

    /**
     * @param inputCoordinates per channel (value first), the input column it differentiates along when it is a
     *                         first derivative, else −1
     * @param twoDimensional   whether the derivatives are those of two space dimensions (x, y, xx, yy, xy)
     * @param xOrder           the highest x-derivative carried in one space dimension (0 for an ODE)
     * @param xOfOrder         the channels of u_x .. u_xxxx at indices 1..4
     */
    public ChannelLayout(int[] inputCoordinates, boolean twoDimensional, int xOrder, int t, int[] xOfOrder, int y,
                         int yy, int xy) {
        this.count = inputCoordinates.length;
        this.twoDimensional = twoDimensional;
        this.xOrder = xOrder;
        this.inputCoordinates = inputCoordinates.clone();
        this.t = t;
        this.xOfOrder = xOfOrder.clone();
        this.y = y;
        this.yy = yy;
        this.xy = xy;
    }

    /** 1 + the number of derivatives carried. */
    int count() {
        return count;
    }

    /**
     * The input column channel c differentiates along when it is a first derivative (t, x, y), else -1:
     * the only channels whose pre-activation in the first layer is not zero (it is that row of W).
     */
    int inputCoordinate(int c) {
        return inputCoordinates[c];
    }

    /** Whether the derivatives are those of two space dimensions (x, y, xx, yy, xy). */
    boolean twoDimensional() {
        return twoDimensional;
    }

    /** The highest x-derivative carried in one space dimension (0 for an ODE). */
    int xOrder() {
        return xOrder;
    }

    /** The highest derivative of σ the forward chain rule needs (the backward needs one more). */
    int sigmaOrder() {
        return twoDimensional ? 2 : Math.max(1, xOrder);
    }

    /** The channel of u_t. */
    int t() {
        return t;
    }

    /** The channel of the x-derivative of the given order (1..4), or −1. */
    int x(int order) {
        return xOfOrder[order];
    }

    /** The channel of u_y, or −1. */
    int y() {
        return y;
    }

    /** The channel of u_yy, or −1. */
    int yy() {
        return yy;
    }

    /** The channel of u_xy, or −1. */
    int xy() {
        return xy;
    }
}
