package org.deepmod.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deepmod.data.Dataset;

/**
 * {@code type: file}: data read from a file (.npz, .npy, .mat, .csv; local or hdfs://), with an optional known
 * truth.
 *
 * @param fields the file's names of the 1 to 3 fields, which the library calls u, v, w in this order
 * @param coords canonical coordinate (t[, x[, y]]) -> the file's name for it; its size gives the dimensions
 * @param truth  field (u, v, w) -> term -> coefficient, or null
 * @param realPartOfComplex {@code complex: real}: use the real part of complex arrays whatever their imaginary
 *               part (by default one above {@code 1e-4} of the real part is refused as more than a solver's noise)
 */
public record FileDataset(String path, List<String> fields, Map<String, String> coords,
                          Map<String, Map<String, Double>> truth, boolean realPartOfComplex) implements DatasetSpec {
    public static final String TYPE = "file";
    /** The one value of the {@code complex} key. */
    public static final String COMPLEX_REAL = "real";

    static FileDataset read(ConfigReader r) {
        String path = r.string("path", null, null);
        if (path == null) {
            r.problems().add(r.path("path") + ": required for a file dataset");
        }
        List<String> fields = List.of("u");
        JsonNode f = r.raw("fields");
        if (f != null && f.isArray() && f.size() >= 1 && f.size() <= 3) {
            fields = new ArrayList<>();
            for (JsonNode n : f) {
                fields.add(n.asText());
            }
        } else if (f != null && !f.isNull()) {
            r.problems().add(r.path("fields") + ": expected a list of 1 to 3 array or column names");
        }
        Map<String, String> coords = readCoords(r);
        boolean realPart = COMPLEX_REAL.equals(r.string("complex", null, Set.of(COMPLEX_REAL)));
        FileDataset dataset = new FileDataset(path, List.copyOf(fields), coords, readTruth(r, fields.size()),
                realPart);
        r.finish(); // a misspelt key (fieldz, cords) would otherwise be ignored and the run read other columns
        return dataset;
    }

    /**
     * {@code coords: {t: t, x: x}}: which variable of the file is time and which are x[, y] (t alone for an
     * ODE). Without it, {@code spatialDims} (default 1) gives the canonical names t, x[, y].
     */
    private static Map<String, String> readCoords(ConfigReader r) {
        JsonNode c = r.raw("coords");
        Map<String, String> coords = new LinkedHashMap<>();
        if (c == null || c.isNull()) {
            int spatial = r.integer("spatialDims", 1, 0, 2);
            for (String name : Dataset.canonicalCoordNames(spatial)) {
                coords.put(name, name);
            }
            return coords;
        }
        List<String> canonical = List.of("t", "x", "y");
        if (!c.isObject() || !c.has("t")) {
            r.problems().add(r.path("coords") + ": expected a mapping from t[, x[, y]] to the file's variable names, "
                    + "e.g. {t: tt, x: x}");
            coords.put("t", "t");
            return coords;
        }
        for (String name : canonical) {
            JsonNode v = c.get(name);
            if (v != null) {
                if (coords.size() != canonical.indexOf(name)) {
                    r.problems().add(r.path("coords") + "." + name + ": needs " + canonical.get(coords.size())
                            + " before it");
                }
                coords.put(name, v.asText());
            }
        }
        c.fieldNames().forEachRemaining(k -> {
            if (!canonical.contains(k)) {
                r.problems().add(r.path("coords") + "." + k + ": not a coordinate; use t, x, y");
            }
        });
        if (r.has("spatialDims") && r.integer("spatialDims", 1, 0, 2) != coords.size() - 1) {
            r.problems().add(r.path("spatialDims") + ": coords names " + (coords.size() - 1) + " space dimension(s)");
        }
        return coords;
    }

    /**
     * {@code truth: {u_xx: 0.1, "u*u_x": -1}} for one field, or per field {@code {u: {...}, v: {...}}} (the
     * library names the fields u, v, w in the order of {@code fields}).
     */
    private static Map<String, Map<String, Double>> readTruth(ConfigReader r, int fields) {
        JsonNode t = r.raw("truth");
        if (t == null || t.isNull()) {
            return null;
        }
        if (!t.isObject()) {
            r.problems().add(r.path("truth") + ": expected a mapping from term to coefficient");
            return null;
        }
        boolean perField = t.size() > 0;
        for (JsonNode v : t) {
            perField &= v.isObject();
        }
        Map<String, Map<String, Double>> truth = new TreeMap<>();
        if (!perField) {
            if (fields > 1) {
                r.problems().add(r.path("truth") + ": with " + fields + " fields give one mapping per field, e.g. "
                        + "{u: {u_xx: 0.1}, v: {u: 1}}");
            }
            truth.put("u", terms(r, r.path("truth"), t));
            return truth;
        }
        List<String> outputs = Dataset.canonicalTargetNames(fields);
        t.fields().forEachRemaining(e -> {
            if (!outputs.contains(e.getKey())) {
                r.problems().add(r.path("truth") + "." + e.getKey() + ": not one of the fields " + outputs
                        + " (the library names the fields u, v, w in the order of fields)");
            }
            truth.put(e.getKey(), terms(r, r.path("truth") + "." + e.getKey(), e.getValue()));
        });
        return truth;
    }

    private static Map<String, Double> terms(ConfigReader r, String path, JsonNode t) {
        Map<String, Double> terms = new TreeMap<>();
        t.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                terms.put(e.getKey(), e.getValue().asDouble());
            } else {
                r.problems().add(path + "." + e.getKey() + ": expected a number");
            }
        });
        return terms;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int fieldCount() {
        return fields.size();
    }

    @Override
    public int spatialDims() {
        return coords.size() - 1;
    }

    @Override
    public Map<String, Map<String, Double>> knownTruth() {
        return truth;
    }

    @Override
    public void writeOwnKeys(ObjectNode d) {
        d.put("path", path);
        fields.forEach(d.putArray("fields")::add);
        d.put("spatialDims", spatialDims());
        if (coords.entrySet().stream().anyMatch(e -> !e.getKey().equals(e.getValue()))) {
            ObjectNode c = d.putObject("coords"); // only when not the canonical names, so older run ids stay
            coords.forEach(c::put);
        }
        if (realPartOfComplex) {
            d.put("complex", COMPLEX_REAL); // only when set: a key always written would change every file run's id
        }
        if (truth != null && truth.keySet().equals(Set.of("u"))) {
            ObjectNode t = d.putObject("truth");
            truth.get("u").forEach(t::put);
        } else if (truth != null) {
            ObjectNode t = d.putObject("truth");
            truth.forEach((field, terms) -> {
                ObjectNode f = t.putObject(field);
                terms.forEach(f::put);
            });
        }
    }
}
