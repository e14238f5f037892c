package org.deepmod.nn;

import java.util.ArrayList;
import java.util.List;
import org.deepmod.nn.kernel.ChannelLayout;

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

    /** The channel of p, or -1 when it is not carried. */
    int of(Partial p) {
        int i = partials.indexOf(p);
        return i < 0 ? -1 : i + 1;
    }

    /** This layout for the hand-written kernels, which know channels by number only. */
    ChannelLayout forKernels() {
        int[] inputCoordinates = new int[count()];
        inputCoordinates[0] = -1; // the value
        for (int c = 1; c < count(); c++) {
            Partial p = partials.get(c - 1);
            inputCoordinates[c] = p.order() == 1 && p.coordinate() >= 0 ? p.coordinate() : -1;
        }
        int[] xOfOrder = {-1, of(Partial.X), of(Partial.XX), of(Partial.XXX), of(Partial.XXXX)};
        return new ChannelLayout(inputCoordinates, spec.spatialDims() == 2, spec.maxXOrder(), of(Partial.T), xOfOrder,
                of(Partial.Y), of(Partial.YY), of(Partial.XY));
    }
}
