package org.deepmod.nn.kernel;

/**
 * A stacked jet's channels as the kernels see them: how many, which channel carries each derivative the chain
 * rule reads (−1 when it is not carried: the tile then reads as zeros), and which input coordinate each
 * first-derivative channel differentiates along. In plain numbers, so that the kernels need not know the jet
 * API's {@code Partial} and {@code DerivativeSet}; {@code JetChannels} builds one.
 */
public final class ChannelLayout {
    /** 1 + the number of derivatives carried. */
    final int count;
    /** Whether the derivatives are those of two space dimensions (x, y, xx, yy, xy). */
    final boolean twoDimensional;
    /** The highest x-derivative carried in one space dimension (0 for an ODE). */
    final int xOrder;
    /** The channel of u_t. */
    final int t;
    /** The channels of u_y, u_yy and u_xy, or −1. */
    final int y;
    final int yy;
    final int xy;
    private final int[] inputCoordinates;
    /** xOfOrder[k]: the channel of the k-th x-derivative (k = 1..4; index 0 unused). */
    private final int[] xOfOrder;

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
        this.t = t;
        this.y = y;
        this.yy = yy;
        this.xy = xy;
        this.inputCoordinates = inputCoordinates.clone();
        this.xOfOrder = xOfOrder.clone();
    }

    /**
     * The input column channel c differentiates along when it is a first derivative (t, x, y), else -1:
     * the only channels whose pre-activation in the first layer is not zero (it is that row of W).
     */
    int inputCoordinate(int c) {
        return inputCoordinates[c];
    }

    /** The channel of the x-derivative of the given order (1..4), or −1. */
    int x(int order) {
        return xOfOrder[order];
    }

    /** The highest derivative of σ the forward chain rule needs (the backward needs one more). */
    int sigmaOrder() {
        return twoDimensional ? 2 : Math.max(1, xOrder);
    }
}
