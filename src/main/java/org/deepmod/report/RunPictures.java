package org.deepmod.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.deepmod.library.TermNames;
import org.deepmod.training.TraceEntry;
import org.deepmod.storage.OutputFiles;

/**
 * A run's pictures and trace, wherever they go: {@code mask.png} (u; {@code mask-v.png} and so on for further
 * outputs), {@code loss.png}, and for a sweep's runs the trace as {@code trace.jsonl.gz}.
 */
public final class RunPictures {
    public static final String TRACE_GZ = "trace.jsonl.gz";

    private RunPictures() {
    }

    /** The mask picture of output k: mask.png for u, mask-v.png for v. */
    public static String maskName(int output) {
        return output == 0 ? "mask.png" : "mask-" + TermNames.output(output) + ".png";
    }

    /** mask.png (one per output) and loss.png; nothing for an empty trace. */
    public static void write(List<TraceEntry> trace, List<String> terms, int outputs, OutputFiles files)
            throws IOException {
        if (trace.isEmpty()) {
            return;
        }
        for (int k = 0; k < outputs; k++) {
            try (OutputStream png = files.create(maskName(k))) {
                MaskPlot.write(trace, terms, k, png, MaskPlot.WIDTH, MaskPlot.HEIGHT);
            }
        }
        try (OutputStream png = files.create("loss.png")) {
            LossPlot.write(trace, png, LossPlot.WIDTH, LossPlot.HEIGHT);
        }
    }

    /** The trace, gzipped (a sweep keeps one per run: 10^5 of them uncompressed would be tens of GB). */
    public static void writeTrace(List<TraceEntry> trace, List<String> terms, int outputs, OutputFiles files)
            throws IOException {
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(files.create(TRACE_GZ)), StandardCharsets.UTF_8);
             TraceWriter writer = new TraceWriter(out, terms, outputs)) {
            for (TraceEntry entry : trace) {
                writer.write(entry);
            }
        }
    }
}
