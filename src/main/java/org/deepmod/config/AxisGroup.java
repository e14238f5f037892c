package org.deepmod.config;

import java.util.List;

/**
 * Axes that move together: a plain axis is a group of one; a {@code zip} group pairs its lists element by
 * element (all of one length). Groups combine with each other as a grid.
 */
public record AxisGroup(List<SweepAxis> axes) {

    public AxisGroup {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("an axis group needs at least one axis");
        }
    }

    public static AxisGroup of(SweepAxis axis) {
        return new AxisGroup(List.of(axis));
    }

    /** The number of steps along this group (the common length of its lists). */
    public int size() {
        return axes.get(0).values().size();
    }
}
