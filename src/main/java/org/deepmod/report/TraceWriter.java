package org.deepmod.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepmod.library.TermNames;
import org.deepmod.training.TraceEntry;
import org.deepmod.training.TrainingListener;

/**
 * Writes a training trace as JSON Lines ({@code trace.jsonl}), one line per write iteration, flushed as it
 * goes so that a crashed or running job leaves a readable prefix. {@link TraceReader} reads it back.
 *
 * <p>Format, version 1. The first line is a header:
 * <pre>{"format":"deepmod-trace","version":1,"terms":["1","u_x","u_xx"],"outputs":["u"]}</pre>
 * Every further line is one {@link TraceEntry}, with one object per output keyed by the output's name
 * (u, v, w), whose arrays follow the header's term order:
 * <pre>{"iteration":100,"loss":0.012,"mse":0.011,"reg":0.001,"testMse":"NaN","l1":1.1,
 *  "u":{"mask":[false,false,true],"coefficients":[0.0,0.0,0.9982],"estimatorCoefficients":[0.0,0.0,0.99]}}</pre>
 * (on one line). {@code coefficients} are the constraint's, normalised (0 where masked);
 * {@code estimatorCoefficients} is present only where the mask was updated at that iteration. Numbers are
 * written as the shortest decimal that parses back to the same double, so a round trip is exact; NaN and
 * the infinities, which JSON cannot hold as numbers, are the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}.
 */
public final class TraceWriter implements TrainingListener, AutoCloseable {
    static final String FORMAT = "deepmod-trace";
    static final int VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Writer out;
    private final int terms;
    private final int outputs;

    /** Writes the header at once; the writer is closed by {@link #close()}. */
    public TraceWriter(Writer out, List<String> terms, int outputs) throws IOException {
        this.out = out;
        this.terms = terms.size();
        this.outputs = outputs;
        ObjectNode header = mapper.createObjectNode();
        header.put("format", FORMAT);
        header.put("version", VERSION);
        terms.forEach(header.putArray("terms")::add);
        ArrayNode names = header.putArray("outputs");
        for (int k = 0; k < outputs; k++) {
            names.add(TermNames.output(k));
        }
        writeLine(header);
    }

    /** The whole trace to a file, replacing it. */
    public static void write(Path path, Trace trace) throws IOException {
        try (Writer file = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
             TraceWriter writer = new TraceWriter(file, trace.terms(), trace.outputs())) {
            for (TraceEntry entry : trace.entries()) {
                writer.write(entry);
            }
        }
    }

    public void write(TraceEntry entry) throws IOException {
        checkShape(entry);
        ObjectNode line = mapper.createObjectNode();
        line.put("iteration", entry.iteration());
        put(line, "loss", entry.loss());
        put(line, "mse", entry.mse());
        put(line, "reg", entry.reg());
        put(line, "testMse", entry.testMse());
        put(line, "l1", entry.l1());
        for (int k = 0; k < outputs; k++) {
            ObjectNode output = line.putObject(TermNames.output(k));
            ArrayNode mask = output.putArray("mask");
            for (boolean active : entry.masks()[k]) {
                mask.add(active);
            }
            putArray(output, "coefficients", entry.normalizedCoefficients()[k]);
            if (entry.maskUpdated()) {
                putArray(output, "estimatorCoefficients", entry.estimatorCoefficients()[k]);
            }
        }
        writeLine(line);
    }

    /** For the trainer: the listener interface cannot throw IOException. */
    @Override
    public void onWrite(TraceEntry entry) {
        try {
            write(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void writeLine(ObjectNode node) throws IOException {
        out.write(mapper.writeValueAsString(node));
        out.write('\n');
        out.flush();
    }

    private static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.put(key, Double.toString(value));
        }
    }

    private static void putArray(ObjectNode node, String key, double[] values) {
        ArrayNode array = node.putArray(key);
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.add(Double.toString(v));
            }
        }
    }

    private void checkShape(TraceEntry entry) {
        checkRows("masks", entry.masks().length, entry.iteration());
        checkRows("coefficients", entry.normalizedCoefficients().length, entry.iteration());
        for (int k = 0; k < outputs; k++) {
            checkColumns("mask", entry.masks()[k].length, entry.iteration());
            checkColumns("coefficients", entry.normalizedCoefficients()[k].length, entry.iteration());
        }
        if (entry.maskUpdated()) {
            checkRows("estimator coefficients", entry.estimatorCoefficients().length, entry.iteration());
            for (double[] row : entry.estimatorCoefficients()) {
                checkColumns("estimator coefficients", row.length, entry.iteration());
            }
        }
    }

    private void checkRows(String what, int rows, int iteration) {
        if (rows != outputs) {
            throw new IllegalArgumentException("iteration " + iteration + ": " + what + " for " + rows
                    + " outputs, the header says " + outputs);
        }
    }

    private void checkColumns(String what, int columns, int iteration) {
        if (columns != terms) {
            throw new IllegalArgumentException("iteration " + iteration + ": " + columns + " " + what
                    + ", the header has " + terms + " terms");
        }
    }
}
