package org.deepmod.cli;

import java.nio.file.Path;
import java.util.List;
import org.deepmod.training.TraceEntry;

/** Placeholder until the report branch's MaskPlot lands (removed in the same session). */
final class MaskPlotPending {
    private MaskPlotPending() {
    }

    static void write(List<TraceEntry> trace, List<String> terms, int output, Path png) {
    }
}
