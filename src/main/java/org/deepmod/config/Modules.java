package org.deepmod.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepmod.constraint.ConstraintProvider;
import org.deepmod.library.LibraryProvider;
import org.deepmod.modules.ModuleProvider;
import org.deepmod.modules.ModuleRegistry;
import org.deepmod.nn.ApproximatorProvider;
import org.deepmod.sparse.EstimatorParameter;
import org.deepmod.sparse.EstimatorParameters;
import org.deepmod.sparse.SparseEstimators;

/**
 * The registries of the replaceable modules a config names by {@code type} (approximator, library, constraint;
 * the estimators have {@link SparseEstimators}), the reading of a module's parameters from its config mapping,
 * and the listing {@code deepmod modules} prints.
 */
public final class Modules {
    public static final ModuleRegistry<ApproximatorProvider> APPROXIMATORS =
            new ModuleRegistry<>(ApproximatorProvider.class, "approximator");
    public static final ModuleRegistry<LibraryProvider> LIBRARIES = new ModuleRegistry<>(LibraryProvider.class,
            "library");
    public static final ModuleRegistry<ConstraintProvider> CONSTRAINTS =
            new ModuleRegistry<>(ConstraintProvider.class, "constraint");

    private Modules() {
    }

    /**
     * The parameters of a plug-in from the keys of {@code r} other than {@code type}, each checked against the
     * provider's declaration: an unknown key or a value out of its domain is a problem at its own path.
     */
    static Map<String, String> readParameters(ConfigReader r, ModuleProvider provider) {
        Map<String, EstimatorParameter> declared = new LinkedHashMap<>();
        provider.parameters().forEach(p -> declared.put(p.name(), p));
        Map<String, String> given = new LinkedHashMap<>();
        for (String key : r.unreadKeys()) {
            JsonNode v = r.raw(key);
            EstimatorParameter parameter = declared.get(key);
            if (parameter == null) {
                r.problems().add(r.path(key) + ": not a parameter of " + provider.type() + "; its parameters: "
                        + (declared.isEmpty() ? "(none)" : String.join(", ", declared.keySet())));
            } else if (v == null || !v.isValueNode()) {
                r.problems().add(r.path(key) + ": expected a single value");
            } else if (parameter.domain().parse(v.asText().trim()) == null) {
                r.problems().add(r.path(key) + ": must be " + parameter.domain().expected() + ", got '" + v.asText()
                        + "'");
            } else {
                given.put(key, v.asText().trim());
            }
        }
        return given;
    }

    /** Every declared parameter, defaults filled in; {@code given} was checked by {@link #readParameters}. */
    static EstimatorParameters resolve(ModuleProvider provider, Map<String, String> given) {
        return EstimatorParameters.resolve(provider.type(), provider.parameters(), given);
    }

    /** Every registered approximator, library, estimator and constraint with its parameters and defaults. */
    public static String describe() {
        StringBuilder text = new StringBuilder();
        section(text, "Approximators (network.type)", APPROXIMATORS);
        section(text, "Libraries (library.type)", LIBRARIES);
        text.append("Estimators (estimator.name)\n").append(SparseEstimators.describe());
        section(text, "Constraints (constraint.type)", CONSTRAINTS);
        return text.toString();
    }

    private static void section(StringBuilder text, String title, ModuleRegistry<?> registry) {
        text.append(title).append('\n');
        for (ModuleProvider provider : registry.providers().values()) {
            text.append("  ").append(provider.type()).append('\n');
            SparseEstimators.wrap(text, "      ", provider.description(), "      ");
            for (EstimatorParameter parameter : provider.parameters()) {
                String label = String.format("      %-24s ", parameter.name() + "=" + parameter.defaultValue());
                SparseEstimators.wrap(text, label, parameter.description(), " ".repeat(31));
            }
        }
    }

    /** The types of a registry, for messages. */
    static List<String> types(ModuleRegistry<?> registry) {
        return new ArrayList<>(registry.types());
    }
}
