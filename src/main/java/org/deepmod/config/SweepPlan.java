package org.deepmod.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deepmod.BadInputException;

/**
 * A sweep expanded into its runs, every one validated before anything trains. Axis groups combine as a grid
 * in file order (the first varies slowest, seeds fastest). Every problem of every run is reported at once,
 * each under its place in the sweep file ({@code axes.noise[3]: noise: 20.0 is out of range ...},
 * {@code base.network.hidden[0]: ...}); a plan with problems throws a {@link ConfigException}.
 */
public final class SweepPlan {
    /** More runs than this is a mistake in the file, not a sweep (and would not fit the driver's memory). */
    public static final int MAX_RUNS = 100_000;
    /** Problems listed at most; a broken base repeats in every run and is listed once anyway. */
    static final int MAX_PROBLEMS = 50;

    private final SweepConfig sweep;
    private final List<PlannedRun> runs;

    private SweepPlan(SweepConfig sweep, List<PlannedRun> runs) {
        this.sweep = sweep;
        this.runs = List.copyOf(runs);
    }

    /**
     * Resolves (and may check) a data file path the way the runs will read it: the driver qualifies relative
     * local paths, which executors in other working folders could not resolve. A missing file throws a
     * {@link BadInputException}.
     */
    @FunctionalInterface
    public interface DataPaths {
        String resolve(String path);

        DataPaths AS_GIVEN = path -> path;
    }

    public static SweepPlan expand(SweepConfig sweep) {
        return expand(sweep, DataPaths.AS_GIVEN);
    }

    public static SweepPlan expand(SweepConfig sweep, DataPaths dataPaths) {
        long size = sweep.gridSize();
        if (size > MAX_RUNS) {
            throw new ConfigException(sweep.source(), List.of("axes: the grid makes "
                    + (size == Long.MAX_VALUE ? "too many" : Long.toString(size)) + " runs; at most " + MAX_RUNS));
        }
        Set<String> problems = new LinkedHashSet<>();
        ObjectNode base = sweep.base().resolved(problems);
        if (!base.has("name")) {
            base.put("name", sweep.name());
        }
        Set<String> baseProblems = problemsOf(base, sweep.source());
        List<PlannedRun> runs = new ArrayList<>();
        Map<String, List<ProblemLocations.Assignment>> byRunId = new HashMap<>();
        List<AxisGroup> groups = sweep.groups();
        for (int index = 0; index < size; index++) {
            List<ProblemLocations.Assignment> assignments = assignments(groups, index);
            ObjectNode tree = base.deepCopy();
            if (!apply(tree, assignments, problems)) {
                continue;
            }
            RunConfig config;
            try {
                resolveDataPath(tree, dataPaths);
                config = RunConfig.parse(tree, sweep.source());
            } catch (ConfigException e) {
                for (String p : e.problems()) {
                    problems.add(baseProblems.contains(p) && !setByAxis(p, assignments) ? sweep.base().locate(p)
                            : ProblemLocations.locate(p, assignments));
                }
                continue;
            } catch (BadInputException e) {
                String p = "dataset.path: " + e.getMessage();
                problems.add(setByAxis(p, assignments) ? ProblemLocations.locate(p, assignments)
                        : sweep.base().locate(p));
                continue;
            }
            String runId = config.runId();
            List<ProblemLocations.Assignment> twin = byRunId.putIfAbsent(runId, assignments);
            if (twin != null) {
                problems.add(sameRun(twin, assignments, runId));
                continue;
            }
            runs.add(new PlannedRun(runId, index, labels(assignments), config.seed(), config.toTree().toString(),
                    RunCost.estimate(config)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(sweep.source(), capped(new ArrayList<>(problems)));
        }
        return new SweepPlan(sweep, runs);
    }

    /** Value {@code index} of the grid: one step along every group, the last group varying fastest. */
    private static List<ProblemLocations.Assignment> assignments(List<AxisGroup> groups, int index) {
        int[] steps = new int[groups.size()];
        int rest = index;
        for (int g = groups.size() - 1; g >= 0; g--) {
            steps[g] = rest % groups.get(g).size();
            rest /= groups.get(g).size();
        }
        List<ProblemLocations.Assignment> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (SweepAxis axis : groups.get(g).axes()) {
                out.add(new ProblemLocations.Assignment(axis, steps[g]));
            }
        }
        return out;
    }

    private static boolean apply(ObjectNode tree, List<ProblemLocations.Assignment> assignments, Set<String> problems) {
        for (ProblemLocations.Assignment a : assignments) {
            try {
                ConfigFiles.set(tree, a.axis().path(), a.axis().values().get(a.index()).deepCopy());
            } catch (BadInputException e) {
                problems.add(a.axis().location() + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    private static void resolveDataPath(ObjectNode tree, DataPaths dataPaths) {
        JsonNode dataset = tree.get("dataset");
        if (dataset instanceof ObjectNode d && FileDataset.TYPE.equals(d.path("type").asText())
                && d.path("path").isTextual()) {
            d.put("path", dataPaths.resolve(d.get("path").asText()));
        }
    }

    private static boolean setByAxis(String problem, List<ProblemLocations.Assignment> assignments) {
        String path = ProblemLocations.pathOf(problem);
        return assignments.stream().anyMatch(a -> ProblemLocations.isUnder(path, a.axis().path()));
    }

    private static Set<String> problemsOf(ObjectNode tree, String source) {
        try {
            RunConfig.parse(tree, source);
            return Set.of();
        } catch (ConfigException e) {
            return new LinkedHashSet<>(e.problems());
        }
    }

    /** Two axis combinations that resolve to one config (0 and 0.0, a key the config ignores) would count twice. */
    private static String sameRun(List<ProblemLocations.Assignment> first, List<ProblemLocations.Assignment> second,
                                  String runId) {
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i).index() != second.get(i).index()) {
                SweepAxis axis = first.get(i).axis();
                differ.add(axis.locationOf(first.get(i).index()) + " and " + axis.locationOf(second.get(i).index()));
            }
        }
        return String.join(", ", differ) + ": give the same run (runId " + runId + "): values that resolve to one "
                + "config (such as 0 and 0.0, or a key this config does not use) would count it twice";
    }

    private static LinkedHashMap<String, String> labels(List<ProblemLocations.Assignment> assignments) {
        LinkedHashMap<String, String> labels = new LinkedHashMap<>();
        for (ProblemLocations.Assignment a : assignments) {
            labels.put(a.axis().path(), AxisLabel.of(a.axis().values().get(a.index())));
        }
        return labels;
    }

    private static List<String> capped(List<String> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<String> out = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        out.add("... and " + (problems.size() - MAX_PROBLEMS) + " more");
        return out;
    }

    public SweepConfig sweep() {
        return sweep;
    }

    public String name() {
        return sweep.name();
    }

    /** The runs in grid order. */
    public List<PlannedRun> runs() {
        return runs;
    }

    /** The axis paths in file order (the seed last when given as {@code seeds}). */
    public List<String> axisPaths() {
        return sweep.axes().stream().map(SweepAxis::path).toList();
    }

    /** The configurations (everything but the seed) in the order they first appear. */
    public List<String> configurations() {
        return runs.stream().map(PlannedRun::configuration).distinct().toList();
    }
}
