package org.deepmod.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepmod.BadInputException;

/**
 * Reads YAML configs into trees and applies {@code --set path=value} overrides. The reading is strict where
 * YAML and Jackson would silently pick a value for the user: a key given twice in one mapping (YAML parsers
 * keep the last), a second document after {@code ---} (ignored by a tree read), a whole number beyond 64 bits
 * (wrapped by {@code asLong}) or a decimal beyond a double (infinity), and an empty file (every default) are
 * errors naming the file, line and key.
 */
public final class ConfigFiles {
    /** Jackson's own duplicate check: a mapping with a key given twice fails to parse, at the second one. */
    public static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    /**
     * The largest config file read. The project's largest is 3 KB; YAML's own limit (3 MB) is checked only
     * after the whole file is read and scanned.
     */
    public static final int MAX_CONFIG_BYTES = 1 << 20;

    /** A section written as a plain text value is shorthand for a mapping with this key. */
    private static final Map<String, String> SHORTHAND_KEYS = Map.of(
            "dataset", "type", "network", "type", "library", "type", "estimator", "name",
            "constraint", "type", "scheduler", "type");

    private ConfigFiles() {
    }

    /** The YAML file as a tree; a syntax error names the file, line and column. */
    public static ObjectNode read(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // reading a named pipe blocks until someone writes to it: refused, not waited on
            throw new BadInputException(file + (Files.isDirectory(file) ? ": is a folder, not a config file"
                    : ": not a regular file (a named pipe or a device); give a config file"));
        }
        try {
            if (Files.size(file) > MAX_CONFIG_BYTES) {
                // read whole and parsed, a 10 MB one-line file took 34 s and 1 GB before YAML's own limit refused it
                throw new BadInputException(file + ": " + Files.size(file) + " bytes is too large for a config file "
                        + "(at most " + MAX_CONFIG_BYTES + "); is this the data file?");
            }
            return parse(utf8(Files.readAllBytes(file), file), file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The file's text; bytes that are not UTF-8 (a binary file given as the config) are refused by name rather
     * than with the decoder's "Input length = 3".
     */
    private static String utf8(byte[] bytes, Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not a text file (its bytes are not UTF-8); a config is YAML text");
        }
    }

    public static ObjectNode parse(String yaml, String source) {
        JsonNode node = readValue(yaml, source, true);
        if (node == null) {
            throw new BadInputException(source + ": the file is empty; a config needs at least one key "
                    + "(write {} to run on every default)");
        }
        if (!node.isObject()) {
            throw new BadInputException(source + ": expected a mapping of config keys at the top level");
        }
        return (ObjectNode) node;
    }

    /**
     * One YAML value, checked token by token before it becomes a tree (a tree keeps no line numbers); null
     * when the text holds no value at all (empty, or only comments).
     *
     * @param lines whether messages name the line ({@code file:3: ...}); a one-line --set value needs none
     */
    private static JsonNode readValue(String yaml, String source, boolean lines) {
        try {
            try (JsonParser parser = YAML.createParser(yaml)) {
                if (!checkOneValue(parser, source, lines)) {
                    return null;
                }
            }
            return YAML.readTree(yaml);
        } catch (StreamReadException e) {
            throw syntaxError(e, source, lines);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String
        }
    }

    /** Walks the tokens: numbers that fit their type, one document; false when there is no value at all. */
    private static boolean checkOneValue(JsonParser parser, String source, boolean lines) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return false;
        }
        int depth = 0;
        int documents = 0;
        do {
            if (depth == 0 && ++documents > 1) { // YAML's parser goes on into the next document's tokens
                throw new BadInputException(at(source, parser, lines) + "a second YAML document (after '---'); a "
                        + "config file holds one document, and the later one would be ignored");
            }
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            } else if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new BadInputException(at(source, parser, lines) + placeOf(parser) + parser.getText()
                        + " is out of range: a whole number here is at most " + Long.MAX_VALUE + " in size");
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT && Double.isInfinite(parser.getDoubleValue())) {
                throw new BadInputException(at(source, parser, lines) + placeOf(parser) + parser.getText()
                        + " is out of range: a number here is at most " + Double.MAX_VALUE + " in size");
            }
            token = parser.nextToken();
        } while (token != null);
        return true;
    }

    private static String at(String source, JsonParser parser, boolean lines) {
        return source + (lines ? ":" + parser.currentTokenLocation().getLineNr() : "") + ": ";
    }

    /** The config path of the current value ({@code network.hidden[1]: }), empty at the top level. */
    private static String placeOf(JsonParser parser) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                boolean nested = c.getParent() != null && !c.getParent().inRoot();
                path.insert(0, (nested ? "." : "") + c.getCurrentName());
            } else if (c.inArray()) {
                path.insert(0, "[" + c.getCurrentIndex() + "]");
            }
        }
        return path.length() == 0 ? "" : path + ": ";
    }

    private static BadInputException syntaxError(StreamReadException e, String source, boolean lines) {
        JsonLocation at = e.getLocation();
        String where = at == null || !lines ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
        String message = e.getOriginalMessage();
        JsonParser parser = e.getProcessor();
        if (message.startsWith("Duplicate field '") && parser != null) {
            // the parser's context already holds the repeated key as its current name
            return new BadInputException(source + (lines && at != null ? ":" + at.getLineNr() : "") + ": "
                    + placeOf(parser) + "the key is given twice in one mapping (YAML would silently keep the last)", e);
        }
        return new BadInputException(source + where + ": not valid YAML: " + message, e);
    }

    /** Applies {@code path=value} settings in order; the value is read as YAML ({@code [30,30]}, {@code 0.5}). */
    public static void applySettings(ObjectNode root, List<String> settings) {
        java.util.Map<String, String> given = new java.util.HashMap<>();
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--set " + setting + ": expected path=value");
            }
            String path = setting.substring(0, eq).trim();
            String earlier = given.put(path, setting);
            if (earlier != null) { // the last one would win without a word
                throw new BadInputException("--set " + setting + ": " + path + " is set twice (also --set " + earlier
                        + "); give it once");
            }
            JsonNode value = readValue(setting.substring(eq + 1), "--set " + setting, false);
            if (value == null) {
                throw new BadInputException("--set " + setting + ": no value after '='; write "
                        + path + "=null to ask for the default");
            }
            set(root, path, value);
        }
    }

    /** Sets a dotted path, creating mappings on the way (expanding shorthand sections). */
    public static void set(ObjectNode root, String path, JsonNode value) {
        String[] keys = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            String key = keys[i];
            if (key.isEmpty()) {
                throw new BadInputException("path '" + path + "': empty key");
            }
            JsonNode child = node.get(key);
            if (child == null || child.isNull()) {
                node = node.putObject(key);
            } else if (child.isObject()) {
                node = (ObjectNode) child;
            } else if (i == 0 && child.isTextual() && SHORTHAND_KEYS.containsKey(key)) {
                ObjectNode expanded = JsonNodeFactory.instance.objectNode();
                expanded.put(SHORTHAND_KEYS.get(key), child.asText());
                node.set(key, expanded);
                node = expanded;
            } else {
                throw new BadInputException("path '" + path + "': '" + String.join(".", List.of(keys).subList(0, i + 1))
                        + "' is not a mapping");
            }
        }
        node.set(keys[keys.length - 1], value);
    }
}
