package org.deepmod.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one mapping of a config with defaults and bounds, collecting every problem (with its path) instead
 * of stopping at the first, and reporting keys nobody asked for: a misspelt key is an error, not a silently
 * ignored setting.
 */
final class ConfigReader {
    private final JsonNode node;
    private final String path;
    private final List<String> problems;
    private final Set<String> known = new LinkedHashSet<>();

    ConfigReader(JsonNode node, String path, List<String> problems) {
        this.path = path;
        this.problems = problems;
        if (node == null || node.isNull() || node.isMissingNode()) {
            this.node = JsonNodeFactory.instance.objectNode();
        } else if (!node.isObject()) {
            problems.add(where() + ": expected a mapping, got " + describe(node));
            this.node = JsonNodeFactory.instance.objectNode();
        } else {
            this.node = node;
        }
    }

    private String where() {
        return path.isEmpty() ? "(top level)" : path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        known.add(key);
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    JsonNode raw(String key) {
        known.add(key);
        return node.get(key);
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "the text '" + v.asText() + "'";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        return v.isBoolean() ? "a boolean" : "'" + v.asText() + "'";
    }

    String string(String key, String fallback, Set<String> allowed) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isValueNode() || v.isBoolean() && allowed != null) {
            problems.add(path(key) + ": expected " + (allowed == null ? "a text" : "one of " + allowed)
                    + ", got " + describe(v));
            return fallback;
        }
        String s = v.asText();
        if (allowed != null && !allowed.contains(s)) {
            problems.add(path(key) + ": '" + s + "' is not one of " + allowed);
            return fallback;
        }
        return s;
    }

    double number(String key, double fallback, double min, double max) {
        return number(node.get(key), path(key), fallback, min, max, key);
    }

    private double number(JsonNode v, String at, double fallback, double min, double max, String key) {
        if (key != null) {
            known.add(key);
        }
        if (v == null || v.isNull()) {
            return fallback;
        }
        double d;
        if (v.isNumber()) {
            d = v.asDouble();
        } else if (v.isTextual() && isNumeric(v.asText())) {
            d = Double.parseDouble(v.asText()); // YAML 1.1 reads "1e-5" as text
        } else {
            problems.add(at + ": expected a number, got " + describe(v));
            return fallback;
        }
        if (!(d >= min && d <= max)) {
            problems.add(at + ": " + d + " is out of range [" + min + ", " + max + "]");
            return fallback;
        }
        return d;
    }

    private static boolean isNumeric(String s) {
        try {
            Double.parseDouble(s.trim());
            return !s.trim().isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    int integer(String key, int fallback, int min, int max) {
        return integer(node.get(key), path(key), fallback, min, max, key);
    }

    private int integer(JsonNode v, String at, int fallback, int min, int max, String key) {
        if (key != null) {
            known.add(key);
        }
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!(v.isIntegralNumber() || v.isTextual() && v.asText().trim().matches("-?\\d+"))) {
            problems.add(at + ": expected a whole number, got " + describe(v));
            return fallback;
        }
        if (!fitsLong(v)) {
            problems.add(at + ": " + v.asText().trim() + " is out of range [" + min + ", " + max + "]");
            return fallback;
        }
        long l = v.isIntegralNumber() ? v.asLong() : Long.parseLong(v.asText().trim());
        if (l < min || l > max) {
            problems.add(at + ": " + l + " is out of range [" + min + ", " + max + "]");
            return fallback;
        }
        return (int) l;
    }

    long longValue(String key, long fallback) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber()) {
            problems.add(path(key) + ": expected a whole number, got " + describe(v));
            return fallback;
        }
        if (!fitsLong(v)) {
            problems.add(path(key) + ": " + v.asText() + " is out of range [" + Long.MIN_VALUE + ", "
                    + Long.MAX_VALUE + "]");
            return fallback;
        }
        return v.asLong();
    }

    /** asLong() wraps a larger whole number around to another one (10^20 becomes 7766279631452241920). */
    private static boolean fitsLong(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToLong();
        }
        try {
            Long.parseLong(v.asText().trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            problems.add(path(key) + ": expected true or false, got " + describe(v));
            return fallback;
        }
        return v.asBoolean();
    }

    int[] integers(String key, int[] fallback, int minLength, int maxLength, int min, int max) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isArray() || v.size() < minLength || v.size() > maxLength) {
            problems.add(path(key) + ": expected a list of " + minLength + " to " + maxLength
                    + " whole numbers, got " + describe(v) + (v.isArray() ? " of " + v.size() : ""));
            return fallback;
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integer(v.get(i), path(key) + "[" + i + "]", 0, min, max, null);
        }
        return out;
    }

    double[] numbers(String key, double[] fallback, int length, double min, double max) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isArray() || v.size() != length) {
            problems.add(path(key) + ": expected a list of " + length + " numbers, got " + describe(v)
                    + (v.isArray() ? " of " + v.size() : ""));
            return fallback;
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = number(v.get(i), path(key) + "[" + i + "]", 0, min, max, null);
        }
        return out;
    }

    /** A nested mapping; a plain text value is shorthand for {@code {<nameKey>: value}}. */
    ConfigReader child(String key, String nameKey) {
        JsonNode v = raw(key);
        if (v != null && v.isTextual() && nameKey != null) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put(nameKey, v.asText());
            return new ConfigReader(o, path(key), problems);
        }
        return new ConfigReader(v, path(key), problems);
    }

    ConfigReader child(String key) {
        return child(key, null);
    }

    /** The keys of this mapping not asked for so far, in file order. */
    List<String> unreadKeys() {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Reports every key of this mapping that was not read. */
    void finish() {
        for (String k : unreadKeys()) {
            problems.add(path(k) + ": unknown key; known here: " + String.join(", ", known));
        }
    }

    JsonNode node() {
        return node;
    }

    List<String> problems() {
        return problems;
    }
}
