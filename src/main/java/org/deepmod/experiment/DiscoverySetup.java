package org.deepmod.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepmod.BadInputException;
import org.deepmod.config.ConfigFiles;
import org.deepmod.config.FileDataset;

/**
 * What {@code deepmod discover} makes of a data file: which of its variables are time, space and the fields
 * (given, or found by their names), and the sweep it runs: N seeds of the default set-up for the data's
 * dimension. The defaults live in one place, the resources {@code org/deepmod/discover/defaults-<1d|2d|ode>.yaml}.
 */
public final class DiscoverySetup {
    /** Names taken for time and space when the user names none, in order of preference. */
    static final List<String> TIME_NAMES = List.of("t", "time", "tt", "T");
    static final List<String> SPACE_NAMES = List.of("x", "y");

    private DiscoverySetup() {
    }

    /**
     * The file's layout: coordinates t, x[, y] to the file's names, and the fields' names.
     *
     * @param choices what was chosen by name rather than given, for the user to read
     */
    public record Layout(Map<String, String> coords, List<String> fields, List<String> choices) {
        public int spatialDims() {
            return coords.size() - 1;
        }
    }

    /**
     * Chooses the coordinates and fields among the file's variables; {@code coords} and {@code fields} as the
     * user gave them (null when not given). A one-line {@link BadInputException} names the file when it cannot
     * decide or a named variable is missing.
     *
     * @param variables the file's variable names; empty for a table without names (a plain .npy)
     */
    public static Layout layout(String file, List<String> variables, Map<String, String> coords,
                                List<String> fields) {
        List<String> choices = new ArrayList<>();
        if (variables.isEmpty() && (coords == null || fields == null)) {
            throw new BadInputException(file + ": a table without variable names; say which columns are which with "
                    + "--coords t=t,x=x (time, then the space columns) and --fields u (the columns after them)");
        }
        Map<String, String> chosenCoords = new LinkedHashMap<>();
        if (coords != null) {
            chosenCoords.putAll(coords);
        } else {
            String time = TIME_NAMES.stream().filter(variables::contains).findFirst().orElseThrow(() ->
                    new BadInputException(file + ": no time variable (looked for " + String.join(", ", TIME_NAMES)
                            + "; the file holds " + variables + "); name it with --coords t=NAME,x=NAME"));
            chosenCoords.put("t", time);
            for (String space : SPACE_NAMES) {
                if (!variables.contains(space)) {
                    break;
                }
                chosenCoords.put(space, space);
            }
            choices.add("coordinates " + describe(chosenCoords) + " (by name; --coords to choose others)");
        }
        List<String> chosenFields;
        if (fields != null) {
            chosenFields = List.copyOf(fields);
        } else {
            chosenFields = variables.stream().filter(v -> !chosenCoords.containsValue(v)).toList();
            if (chosenFields.isEmpty()) {
                throw new BadInputException(file + ": no variable left for a field after the coordinates "
                        + describe(chosenCoords) + "; the file holds " + variables);
            }
            if (chosenFields.size() > 3) {
                throw new BadInputException(file + ": which variables are the fields? the file holds " + variables
                        + " besides the coordinates; choose 1 to 3 with --fields NAME[,NAME]");
            }
            choices.add("field(s) " + String.join(", ", chosenFields) + " (every other variable; --fields to choose)");
        }
        if (!variables.isEmpty()) {
            for (String name : concat(chosenCoords.values(), chosenFields)) {
                if (!variables.contains(name)) {
                    throw new BadInputException(file + ": no variable '" + name + "'; the file holds " + variables);
                }
            }
        }
        return new Layout(chosenCoords, chosenFields, choices);
    }

    /**
     * The sweep discover runs: the default run config for the data's dimension, the file as its dataset,
     * {@code settings} applied on top ({@code path=value}, as {@code run --set}), and seeds 0 to N-1.
     *
     * @param library {@code key=value} settings of the library (poly=3, diff=2), or empty
     * @param truth   per canonical field (u, v, w) its true terms, or empty
     */
    public static ObjectNode sweep(String name, String output, String dataPath, long points, Layout layout,
                                   int seeds, List<String> library, Map<String, Map<String, Double>> truth,
                                   List<String> settings) {
        ObjectNode base = JsonNodeFactory.instance.objectNode();
        base.put("name", name);
        base.put("seed", 0);
        ObjectNode dataset = base.putObject("dataset");
        dataset.put("type", FileDataset.TYPE);
        dataset.put("path", dataPath);
        layout.fields().forEach(dataset.putArray("fields")::add);
        ObjectNode coords = dataset.putObject("coords");
        layout.coords().forEach(coords::put);
        if (!truth.isEmpty()) {
            ObjectNode t = dataset.putObject("truth");
            if (truth.size() == 1 && layout.fields().size() == 1) {
                truth.values().iterator().next().forEach(t::put);
            } else {
                truth.forEach((field, terms) -> terms.forEach(t.putObject(field)::put));
            }
        }
        base.setAll(defaults(layout.spatialDims()));
        if (base.path("samples").asLong(0) > points) { // a file with fewer points than the default: every point
            base.put("samples", 0);
        }
        List<String> all = new ArrayList<>();
        library.forEach(l -> all.add("library." + l));
        all.addAll(settings);
        ConfigFiles.applySettings(base, all);
        ObjectNode sweep = JsonNodeFactory.instance.objectNode();
        sweep.put("name", name);
        sweep.put("output", output);
        sweep.set("base", base);
        sweep.put("seeds", seeds);
        return sweep;
    }

    /** The default run config (without name, seed and dataset) for data with this many space coordinates. */
    public static ObjectNode defaults(int spatialDims) {
        String resource = "/org/deepmod/discover/defaults-" + switch (spatialDims) {
            case 0 -> "ode";
            case 1 -> "1d";
            case 2 -> "2d";
            default -> throw new BadInputException("discover: " + spatialDims + " space coordinates; at most 2");
        } + ".yaml";
        try (InputStream in = DiscoverySetup.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return ConfigFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }

    /** The sweep as YAML, with a comment saying what made it and how to run it again. */
    public static String yaml(ObjectNode sweep, String commandLine) {
        try {
            return "# Written by: " + commandLine + "\n# Edit and run again with: bin/deepmod sweep THIS_FILE\n"
                    + ConfigFiles.YAML.writeValueAsString(sweep);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Map<String, String> coords) {
        List<String> parts = new ArrayList<>();
        coords.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }

    private static List<String> concat(java.util.Collection<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
