package org.deepmod.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deepmod.data.AdvectionDiffusion2D;
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
 * The {@code dataset} section: an analytic solution sampled on a grid, or a file (.npz, .npy, .csv; local or
 * hdfs://) with an optional known truth. Every generator has the reference's parameters and a default
 * domain, so {@code type: burgers-delta} alone is the notebook's Burgers set-up.
 */
public record DatasetSpec(String type, Map<String, double[]> parameters, Map<String, double[]> axes, String path,
                          List<String> fields, Map<String, Double> truth) {

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
    }

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
            int spatial = r.integer("spatialDims", 1, 1, 2);
            Map<String, double[]> axes = new LinkedHashMap<>();
            axes.put("spatialDims", new double[] {spatial});
            return new DatasetSpec(type, Map.of(), axes, path, List.copyOf(fields), readTruth(r));
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
        DatasetSpec spec = new DatasetSpec(type, parameters, axes, null, List.of("u"), null);
        try {
            spec.solution(); // the generator checks its own parameters (e.g. b > |a|, c0 > c1)
        } catch (RuntimeException e) {
            r.problems().add(r.path("type") + ": " + e.getMessage());
        }
        return spec;
    }

    private static Map<String, Double> readTruth(ConfigReader r) {
        JsonNode t = r.raw("truth");
        if (t == null || t.isNull()) {
            return null;
        }
        if (!t.isObject()) {
            r.problems().add(r.path("truth") + ": expected a mapping from term to coefficient");
            return null;
        }
        Map<String, Double> truth = new TreeMap<>();
        t.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                truth.put(e.getKey(), e.getValue().asDouble());
            } else {
                r.problems().add(r.path("truth") + "." + e.getKey() + ": expected a number");
            }
        });
        return truth;
    }

    public boolean isFile() {
        return FILE.equals(type);
    }

    public int spatialDims() {
        return isFile() ? (int) axes.get("spatialDims")[0] : axes.containsKey("y") ? 2 : 1;
    }

    private double p(String name) {
        return parameters.get(name)[0];
    }

    private double[] list(String name) {
        return parameters.get(name);
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

    /** The known coefficients by term name, or null. */
    public Map<String, Double> knownTruth() {
        return isFile() ? truth : solution().truth();
    }

    ObjectNode toTree() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", type);
        if (isFile()) {
            o.put("path", path);
            fields.forEach(o.putArray("fields")::add);
            o.put("spatialDims", spatialDims());
            if (truth != null) {
                ObjectNode t = o.putObject("truth");
                truth.forEach(t::put);
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
