package org.deepmod.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deepmod.BadInputException;
import org.deepmod.library.Library;
import org.deepmod.library.Library1D;
import org.deepmod.library.Library2D;
import org.deepmod.library.LibraryProvider;
import org.deepmod.library.TermsLibrary;

/**
 * The config's {@code library}: which candidate terms Θ holds, read once from its {@code type}. Each kind
 * knows its defaults, the library it builds and how it is written back into the resolved config.
 */
public sealed interface LibrarySpec permits LibrarySpec.Library1DSpec, LibrarySpec.Library2DSpec,
        LibrarySpec.OdeLibrarySpec, LibrarySpec.TermsSpec, LibrarySpec.PluginSpec {

    /** Highest power of the fields' values. */
    int poly();

    /** Highest order of the x-derivatives (2 for the 2D library, 0 for an ODE). */
    int diff();

    /** The name under {@code library.type}. */
    String type();

    /** The library for data with {@code outputs} fields; a combination the library cannot take is bad input. */
    Library create(int outputs);

    /** The library's number of terms for data with {@code fields} fields. */
    default int termCount(int fields) {
        return create(fields).termNames().size();
    }

    /** Powers of u and v with their x-derivatives up to {@code diff}, and the cross terms of several fields. */
    record Library1DSpec(int poly, int diff) implements LibrarySpec {
        static final String TYPE = "1d";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Library create(int outputs) {
            return new Library1D(poly, diff, outputs);
        }
    }

    /** Powers of u with its x- and y-derivatives up to second order, for one field. */
    record Library2DSpec(int poly) implements LibrarySpec {
        static final String TYPE = "2d";
        static final int DIFF = 2;

        @Override
        public int diff() {
            return DIFF;
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Library create(int outputs) {
            if (outputs != 1) {
                throw new BadInputException("library: a 2d library takes one field, the data has " + outputs);
            }
            return new Library2D(poly);
        }

        /** Counted as for one field: data with more is refused when it is read. */
        @Override
        public int termCount(int fields) {
            return create(1).termNames().size();
        }
    }

    /** Products of the fields' powers, no derivatives: for data with time as the only coordinate. */
    record OdeLibrarySpec(int poly) implements LibrarySpec {
        static final String TYPE = "ode";

        @Override
        public int diff() {
            return 0;
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Library create(int outputs) {
            return Library1D.ode(poly, outputs);
        }
    }

    /**
     * The terms the config names ({@link TermsLibrary}): one list for every field, or one per field; {@code diff}
     * bounds their derivatives' order. Each term is read when the config is (for up to three fields), and again
     * for the data's fields when the library is built.
     */
    record TermsSpec(int diff, Map<String, List<String>> terms, int spatialDims) implements LibrarySpec {
        static final String TYPE = "terms";
        /** Fields a config may name before the data is read: u, v, w. */
        static final int MAX_FIELDS = 3;

        public TermsSpec {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            terms.forEach((field, list) -> copy.put(field, List.copyOf(list)));
            terms = Collections.unmodifiableMap(copy);
        }

        /** The highest power of a field's value among the terms. */
        @Override
        public int poly() {
            return TermsLibrary.of(terms, namedFields(), spatialDims, diff).maxPower();
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Library create(int outputs) {
            try {
                return TermsLibrary.of(terms, outputs, spatialDims, diff);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("library.terms" + where(e.getMessage()));
            }
        }

        /** Counted for the fields the terms name, which the data must have. */
        @Override
        public int termCount(int fields) {
            return TermsLibrary.of(terms, namedFields(), spatialDims, diff).termNames().size();
        }

        /** Before the data is read: as many fields as the per-field keys name (u, v: 2), else u, v and w. */
        int namedFields() {
            if (terms.containsKey("")) {
                return MAX_FIELDS;
            }
            int fields = 0;
            for (String field : terms.keySet()) {
                int k = List.of("u", "v", "w").indexOf(field);
                if (k < 0) {
                    return MAX_FIELDS;
                }
                fields = Math.max(fields, k + 1);
            }
            return fields;
        }

        /** The parser's "[2]: ..." or "v[0]: ..." after {@code library.terms}. */
        private static String where(String message) {
            return message.startsWith("[") ? message : "." + message;
        }

        @Override
        public ObjectNode writeTo(ObjectNode l) {
            l.put("type", TYPE);
            l.put("diff", diff);
            if (terms.containsKey("")) {
                ArrayNode list = l.putArray("terms");
                terms.get("").forEach(list::add);
            } else {
                ObjectNode byField = l.putObject("terms");
                terms.forEach((field, list) -> {
                    ArrayNode a = byField.putArray(field);
                    list.forEach(a::add);
                });
            }
            return l;
        }

        /** Reads {@code terms} (a list, or a mapping from field to list) and checks every term. */
        static TermsSpec read(ConfigReader r, int spatialDims, int diff) {
            JsonNode node = r.raw("terms");
            Map<String, List<String>> terms = new LinkedHashMap<>();
            String path = r.path("terms");
            if (node == null || node.isNull()) {
                r.problems().add(path + ": a terms library needs its terms, e.g. [u_xx, u*u_x, sin(u), 1]");
            } else if (node.isArray()) {
                terms.put("", texts(node, path, r.problems()));
            } else if (node.isObject()) {
                node.fields().forEachRemaining(e -> terms.put(e.getKey(), e.getValue().isArray()
                        ? texts(e.getValue(), path + "." + e.getKey(), r.problems()) : null));
                terms.entrySet().removeIf(e -> {
                    if (e.getValue() == null) {
                        r.problems().add(path + "." + e.getKey() + ": expected a list of terms");
                    }
                    return e.getValue() == null;
                });
            } else {
                r.problems().add(path + ": expected a list of terms or one list per field, got "
                        + ConfigReader.describe(node));
            }
            TermsSpec spec = new TermsSpec(diff, terms, spatialDims);
            if (!terms.isEmpty()) {
                try {
                    TermsLibrary.of(terms, spec.namedFields(), spatialDims, diff);
                } catch (IllegalArgumentException e) {
                    r.problems().add(path + where(e.getMessage()));
                }
            }
            return spec;
        }

        private static List<String> texts(JsonNode array, String path, List<String> problems) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode v = array.get(i);
                if (v.isTextual() || v.isNumber()) {
                    out.add(v.asText());
                } else {
                    problems.add(path + "[" + i + "]: expected a term such as u*u_x, got " + ConfigReader.describe(v));
                }
            }
            return out;
        }
    }

    /**
     * A library from a jar of its own ({@link LibraryProvider}): its type and its parameters, every declared one
     * with its value (defaults filled in), for data of {@code spatialDims} space dimensions.
     */
    record PluginSpec(String type, Map<String, String> parameters, int spatialDims) implements LibrarySpec {
        @Override
        public int poly() {
            return 0;
        }

        /** The jets' cost estimate assumes derivatives up to fourth order: a plug-in does not say. */
        @Override
        public int diff() {
            return 4;
        }

        @Override
        public Library create(int outputs) {
            LibraryProvider provider = Modules.LIBRARIES.provider(type);
            if (provider == null) {
                throw new BadInputException("library.type: '" + type + "' is not registered here (is its jar on "
                        + "this machine's classpath?); known: " + String.join(", ", Modules.LIBRARIES.types()));
            }
            try {
                return provider.create(Modules.resolve(provider, parameters), outputs, spatialDims);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("library: " + e.getMessage());
            }
        }

        @Override
        public ObjectNode writeTo(ObjectNode l) {
            l.put("type", type);
            parameters.forEach(l::put);
            return l;
        }
    }

    /** The library type that fits a dataset of 0, 1 or 2 space dimensions. */
    List<String> TYPE_BY_DIMS = List.of(OdeLibrarySpec.TYPE, Library1DSpec.TYPE, Library2DSpec.TYPE);

    /**
     * Reads {@code library} for a dataset of {@code spatialDims} space dimensions, whose library type is the
     * default; a type that does not fit it, and a {@code diff} the type fixes, are problems.
     */
    static LibrarySpec read(ConfigReader r, int spatialDims) {
        String fitting = TYPE_BY_DIMS.get(spatialDims);
        Set<String> types = new LinkedHashSet<>(TYPE_BY_DIMS);
        types.add(TermsSpec.TYPE);
        JsonNode given = r.raw("type");
        if (given != null && given.isTextual() && !types.contains(given.asText())) {
            LibraryProvider provider = Modules.LIBRARIES.provider(given.asText());
            if (provider != null) {
                Map<String, String> parameters = Modules.readParameters(r, provider);
                return new PluginSpec(provider.type(), Modules.resolve(provider, parameters).asMap(), spatialDims);
            }
        }
        types.addAll(Modules.LIBRARIES.types());
        String type = r.string("type", fitting, types);
        if (type.equals(TermsSpec.TYPE)) {
            int diff = r.integer("diff", 4, 0, 4);
            TermsSpec spec = TermsSpec.read(r, spatialDims, diff);
            r.finish();
            return spec;
        }
        boolean twoD = type.equals(Library2DSpec.TYPE);
        boolean ode = type.equals(OdeLibrarySpec.TYPE);
        int poly = r.integer("poly", twoD ? 1 : 2, 0, 5);
        int diff = r.integer("diff", twoD ? Library2DSpec.DIFF : ode ? 0 : 3, 0, 4);
        r.finish();
        List<String> problems = r.problems();
        if (twoD && diff != Library2DSpec.DIFF) {
            problems.add(r.path("diff") + ": a 2d library has derivatives up to second order fixed; leave diff out");
        }
        if (ode && diff != 0) {
            problems.add(r.path("diff") + ": an ode library has no x-derivatives; leave diff out");
        }
        if (!type.equals(fitting)) {
            problems.add(r.path("type") + ": '" + type + "' does not fit a dataset with " + spatialDims
                    + " space dimension(s)");
        }
        return twoD ? new Library2DSpec(poly) : ode ? new OdeLibrarySpec(poly) : new Library1DSpec(poly, diff);
    }

    /** The resolved {@code library} mapping. */
    default ObjectNode writeTo(ObjectNode l) {
        l.put("type", type());
        l.put("poly", poly());
        l.put("diff", diff());
        return l;
    }
}
