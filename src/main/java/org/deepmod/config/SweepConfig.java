package org.deepmod.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.deepmod.BadInputException;

/**
 * A sweep file as written: a name, an output folder, the base run config (the schema of {@code deepmod run})
 * and the axes that vary it.
 *
 * <pre>
 * name: burgers-noise
 * output: out/burgers-noise          # optional, default out/&lt;name&gt;; may be hdfs://
 * base: { ...a run config... }      # or a run config file, relative to this one: base: burgers.yaml
 * set: {samples: 1000}               # optional overrides of the base, as deepmod run --set
 * axes:
 *   noise: [0.0, 0.2, 0.4]            # a config path and its values; axes combine as a grid
 *   estimator.threshold: [0.05, 0.1]
 *   zip:                              # lists paired element by element (several groups: a list of mappings)
 *     network.hidden: [[20, 20], [50, 50, 50, 50]]
 *     training.maxIterations: [2000, 10000]
 * seeds: 10                           # shorthand for the axis seed: [0, ..., 9]; or a list of seeds
 * report: {consensus: 0.5}            # optional: the fraction of finished runs a consensus term needs
 * </pre>
 *
 * Parsing checks the file's shape (every problem with its path); {@link SweepPlan} then checks every run.
 */
public record SweepConfig(String source, String name, String output, SweepBase base, List<AxisGroup> groups,
                          double consensus) {
    /** The default of {@code report: {consensus: ...}}: terms selected in at least half the finished runs. */
    public static final double DEFAULT_CONSENSUS = 0.5;


    static final String ZIP = "zip";
    /** A grid this large is a typo (a seeds count, a list pasted twice), not an experiment. */
    static final int MAX_SEEDS = 100_000;

    public SweepConfig {
        groups = List.copyOf(groups);
    }

    /** Reads and checks a sweep file; a bad file throws a {@link ConfigException} naming each path. */
    public static SweepConfig read(Path file) {
        return parse(ConfigFiles.read(file), file.toString(), defaultName(file), file.toAbsolutePath().getParent());
    }

    private static String defaultName(Path file) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    /** @param folder where a base given as a file name is looked up (the sweep file's folder) */
    public static SweepConfig parse(ObjectNode root, String source, String defaultName, Path folder) {
        List<String> problems = new ArrayList<>();
        ConfigReader r = new ConfigReader(root, "", problems);
        String name = r.string("name", defaultName, null);
        String output = r.string("output", "out/" + name, null);
        if (r.raw("output") == null && !java.nio.file.Path.of("out", name).normalize().startsWith("out")
                || name.contains("/") && r.raw("output") == null) {
            // the default folder is out/<name>: '../escape' wrote beside the project, 'a/b' below another sweep
            r.problems().add("name: '" + name + "' is not a plain folder name, and the default output is out/<name>;"
                    + " rename the sweep or give output:");
        }
        SweepBase base = readBase(r.raw("base"), r.raw("set"), folder, problems);
        List<AxisGroup> groups = new ArrayList<>();
        readAxes(r.raw("axes"), groups, problems);
        SweepAxis seeds = readSeeds(r.raw("seeds"), problems);
        if (seeds != null) {
            groups.add(AxisGroup.of(seeds));
        }
        checkEachPathOnce(groups, problems);
        double consensus = DEFAULT_CONSENSUS;
        if (r.has("report")) {
            ConfigReader report = r.child("report");
            consensus = report.number("consensus", DEFAULT_CONSENSUS, 0.0, 1.0);
            report.finish();
        }
        r.finish();
        if (!problems.isEmpty()) {
            problems.addAll(baseOnlyProblems(base, groups, source));
            throw new ConfigException(source, problems);
        }
        return new SweepConfig(source, name, output, base, groups, consensus);
    }

    private static SweepBase readBase(JsonNode base, JsonNode set, Path folder, List<String> problems) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        String file = null;
        if (base == null || base.isNull()) {
            problems.add("base: required: the run config every run of the sweep starts from (a mapping, or a run "
                    + "config file relative to the sweep file)");
        } else if (base.isObject()) {
            tree = ((ObjectNode) base).deepCopy();
        } else if (base.isTextual()) {
            Path path = folder == null ? Path.of(base.asText()) : folder.resolve(base.asText());
            file = path.toString();
            try {
                tree = ConfigFiles.read(path);
            } catch (BadInputException e) {
                problems.add("base: " + e.getMessage());
            }
        } else {
            problems.add("base: expected a run config (a mapping, or a file name), got " + ConfigReader.describe(base));
        }
        Map<String, JsonNode> overrides = new LinkedHashMap<>();
        if (set != null && !set.isNull()) {
            if (!set.isObject()) {
                problems.add("set: expected a mapping from config path to value, got " + ConfigReader.describe(set));
            } else {
                set.fields().forEachRemaining(e -> {
                    String problem = pathProblem(e.getKey());
                    if (problem != null) {
                        problems.add("set." + e.getKey() + ": " + problem);
                    } else {
                        overrides.put(e.getKey(), e.getValue());
                    }
                });
            }
        }
        return new SweepBase(tree, file, overrides);
    }

    private static void readAxes(JsonNode axes, List<AxisGroup> groups, List<String> problems) {
        if (axes == null || axes.isNull()) {
            return;
        }
        if (!axes.isObject()) {
            problems.add("axes: expected a mapping from config path to a list of values, got "
                    + ConfigReader.describe(axes));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = axes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(ZIP)) {
                readZip(e.getValue(), groups, problems);
            } else {
                SweepAxis axis = readAxis(e.getKey(), e.getValue(), "axes." + e.getKey(), problems);
                if (axis != null) {
                    groups.add(AxisGroup.of(axis));
                }
            }
        }
    }

    /** {@code zip:} is one mapping of paths to equally long lists, or a list of such mappings. */
    private static void readZip(JsonNode zip, List<AxisGroup> groups, List<String> problems) {
        if (zip != null && zip.isObject()) {
            readZipGroup(zip, "axes.zip", groups, problems);
        } else if (zip != null && zip.isArray() && zip.size() > 0) {
            for (int g = 0; g < zip.size(); g++) {
                String where = "axes.zip[" + g + "]";
                if (zip.get(g).isObject()) {
                    readZipGroup(zip.get(g), where, groups, problems);
                } else {
                    problems.add(where + ": expected a mapping from config path to a list of values, got "
                            + ConfigReader.describe(zip.get(g)));
                }
            }
        } else {
            problems.add("axes.zip: expected a mapping from config path to a list of values (lists of one length, "
                    + "paired element by element), or a list of such mappings");
        }
    }

    private static void readZipGroup(JsonNode group, String where, List<AxisGroup> groups, List<String> problems) {
        List<SweepAxis> axes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = group.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            SweepAxis axis = readAxis(e.getKey(), e.getValue(), where + "." + e.getKey(), problems);
            if (axis != null) {
                axes.add(axis);
            }
        }
        if (axes.size() != group.size()) {
            return; // the bad axis is reported already
        }
        if (axes.isEmpty()) {
            problems.add(where + ": a zip group needs at least one axis");
            return;
        }
        int size = axes.get(0).values().size();
        if (axes.stream().anyMatch(a -> a.values().size() != size)) {
            StringBuilder lengths = new StringBuilder();
            for (SweepAxis a : axes) {
                lengths.append(lengths.length() == 0 ? "" : ", ").append(a.path()).append(": ").append(a.values().size());
            }
            problems.add(where + ": the lists of a zip group are paired element by element and must have one "
                    + "length; got " + lengths);
            return;
        }
        groups.add(new AxisGroup(axes));
    }

    private static SweepAxis readAxis(String path, JsonNode values, String where, List<String> problems) {
        String pathProblem = pathProblem(path);
        if (pathProblem != null) {
            problems.add(where + ": " + pathProblem);
            return null;
        }
        if (values == null || !values.isArray() || values.isEmpty()) {
            problems.add(where + ": expected a non-empty list of values, got "
                    + (values == null ? "nothing" : values.isArray() ? "an empty list" : ConfigReader.describe(values))
                    + " (an axis is a config path such as noise or network.hidden with a list of values)");
            return null;
        }
        List<JsonNode> list = new ArrayList<>();
        values.forEach(list::add);
        return new SweepAxis(path, where, list);
    }

    private static String pathProblem(String path) {
        if (path.isBlank()) {
            return "an axis needs a config path";
        }
        for (String key : path.split("\\.", -1)) {
            if (key.isBlank()) {
                return "'" + path + "' has an empty key";
            }
        }
        return null;
    }

    private static SweepAxis readSeeds(JsonNode seeds, List<String> problems) {
        if (seeds == null || seeds.isNull()) {
            return null;
        }
        List<JsonNode> values = new ArrayList<>();
        if (seeds.isIntegralNumber()) {
            long n = seeds.asLong();
            if (n < 1 || n > MAX_SEEDS) {
                problems.add("seeds: " + n + " is out of range [1, " + MAX_SEEDS + "] (seeds: N means seeds 0 to N-1)");
                return null;
            }
            for (int s = 0; s < n; s++) {
                values.add(JsonNodeFactory.instance.numberNode(s));
            }
        } else if (seeds.isArray() && !seeds.isEmpty()) {
            for (int i = 0; i < seeds.size(); i++) {
                if (!seeds.get(i).isIntegralNumber()) {
                    problems.add("seeds[" + i + "]: expected a whole number, got " + ConfigReader.describe(seeds.get(i)));
                    return null;
                }
                values.add(seeds.get(i));
            }
        } else {
            problems.add("seeds: expected a count (seeds: 10 means seeds 0 to 9) or a list of whole numbers, got "
                    + ConfigReader.describe(seeds));
            return null;
        }
        return new SweepAxis(SweepAxis.SEED, "seeds", values);
    }

    /** A path set by two axes would make the later silently win over the earlier. */
    private static void checkEachPathOnce(List<AxisGroup> groups, List<String> problems) {
        Map<String, String> seen = new HashMap<>();
        for (AxisGroup g : groups) {
            for (SweepAxis a : g.axes()) {
                String earlier = seen.putIfAbsent(a.path(), a.location());
                if (earlier != null) {
                    problems.add(a.location() + ": the path " + a.path() + " is already an axis at " + earlier);
                }
            }
        }
    }

    /**
     * When the file's shape is wrong no run can be built; still report what is wrong in the base, so that
     * every problem is listed at once (except at paths an axis would have set).
     */
    private static List<String> baseOnlyProblems(SweepBase base, List<AxisGroup> groups, String source) {
        List<String> out = new ArrayList<>();
        ObjectNode tree = base.resolved(out);
        try {
            RunConfig.parse(tree, source);
        } catch (ConfigException e) {
            for (String p : e.problems()) {
                String path = ProblemLocations.pathOf(p);
                boolean setByAxis = groups.stream().flatMap(g -> g.axes().stream())
                        .anyMatch(a -> ProblemLocations.isUnder(path, a.path()));
                if (!setByAxis) {
                    out.add(base.locate(p));
                }
            }
        }
        return out;
    }

    /** Every axis in file order (groups in order, seeds last). */
    public List<SweepAxis> axes() {
        return groups.stream().flatMap(g -> g.axes().stream()).toList();
    }

    /** The number of runs the grid makes, saturating at Long.MAX_VALUE. */
    public long gridSize() {
        long n = 1;
        try {
            for (AxisGroup g : groups) {
                n = Math.multiplyExact(n, g.size());
            }
            return n;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
