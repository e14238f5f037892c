package org.deepmod.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.deepmod.data.AdvectionDiffusion2D;
import org.deepmod.data.AllenCahn;
import org.deepmod.data.Dataset;
import org.deepmod.data.DiffusionRotation;
import org.deepmod.data.KellerSegel;
import org.deepmod.data.KuramotoSivashinsky;
import org.deepmod.data.LotkaVolterra;
import org.deepmod.data.Simulation;
import org.deepmod.data.AnalyticSolution;
import org.deepmod.data.Axis;
import org.deepmod.data.BurgersCos;
import org.deepmod.data.BurgersDelta;
import org.deepmod.data.BurgersSawtooth;
import org.deepmod.data.DiffusionGaussian;
import org.deepmod.data.Grid;
import org.deepmod.data.KdvDoubleSoliton;
import org.deepmod.data.KdvSingleSoliton;

/**
 * The {@code dataset} section: an analytic solution sampled on a grid, or a file (.npz, .npy, .mat, .csv; local
 * or hdfs://) with an optional known truth. Every generator has the reference's parameters and a default
 * domain, so {@code type: burgers-delta} alone is the notebook's Burgers set-up.
 */
public record DatasetSpec(String type, Map<String, double[]> parameters, Map<String, double[]> axes, String path,
                          List<String> fields, Map<String, String> coords, Map<String, Map<String, Double>> truth) {

    public static final String FILE = "file";

    /** Generator name -> parameter defaults (scalars or fixed-length lists) and default axes (start, stop, count). */
    private static final Map<String, Map<String, double[]>> PARAMETERS = new LinkedHashMap<>();
    private static final Map<String, Map<String, double[]>> AXES = new LinkedHashMap<>();

    static {
        define("burgers-delta", params("nu", 0.1, "a", 1.0), axes(0.5, 5.0, 50, -3.0, 4.0, 100));
        define("burgers-cos", params("nu", 0.1, "a", 1.0, "b", 2.0, "k", 1.0), axes(0.1, 5.0, 50, 0, 2 * Math.PI, 100));
        define("burgers-sawtooth", params("nu", 0.1), axes(0.0, 0.5, 50, 0, 2 * Math.PI, 100));
        define("kdv-single-soliton", params("c", 2.0, "x0", 0.0), axes(0.0, 2.0, 50, -10.0, 10.0, 100));
        Map<String, double[]> kdv2 = new LinkedHashMap<>();
        kdv2.put("c", new double[] {1.0, 0.5});
        kdv2.put("x0", new double[] {-20.0, 5.0});
        define("kdv-double-soliton", kdv2, axes(0.0, 20.0, 201, -30.0, 30.0, 512));
        define("diffusion-gaussian", params("d", 0.5, "x0", 0.0, "sigma", 0.5), axes(0.0, 5.0, 50, -5.0, 5.0, 100));
        Map<String, double[]> ad = new LinkedHashMap<>();
        ad.put("d", new double[] {0.5});
        ad.put("x0", new double[] {0.0, 0.0});
        ad.put("sigma", new double[] {0.5});
        ad.put("v", new double[] {0.25, 0.5});
        Map<String, double[]> adAxes = axes(0.0, 5.0, 21, -5.0, 5.0, 41);
        adAxes.put("y", new double[] {-5.0, 5.0, 41});
        define("advection-diffusion-2d", ad, adAxes);
        Map<String, double[]> timeOnly = new LinkedHashMap<>();
        timeOnly.put("t", new double[] {0.0, 15.0, 500});
        // DeePyMoD's ODE_Lotka_Voltera notebook: a = 1, b = 0.1, c = 1.5, d·b = 0.075, U0 = (10, 5)
        define("lotka-volterra", params("alpha", 1.0, "beta", 0.1, "gamma", 1.5, "delta", 0.075, "u0", 10.0,
                "v0", 5.0), timeOnly);
        define("diffusion-rotation", params("d", 0.1, "omega", 1.0, "x0", 0.0, "sigma", 0.5),
                axes(0.0, 4.0, 41, -3.0, 3.0, 100));
        define("kuramoto-sivashinsky", params(), axes(0.0, 40.0, 101, 0.0, 32 * Math.PI, 256));
        define("allen-cahn", params("epsilon", 0.1, "amplitude", 0.5), axes(0.0, 4.0, 41, 0.0, 2 * Math.PI, 128));
        define("keller-segel", params("du", 0.5, "chi", 2.0, "dv", 0.5, "alpha", 1.0, "beta", 0.2,
                "chemical", 1.0), axes(0.0, 1.0, 51, -10.0, 10.0, 256));
    }

    /** The generators that are computed on a grid ({@link Simulation}) rather than a closed form. */
    private static final java.util.Set<String> SIMULATED = java.util.Set.of("lotka-volterra", "diffusion-rotation",
            "kuramoto-sivashinsky", "allen-cahn", "keller-segel");

    private static void define(String name, Map<String, double[]> parameters, Map<String, double[]> axes) {
        PARAMETERS.put(name, parameters);
        AXES.put(name, axes);
    }

    private static Map<String, double[]> params(Object... kv) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], new double[] {(Double) kv[i + 1]});
        }
        return m;
    }

    private static Map<String, double[]> axes(double t0, double t1, int nt, double x0, double x1, int nx) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("t", new double[] {t0, t1, nt});
        m.put("x", new double[] {x0, x1, nx});
        return m;
    }

    public static List<String> types() {
        List<String> all = new java.util.ArrayList<>(PARAMETERS.keySet());
        all.add(FILE);
        return all;
    }

    static DatasetSpec read(ConfigReader r) {
        String type = r.string("type", "burgers-delta", new java.util.LinkedHashSet<>(types()));
        if (FILE.equals(type)) {
            String path = r.string("path", null, null);
            if (path == null) {
                r.problems().add(r.path("path") + ": required for a file dataset");
            }
            List<String> fields = List.of("u");
            JsonNode f = r.raw("fields");
            if (f != null && f.isArray() && f.size() >= 1 && f.size() <= 3) {
                fields = new java.util.ArrayList<>();
                for (JsonNode n : f) {
                    fields.add(n.asText());
                }
            } else if (f != null && !f.isNull()) {
                r.problems().add(r.path("fields") + ": expected a list of 1 to 3 array or column names");
            }
            Map<String, String> coords = readCoords(r);
            Map<String, double[]> axes = new LinkedHashMap<>();
            axes.put("spatialDims", new double[] {coords.size() - 1});
            return new DatasetSpec(type, Map.of(), axes, path, List.copyOf(fields), coords,
                    readTruth(r, fields.size()));
        }
        Map<String, double[]> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> p : PARAMETERS.get(type).entrySet()) {
            double[] def = p.getValue();
            if (def.length == 1) {
                parameters.put(p.getKey(), new double[] {r.number(p.getKey(), def[0], -1e6, 1e6)});
            } else {
                parameters.put(p.getKey(), r.numbers(p.getKey(), def, def.length, -1e6, 1e6));
            }
        }
        Map<String, double[]> axes = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> a : AXES.get(type).entrySet()) {
            ConfigReader ar = r.child(a.getKey());
            double[] def = a.getValue();
            double start = ar.number("start", def[0], -1e6, 1e6);
            double stop = ar.number("stop", def[1], -1e6, 1e6);
            int count = ar.integer("count", (int) def[2], 2, 100_000);
            ar.finish();
            if (!(stop > start)) {
                r.problems().add(r.path(a.getKey()) + ": stop (" + stop + ") must be greater than start (" + start + ")");
            }
            axes.put(a.getKey(), new double[] {start, stop, count});
        }
        DatasetSpec spec = new DatasetSpec(type, parameters, axes, null, List.of("u"), null, null);
        try {
            spec.knownTruth(); // the generator checks its own parameters (e.g. b > |a|, c0 > c1)
        } catch (RuntimeException e) {
            r.problems().add(r.path("type") + ": " + e.getMessage());
        }
        return spec;
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

    public boolean isFile() {
        return FILE.equals(type);
    }

    /** Equal when every component is, the parameters' and axes' arrays by their values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetSpec d && type.equals(d.type) && sameValues(parameters, d.parameters)
                && sameValues(axes, d.axes) && Objects.equals(path, d.path) && Objects.equals(fields, d.fields)
                && Objects.equals(coords, d.coords) && Objects.equals(truth, d.truth);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, path, fields, coords, truth, parameters.keySet(), axes.keySet());
    }

    private static boolean sameValues(Map<String, double[]> a, Map<String, double[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    public int spatialDims() {
        return isFile() ? (int) axes.get("spatialDims")[0] : axes.size() - 1;
    }

    /** Number of fields: those a file names, or the generator's (two for Lotka–Volterra). */
    public int fieldCount() {
        if (isFile()) {
            return fields.size();
        }
        return SIMULATED.contains(type) ? simulation().truth().size() : 1;
    }

    private double p(String name) {
        return parameters.get(name)[0];
    }

    private double[] list(String name) {
        return parameters.get(name);
    }

    /** The data of a generator: its closed form sampled on the grid, or its simulation. */
    public Dataset generate() {
        if (!SIMULATED.contains(type)) {
            return grid().sample(solution());
        }
        return simulation().sample(axis("t").values(), axes.get("x"));
    }

    /** The simulated systems' solvers (not for file datasets or closed forms). */
    public Simulation simulation() {
        switch (type) {
            case "lotka-volterra":
                return new LotkaVolterra(p("alpha"), p("beta"), p("gamma"), p("delta"), p("u0"), p("v0"));
            case "diffusion-rotation": return new DiffusionRotation(p("d"), p("omega"), p("x0"), p("sigma"));
            case "kuramoto-sivashinsky": return new KuramotoSivashinsky();
            case "allen-cahn": return new AllenCahn(p("epsilon"), p("amplitude"));
            case "keller-segel": return new KellerSegel(p("du"), p("chi"), p("dv"), p("alpha"), p("beta"),
                    p("chemical"));
            default: throw new IllegalStateException("not a simulated dataset: " + type);
        }
    }

    /** The analytic solution (not for file datasets). */
    public AnalyticSolution solution() {
        switch (type) {
            case "burgers-delta": return new BurgersDelta(p("nu"), p("a"));
            case "burgers-cos": return new BurgersCos(p("nu"), p("a"), p("b"), p("k"));
            case "burgers-sawtooth": return new BurgersSawtooth(p("nu"));
            case "kdv-single-soliton": return new KdvSingleSoliton(p("c"), p("x0"));
            case "kdv-double-soliton":
                return new KdvDoubleSoliton(list("c")[0], list("c")[1], list("x0")[0], list("x0")[1]);
            case "diffusion-gaussian": return new DiffusionGaussian(p("d"), p("x0"), p("sigma"));
            case "advection-diffusion-2d":
                return new AdvectionDiffusion2D(p("d"), list("x0")[0], list("x0")[1], p("sigma"), list("v")[0],
                        list("v")[1]);
            default: throw new IllegalStateException("not an analytic dataset: " + type);
        }
    }

    public Grid grid() {
        Axis t = axis("t");
        Axis x = axis("x");
        return axes.containsKey("y") ? Grid.of(t, x, axis("y")) : Grid.of(t, x);
    }

    private Axis axis(String name) {
        double[] a = axes.get(name);
        return Axis.linspace(a[0], a[1], (int) a[2]);
    }

    /** The known coefficients per field (u, v, w) by term name, or null. */
    public Map<String, Map<String, Double>> knownTruth() {
        if (isFile()) {
            return truth;
        }
        return SIMULATED.contains(type) ? simulation().truth() : Map.of("u", solution().truth());
    }

    ObjectNode toTree() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", type);
        if (isFile()) {
            o.put("path", path);
            fields.forEach(o.putArray("fields")::add);
            o.put("spatialDims", spatialDims());
            if (coords.entrySet().stream().anyMatch(e -> !e.getKey().equals(e.getValue()))) {
                ObjectNode c = o.putObject("coords"); // only when not the canonical names, so older run ids stay
                coords.forEach(c::put);
            }
            if (truth != null && truth.keySet().equals(java.util.Set.of("u"))) {
                ObjectNode t = o.putObject("truth");
                truth.get("u").forEach(t::put);
            } else if (truth != null) {
                ObjectNode t = o.putObject("truth");
                truth.forEach((field, terms) -> {
                    ObjectNode f = t.putObject(field);
                    terms.forEach(f::put);
                });
            }
            return o;
        }
        parameters.forEach((k, v) -> {
            if (v.length == 1) {
                o.put(k, v[0]);
            } else {
                var arr = o.putArray(k);
                for (double d : v) {
                    arr.add(d);
                }
            }
        });
        axes.forEach((k, v) -> {
            ObjectNode a = o.putObject(k);
            a.put("start", v[0]);
            a.put("stop", v[1]);
            a.put("count", (int) v[2]);
        });
        return o;
    }
}
