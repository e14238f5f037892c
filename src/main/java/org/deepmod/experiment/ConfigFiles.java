package org.deepmod.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepmod.BadInputException;

/** Reads YAML configs into trees and applies {@code --set path=value} overrides. */
public final class ConfigFiles {
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A section written as a plain text value is shorthand for a mapping with this key. */
    private static final Map<String, String> SHORTHAND_KEYS = Map.of(
            "dataset", "type", "network", "type", "library", "type", "estimator", "name",
            "constraint", "type", "scheduler", "type");

    private ConfigFiles() {
    }

    /** The YAML file as a tree; a syntax error names the file, line and column. */
    public static ObjectNode read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static ObjectNode parse(String yaml, String source) {
        try {
            JsonNode node = YAML.readTree(yaml);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new BadInputException(source + ": expected a mapping of config keys at the top level");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new BadInputException(source + where + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** Applies {@code path=value} settings in order; the value is read as YAML ({@code [30,30]}, {@code 0.5}). */
    public static void applySettings(ObjectNode root, List<String> settings) {
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--set " + setting + ": expected path=value");
            }
            String path = setting.substring(0, eq).trim();
            JsonNode value;
            try {
                value = YAML.readTree(setting.substring(eq + 1));
            } catch (JsonProcessingException e) {
                throw new BadInputException("--set " + setting + ": the value is not valid YAML");
            }
            set(root, path, value == null || value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
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
