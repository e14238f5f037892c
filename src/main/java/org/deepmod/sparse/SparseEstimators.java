package org.deepmod.sparse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.deepmod.BadInputException;

/**
 * The registry of sparse estimators by name: the built-ins and any {@link SparseEstimatorProvider} on the
 * classpath, found once with {@link ServiceLoader} in the order the service files list them.
 */
public final class SparseEstimators {
    private SparseEstimators() {
    }

    /** A new estimator by name, its parameters given as text; an unknown name, parameter or value is bad input. */
    public static SparseEstimator create(String name, Map<String, String> parameters, long seed) {
        SparseEstimatorProvider provider = provider(name);
        return provider.create(EstimatorParameters.resolve(name, provider.parameters(), parameters), seed);
    }

    /** The provider registered under {@code name}; an unknown name is bad input. */
    public static SparseEstimatorProvider provider(String name) {
        SparseEstimatorProvider provider = Registry.PROVIDERS.get(name);
        if (provider == null) {
            throw new BadInputException("estimator '" + name + "' is unknown; known: " + String.join(", ", names()));
        }
        return provider;
    }

    /** Every registered name, built-ins first. */
    public static List<String> names() {
        return new ArrayList<>(Registry.PROVIDERS.keySet());
    }

    /** Every estimator with its description, parameters and defaults: the text {@code --help} shows (78 columns). */
    public static String describe() {
        StringBuilder text = new StringBuilder();
        for (SparseEstimatorProvider provider : Registry.PROVIDERS.values()) {
            text.append("  ").append(provider.name()).append('\n');
            wrap(text, "      ", provider.description(), "      ");
            for (EstimatorParameter parameter : provider.parameters()) {
                String label = String.format("      %-24s ", parameter.name() + "=" + parameter.defaultValue());
                wrap(text, label, parameter.description(), " ".repeat(31));
            }
        }
        return text.toString();
    }

    private static final int WIDTH = 78;

    /** Appends {@code words} after {@code first}, wrapping at {@link #WIDTH} with {@code indent} on later lines. */
    public static void wrap(StringBuilder text, String first, String words, String indent) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : words.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                text.append(line).append('\n');
                line = new StringBuilder(indent);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        text.append(line).append('\n');
    }

    /** Loaded on first use; two different providers under one name would make configs ambiguous, so that fails. */
    private static final class Registry {
        static final Map<String, SparseEstimatorProvider> PROVIDERS = load();

        private static Map<String, SparseEstimatorProvider> load() {
            List<SparseEstimatorProvider> found = new ArrayList<>();
            ServiceLoader.load(SparseEstimatorProvider.class).forEach(found::add);
            // built-ins first, whatever the classpath order, so that names() and --help read the same everywhere
            found.sort(Comparator.comparing(provider -> !isBuiltIn(provider)));
            Map<String, SparseEstimatorProvider> providers = new LinkedHashMap<>();
            for (SparseEstimatorProvider provider : found) {
                SparseEstimatorProvider earlier = providers.putIfAbsent(provider.name(), provider);
                if (earlier != null && !earlier.getClass().getName().equals(provider.getClass().getName())) {
                    throw new IllegalStateException("two sparse estimators are named '" + provider.name() + "': "
                            + earlier.getClass().getName() + " and " + provider.getClass().getName());
                }
            }
            return Collections.unmodifiableMap(providers);
        }

        private static boolean isBuiltIn(SparseEstimatorProvider provider) {
            return provider.getClass().getEnclosingClass() == BuiltInEstimators.class;
        }
    }
}
