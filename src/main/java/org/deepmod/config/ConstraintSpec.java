package org.deepmod.config;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.deepmod.BadInputException;
import org.deepmod.constraint.Constraint;
import org.deepmod.constraint.ConstraintProvider;
import org.deepmod.constraint.GradParams;
import org.deepmod.constraint.LeastSquares;
import org.deepmod.constraint.RidgeConstraint;
import org.deepmod.library.Library;

/**
 * The config's {@code constraint}: how the coefficients ξ of the active terms are found, read once from its
 * {@code type}. Each kind knows its keys, the constraint it builds and how it is written back.
 */
public sealed interface ConstraintSpec permits ConstraintSpec.LeastSquaresSpec, ConstraintSpec.RidgeSpec,
        ConstraintSpec.GradParamsSpec, ConstraintSpec.PluginSpec {

    /** The name under {@code constraint.type}. */
    String type();

    /** The constraint for this library, trained (where it trains) in the network's precision. */
    Constraint create(NDManager manager, Library library, NetworkSpec.Precision precision, long seed);

    /** The keys only this kind has, after {@code type}. */
    default void writeOwnKeys(ObjectNode c) {
    }

    /** Ordinary least squares each step. */
    record LeastSquaresSpec() implements ConstraintSpec {
        static final String TYPE = "least-squares";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Constraint create(NDManager manager, Library library, NetworkSpec.Precision precision, long seed) {
            return new LeastSquares();
        }
    }

    /** Least squares with the reference's ridge penalty λ. */
    record RidgeSpec(double lambda) implements ConstraintSpec {
        static final String TYPE = "ridge";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Constraint create(NDManager manager, Library library, NetworkSpec.Precision precision, long seed) {
            return new RidgeConstraint(lambda);
        }

        @Override
        public void writeOwnKeys(ObjectNode c) {
            c.put("lambda", lambda);
        }
    }

    /** ξ trained with the network by the optimiser. */
    record GradParamsSpec() implements ConstraintSpec {
        static final String TYPE = "grad-params";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Constraint create(NDManager manager, Library library, NetworkSpec.Precision precision, long seed) {
            return new GradParams(manager, library.termCount(), library.outputs(), precision.dataType(), seed);
        }
    }

    /**
     * A constraint from a jar of its own ({@link ConstraintProvider}): its type and its parameters, every
     * declared one with its value (defaults filled in).
     */
    record PluginSpec(String type, Map<String, String> parameters) implements ConstraintSpec {
        @Override
        public Constraint create(NDManager manager, Library library, NetworkSpec.Precision precision, long seed) {
            ConstraintProvider provider = Modules.CONSTRAINTS.provider(type);
            if (provider == null) {
                throw new BadInputException("constraint.type: '" + type + "' is not registered here (is its jar on "
                        + "this machine's classpath?); known: " + String.join(", ", Modules.CONSTRAINTS.types()));
            }
            try {
                return provider.create(Modules.resolve(provider, parameters), manager, library, precision.dataType(),
                        seed);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("constraint: " + e.getMessage());
            }
        }

        @Override
        public void writeOwnKeys(ObjectNode c) {
            parameters.forEach(c::put);
        }
    }

    /** Reads {@code constraint}; {@code lambda} is read (and checked) for every type, and used by ridge. */
    static ConstraintSpec read(ConfigReader r) {
        JsonNode given = r.raw("type");
        if (given != null && given.isTextual()
                && !List.of(LeastSquaresSpec.TYPE, RidgeSpec.TYPE, GradParamsSpec.TYPE).contains(given.asText())) {
            ConstraintProvider provider = Modules.CONSTRAINTS.provider(given.asText());
            if (provider != null) {
                Map<String, String> parameters = Modules.readParameters(r, provider);
                return new PluginSpec(provider.type(), Modules.resolve(provider, parameters).asMap());
            }
        }
        String type = r.string("type", LeastSquaresSpec.TYPE, new LinkedHashSet<>(Modules.CONSTRAINTS.types()));
        double lambda = r.number("lambda", type.equals(RidgeSpec.TYPE) ? RidgeConstraint.DEFAULT_LAMBDA : 0.0, 0.0, 1e6);
        r.finish();
        switch (type) {
            case RidgeSpec.TYPE: return new RidgeSpec(lambda);
            case GradParamsSpec.TYPE: return new GradParamsSpec();
            default: return new LeastSquaresSpec();
        }
    }

    /** The resolved {@code constraint} mapping. */
    default ObjectNode writeTo(ObjectNode c) {
        c.put("type", type());
        writeOwnKeys(c);
        return c;
    }
}
