package org.deepmod.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepmod.BadInputException;
import org.deepmod.library.TermNames;
import org.deepmod.training.TraceEntry;

/**
 * Reads what {@link TraceWriter} writes (its javadoc describes the format). Malformed input throws
 * {@link BadInputException} naming the source, the line and the field.
 */
public final class TraceReader {
    private final ObjectMapper mapper = new ObjectMapper();
    private final String source;
    private int lineNumber;
    private List<String> terms;
    private int outputs;

    private TraceReader(String source) {
        this.source = source;
    }

    public static Trace read(Path path) throws IOException {
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(in, path.toString());
        }
    }

    /** Reads all lines of {@code in}; {@code source} names it in error messages. */
    public static Trace read(Reader in, String source) throws IOException {
        return new TraceReader(source).readAll(new BufferedReader(in));
    }

    private Trace readAll(BufferedReader in) throws IOException {
        List<TraceEntry> entries = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = parse(line);
            if (terms == null) {
                readHeader(node);
            } else {
                entries.add(readEntry(node));
            }
        }
        if (terms == null) {
            throw new BadInputException(source + ": empty, expected a " + TraceWriter.FORMAT + " header line");
        }
        return new Trace(terms, outputs, entries);
    }

    private JsonNode parse(String line) {
        try {
            JsonNode node = mapper.readTree(line);
            if (!node.isObject()) {
                throw bad("expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadInputException(where() + "not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void readHeader(JsonNode header) {
        if (!TraceWriter.FORMAT.equals(header.path("format").asText())) {
            throw bad("not a " + TraceWriter.FORMAT + " header");
        }
        if (header.path("version").asInt() != TraceWriter.VERSION) {
            throw bad("unsupported version " + header.path("version") + ", expected " + TraceWriter.VERSION);
        }
        terms = new ArrayList<>();
        for (JsonNode term : array(header, "terms")) {
            terms.add(term.asText());
        }
        outputs = array(header, "outputs").size();
    }

    private TraceEntry readEntry(JsonNode line) {
        boolean[][] masks = new boolean[outputs][];
        double[][] coefficients = new double[outputs][];
        double[][] estimator = new double[outputs][];
        int withEstimator = 0;
        for (int k = 0; k < outputs; k++) {
            String name = TermNames.output(k);
            JsonNode output = line.get(name);
            if (output == null || !output.isObject()) {
                throw bad("missing output \"" + name + "\"");
            }
            masks[k] = booleans(output, name + ".mask");
            coefficients[k] = doubles(output, "coefficients", name + ".coefficients");
            if (output.has("estimatorCoefficients")) {
                estimator[k] = doubles(output, "estimatorCoefficients", name + ".estimatorCoefficients");
                withEstimator++;
            }
        }
        if (withEstimator != 0 && withEstimator != outputs) {
            throw bad("estimatorCoefficients for some outputs but not all");
        }
        return new TraceEntry(integer(line, "iteration"), number(line, "loss"), number(line, "mse"),
                number(line, "reg"), number(line, "testMse"), number(line, "l1"), masks, coefficients,
                withEstimator == 0 ? null : estimator);
    }

    private boolean[] booleans(JsonNode output, String field) {
        JsonNode array = array(output, "mask");
        checkLength(array, field);
        boolean[] out = new boolean[array.size()];
        for (int j = 0; j < out.length; j++) {
            if (!array.get(j).isBoolean()) {
                throw bad(field + "[" + j + "] is not a boolean");
            }
            out[j] = array.get(j).booleanValue();
        }
        return out;
    }

    private double[] doubles(JsonNode output, String key, String field) {
        JsonNode array = array(output, key);
        checkLength(array, field);
        double[] out = new double[array.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = toDouble(array.get(j), field + "[" + j + "]");
        }
        return out;
    }

    private double number(JsonNode line, String key) {
        JsonNode value = line.get(key);
        if (value == null) {
            throw bad("missing \"" + key + "\"");
        }
        return toDouble(value, key);
    }

    private int integer(JsonNode line, String key) {
        JsonNode value = line.get(key);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw bad("\"" + key + "\" must be an integer");
        }
        return value.intValue();
    }

    /** Numbers, and the strings NaN, Infinity, -Infinity that stand for what JSON numbers cannot hold. */
    private double toDouble(JsonNode value, String field) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return switch (value.asText()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw bad(field + " is not a number: " + value);
        };
    }

    private JsonNode array(JsonNode node, String key) {
        JsonNode array = node.get(key);
        if (array == null || !array.isArray()) {
            throw bad("missing array \"" + key + "\"");
        }
        return array;
    }

    private void checkLength(JsonNode array, String field) {
        if (array.size() != terms.size()) {
            throw bad(field + " has " + array.size() + " values, the header has " + terms.size() + " terms");
        }
    }

    private BadInputException bad(String message) {
        return new BadInputException(where() + message);
    }

    private String where() {
        return source + " line " + lineNumber + ": ";
    }
}
