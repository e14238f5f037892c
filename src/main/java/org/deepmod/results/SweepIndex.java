package org.deepmod.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deepmod.config.AxisLabel;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.PlannedRun;
import org.deepmod.config.SweepAxis;
import org.deepmod.config.SweepPlan;

/**
 * Which run is which in a sweep: its name, axes, consensus threshold, and per run its axis values and seed.
 * The driver writes it as {@code sweep.json} before training, so that {@code deepmod report} names the
 * configurations exactly as the sweep did; without it (a folder of run files alone) it is rebuilt from the runs'
 * configs: every config path whose value differs between runs is an axis.
 */
public record SweepIndex(String name, List<String> axisPaths, double consensus, List<Run> runs) {
    public static final String FILE = "sweep.json";

    /** One run: the labels of its axis values (by config path, the seed among them). */
    public record Run(String runId, int index, long seed, LinkedHashMap<String, String> axes) {
    }

    public static SweepIndex of(SweepPlan plan) {
        List<Run> runs = new ArrayList<>();
        for (PlannedRun r : plan.runs()) {
            runs.add(new Run(r.runId(), r.index(), r.seed(), r.axes()));
        }
        return new SweepIndex(plan.name(), plan.axisPaths(), plan.sweep().consensus(), runs);
    }

    /** The runs as the results table and the aggregation take them (without their configs). */
    public List<PlannedRun> specs() {
        return runs.stream().map(r -> new PlannedRun(r.runId(), r.index(), r.axes(), r.seed(), "{}", 0)).toList();
    }

    public SweepIndex withConsensus(double threshold) {
        return new SweepIndex(name, axisPaths, threshold, runs);
    }

    public String toJson() {
        try {
            return ResultStore.JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SweepIndex fromJson(String json, String source) {
        try {
            return ResultStore.JSON.readValue(json, SweepIndex.class);
        } catch (JsonProcessingException e) {
            throw new org.deepmod.BadInputException(source + ": not a sweep index: " + e.getOriginalMessage());
        }
    }

    /**
     * The index of a folder of run results without sweep.json: the config paths (leaves; the seed and the name
     * apart) whose values differ between runs are the axes, in the order of the first config; runs are ordered
     * by their axis values, then seed.
     */
    public static SweepIndex fromResults(String name, Collection<RunResult> results, double consensus) {
        List<Map<String, String>> leaves = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (RunResult r : results) {
            Map<String, String> l = new LinkedHashMap<>();
            if (r.identity().config() != null) {
                flatten(r.identity().config(), "", l);
            }
            l.remove(SweepAxis.SEED);
            l.remove("name");
            paths.addAll(l.keySet());
            leaves.add(l);
        }
        List<String> axes = new ArrayList<>();
        for (String path : paths) {
            Set<String> values = new LinkedHashSet<>();
            for (Map<String, String> l : leaves) {
                values.add(l.getOrDefault(path, "null"));
            }
            if (values.size() > 1) {
                axes.add(path);
            }
        }
        List<Run> runs = new ArrayList<>();
        int i = 0;
        Map<String, Long> seeds = new HashMap<>();
        for (RunResult r : results) {
            LinkedHashMap<String, String> labels = new LinkedHashMap<>();
            for (String axis : axes) {
                labels.put(axis, leaves.get(i).getOrDefault(axis, "null"));
            }
            RunResult.Identity run = r.identity();
            long seed = run.config() == null ? 0 : run.config().path(SweepAxis.SEED).asLong();
            labels.put(SweepAxis.SEED, Long.toString(seed));
            seeds.put(run.runId(), seed);
            runs.add(new Run(run.runId(), 0, seed, labels));
            i++;
        }
        Comparator<Run> order = (a, b) -> 0;
        for (String axis : axes) {
            order = order.thenComparing(r -> r.axes().get(axis), SweepIndex::compareLabels);
        }
        runs.sort(order.thenComparingLong(Run::seed).thenComparing(Run::runId));
        List<Run> numbered = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            Run r = runs.get(k);
            numbered.add(new Run(r.runId(), k, r.seed(), r.axes()));
        }
        List<String> axisPaths = new ArrayList<>(axes);
        axisPaths.add(SweepAxis.SEED);
        return new SweepIndex(name, axisPaths, consensus, numbered);
    }

    /** Numbers by value (0.05 before 0.1), anything else as text. */
    private static int compareLabels(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static void flatten(JsonNode node, String prefix, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
            }
        } else {
            out.put(prefix, AxisLabel.of(node));
        }
    }
}
