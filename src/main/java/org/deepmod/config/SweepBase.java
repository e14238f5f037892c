package org.deepmod.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deepmod.BadInputException;

/**
 * The run config every run of a sweep starts from: written inline ({@code base: {...}}) or a run config file
 * ({@code base: burgers.yaml}, relative to the sweep file, so that a sweep follows its tuned run config),
 * with optional overrides ({@code set: {samples: 1000}}, as {@code deepmod run --set}). It also knows where a
 * problem of the base stands: {@code set.samples: ...}, {@code base.noise: ...} or in the base's own file.
 *
 * @param file the base's file as the user named it, or null for an inline base
 */
public record SweepBase(ObjectNode tree, String file, Map<String, JsonNode> overrides) {

    public SweepBase {
        overrides = new LinkedHashMap<>(overrides);
    }

    /** The base with the overrides applied; an override whose path cannot be set is a problem at set.<path>. */
    ObjectNode resolved(Collection<String> problems) {
        ObjectNode out = tree.deepCopy();
        for (Map.Entry<String, JsonNode> e : overrides.entrySet()) {
            try {
                ConfigFiles.set(out, e.getKey(), e.getValue().deepCopy());
            } catch (BadInputException ex) {
                problems.add("set." + e.getKey() + ": " + ex.getMessage());
            }
        }
        return out;
    }

    /** Where a run-config problem that no axis caused stands in the sweep's files. */
    String locate(String problem) {
        String path = ProblemLocations.pathOf(problem);
        for (String override : overrides.keySet()) {
            if (ProblemLocations.isUnder(path, override)) {
                return "set." + override + ": " + problem;
            }
        }
        return file != null ? file + ": " + problem : ProblemLocations.inBase(problem);
    }
}
