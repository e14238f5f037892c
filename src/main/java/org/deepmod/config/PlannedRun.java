package org.deepmod.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One run of a sweep, as it travels to an executor: its stable {@code runId} (the hash of its canonical
 * config), its place in the plan, the axis values that made it (labels, by config path), the canonical config
 * as JSON (re-parsed where it runs), and a cost estimate used to start the longest runs first.
 * Serializable, with plain fields only, so that Spark can ship it.
 */
public record PlannedRun(String runId, int index, LinkedHashMap<String, String> axes, long seed, String configJson,
                         double cost) implements Serializable {

    /** The configuration this run repeats: every axis but the seed ("(base)" when nothing else varies). */
    public String configuration() {
        StringJoiner j = new StringJoiner(", ");
        for (Map.Entry<String, String> e : axes.entrySet()) {
            if (!e.getKey().equals(SweepAxis.SEED)) {
                j.add(e.getKey() + "=" + e.getValue());
            }
        }
        return j.length() == 0 ? "(base)" : j.toString();
    }
}
