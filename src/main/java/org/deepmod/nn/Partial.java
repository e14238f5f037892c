package org.deepmod.nn;

/**
 * A partial derivative of the network output with respect to its input coordinates (time is coordinate 0,
 * x is 1, y is 2). Only the derivatives that DeepMoD libraries use are listed: first order in time, up to
 * fourth order in x, up to second order in y, and the mixed u_xy.
 */
public enum Partial {
    T(0, 1, "t"),
    X(1, 1, "x"),
    XX(1, 2, "xx"),
    XXX(1, 3, "xxx"),
    XXXX(1, 4, "xxxx"),
    Y(2, 1, "y"),
    YY(2, 2, "yy"),
    XY(-1, 2, "xy");

    private final int coordinate;
    private final int order;
    private final String suffix;

    Partial(int coordinate, int order, String suffix) {
        this.coordinate = coordinate;
        this.order = order;
        this.suffix = suffix;
    }

    /** The input column this derivative is taken along, or -1 for the mixed u_xy. */
    public int coordinate() {
        return coordinate;
    }

    public int order() {
        return order;
    }

    /** The subscript of the term name: {@code u_xx} has suffix {@code xx}. */
    public String suffix() {
        return suffix;
    }

    /** The x-derivative of the given order (1..4). */
    public static Partial xOfOrder(int order) {
        switch (order) {
            case 1: return X;
            case 2: return XX;
            case 3: return XXX;
            case 4: return XXXX;
            default: throw new IllegalArgumentException("x-derivative order must be 1..4, got " + order);
        }
    }
}
