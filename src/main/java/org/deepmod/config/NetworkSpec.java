package org.deepmod.config;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.deepmod.BadInputException;
import org.deepmod.nn.Activation;
import org.deepmod.nn.ApproximatorProvider;
import org.deepmod.nn.FunctionApproximator;
import org.deepmod.nn.JetMlp;

/**
 * The config's {@code network}: which function approximator fits u(t, x), read once from its {@code type}.
 * Each kind knows its keys, the network it builds and how it is written back into the resolved config.
 */
public sealed interface NetworkSpec permits NetworkSpec.MlpSpec, NetworkSpec.SirenSpec, NetworkSpec.PluginSpec {

    /** Hidden layer widths, first to last. */
    int[] hidden();

    String activation();

    Precision precision();

    /** The name under {@code network.type}. */
    String type();

    /** Builds the network for inputs of {@code coords} coordinates and {@code outputs} fields. */
    FunctionApproximator create(NDManager manager, int coords, int outputs, long seed);

    /** The numbers the network computes in, as {@code network.precision} names them. */
    enum Precision {
        FLOAT32("float32", DataType.FLOAT32, 4),
        FLOAT64("float64", DataType.FLOAT64, 8);

        private final String configName;
        private final DataType dataType;
        private final int bytes;

        Precision(String configName, DataType dataType, int bytes) {
            this.configName = configName;
            this.dataType = dataType;
            this.bytes = bytes;
        }

        public String configName() {
            return configName;
        }

        public DataType dataType() {
            return dataType;
        }

        /** Bytes of one number. */
        public int bytes() {
            return bytes;
        }

        static Set<String> configNames() {
            Set<String> names = new LinkedHashSet<>();
            for (Precision p : values()) {
                names.add(p.configName);
            }
            return names;
        }

        static Precision byConfigName(String name) {
            for (Precision p : values()) {
                if (p.configName.equals(name)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown precision '" + name + "'");
        }
    }

    /** A multilayer perceptron with one activation throughout (the reference's NN). */
    record MlpSpec(int[] hidden, String activation, Precision precision) implements NetworkSpec {
        static final String TYPE = "mlp";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public FunctionApproximator create(NDManager manager, int coords, int outputs, long seed) {
            return JetMlp.mlp(manager, coords, hidden, outputs, Activation.byName(activation), precision.dataType(),
                    seed);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MlpSpec m && Arrays.equals(hidden, m.hidden) && activation.equals(m.activation)
                    && precision == m.precision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(hidden), activation, precision);
        }
    }

    /**
     * A SIREN (sine layers scaled by ω₀ in the first layer, ω in the hidden ones). Its activation is sine
     * whatever {@code activation} says; the key is kept so that the resolved config, and the run id, say what
     * was given.
     */
    record SirenSpec(int[] hidden, String activation, double omega0, double omegaHidden, Precision precision)
            implements NetworkSpec {
        static final String TYPE = "siren";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public void writeOwnKeys(ObjectNode n) {
            n.put("omega0", omega0);
            n.put("omegaHidden", omegaHidden);
        }

        @Override
        public FunctionApproximator create(NDManager manager, int coords, int outputs, long seed) {
            return JetMlp.siren(manager, coords, hidden, outputs, omega0, omegaHidden, precision.dataType(), seed);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SirenSpec s && Arrays.equals(hidden, s.hidden) && activation.equals(s.activation)
                    && Double.compare(omega0, s.omega0) == 0 && Double.compare(omegaHidden, s.omegaHidden) == 0
                    && precision == s.precision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(hidden), activation, omega0, omegaHidden, precision);
        }
    }

    /**
     * An approximator from a jar of its own ({@link org.deepmod.nn.ApproximatorProvider}): its type and its
     * parameters, every declared one with its value (defaults filled in). It computes in float32.
     */
    record PluginSpec(String type, Map<String, String> parameters) implements NetworkSpec {
        @Override
        public int[] hidden() {
            return new int[0];
        }

        @Override
        public String activation() {
            return "";
        }

        @Override
        public Precision precision() {
            return Precision.FLOAT32;
        }

        @Override
        public FunctionApproximator create(NDManager manager, int coords, int outputs, long seed) {
            ApproximatorProvider provider = Modules.APPROXIMATORS.provider(type);
            if (provider == null) {
                throw new BadInputException("network.type: '" + type + "' is not registered here (is its jar on "
                        + "this machine's classpath?); known: " + String.join(", ", Modules.APPROXIMATORS.types()));
            }
            try {
                return provider.create(Modules.resolve(provider, parameters), manager, coords, outputs, seed);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("network: " + e.getMessage());
            }
        }

        @Override
        public ObjectNode writeTo(ObjectNode n) {
            n.put("type", type);
            parameters.forEach(n::put);
            return n;
        }
    }

    /** Reads {@code network}; every key is read (and checked) whatever the type, as before the typed model. */
    static NetworkSpec read(ConfigReader r) {
        JsonNode given = r.raw("type");
        if (given != null && given.isTextual() && !List.of(MlpSpec.TYPE, SirenSpec.TYPE).contains(given.asText())) {
            ApproximatorProvider provider = Modules.APPROXIMATORS.provider(given.asText());
            if (provider != null) {
                Map<String, String> parameters = Modules.readParameters(r, provider);
                return new PluginSpec(provider.type(), Modules.resolve(provider, parameters).asMap());
            }
        }
        String type = r.string("type", MlpSpec.TYPE, new LinkedHashSet<>(Modules.APPROXIMATORS.types()));
        int[] hidden = r.integers("hidden", new int[] {50, 50, 50, 50}, 1, 16, 1, 4096);
        String activation = r.string("activation", type.equals(SirenSpec.TYPE) ? "sin" : "tanh",
                new LinkedHashSet<>(Activation.NAMES));
        double omega0 = r.number("omega0", 30.0, 1e-6, 1e4);
        double omegaHidden = r.number("omegaHidden", 30.0, 1e-6, 1e4);
        Precision precision = Precision.byConfigName(r.string("precision", Precision.FLOAT32.configName(),
                Precision.configNames()));
        r.finish();
        return type.equals(SirenSpec.TYPE) ? new SirenSpec(hidden, activation, omega0, omegaHidden, precision)
                : new MlpSpec(hidden, activation, precision);
    }

    /** The resolved {@code network} mapping, keys in a fixed order. */
    default ObjectNode writeTo(ObjectNode n) {
        n.put("type", type());
        ArrayNode h = n.putArray("hidden");
        for (int w : hidden()) {
            h.add(w);
        }
        n.put("activation", activation());
        writeOwnKeys(n);
        n.put("precision", precision().configName());
        return n;
    }

    /** The keys only this kind has, written between {@code activation} and {@code precision}. */
    default void writeOwnKeys(ObjectNode n) {
    }
}
