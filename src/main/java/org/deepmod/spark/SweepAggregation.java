package org.deepmod.spark;

import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.deepmod.experiment.RunSpec;
import org.deepmod.experiment.SweepAxis;
import org.deepmod.experiment.SweepPlan;

/**
 * The one place where a sweep's results are aggregated (with Spark SQL over the results table), so that the
 * statistics can grow here (coefficient spread, consensus equations, timing) and every consumer (summary.json,
 * the terminal table, reports) reads the same numbers.
 */
public final class SweepAggregation {
    private SweepAggregation() {
    }

    public static SweepSummary summarise(Dataset<Row> table, SweepPlan plan, String output) {
        Map<String, Row> perConfiguration = new HashMap<>();
        for (Row r : table.groupBy("configuration").agg(
                count(lit(1)).as("runs"),
                sum(when(col("status").equalTo("FAILED"), 1).otherwise(0)).as("failed"),
                sum(when(col("correctSupport"), 1).otherwise(0)).as("correct"),
                count(col("correctSupport")).as("withTruth"),
                avg("seconds").as("meanSeconds"),
                avg("iterations").as("meanIterations")).collectAsList()) {
            perConfiguration.put(r.getAs("configuration"), r);
        }

        // Selection frequency per (configuration, term) among the runs that have a mask.
        Map<String, Map<String, Double>> frequencies = new HashMap<>();
        Map<String, Integer> termPosition = new HashMap<>();
        for (Row r : table.filter(col("mask").isNotNull())
                .select(col("configuration"), posexplode(arrays_zip(col("terms"), col("mask"))))
                .groupBy(col("configuration"), col("col.terms").as("term"))
                .agg(avg(col("col.mask").cast("double")).as("frequency"), min("pos").as("position"))
                .collectAsList()) {
            String term = r.getAs("term");
            frequencies.computeIfAbsent(r.getAs("configuration"), k -> new HashMap<>()).put(term, r.getAs("frequency"));
            termPosition.merge(term, r.getAs("position"), Math::min);
        }
        List<String> terms = new ArrayList<>(termPosition.keySet());
        terms.sort(Comparator.comparing((String t) -> termPosition.get(t)).thenComparing(Comparator.naturalOrder()));

        Map<String, Map<String, String>> axes = axesByConfiguration(plan);
        List<SweepSummary.Configuration> configurations = new ArrayList<>();
        int withResults = 0;
        int failed = 0;
        for (String configuration : plan.configurations()) {
            Row r = perConfiguration.get(configuration);
            if (r == null) {
                continue; // no run of it has a result yet (a limited or interrupted sweep)
            }
            int runs = (int) r.<Long>getAs("runs").longValue();
            int failedRuns = (int) r.<Long>getAs("failed").longValue();
            boolean truthKnown = r.<Long>getAs("withTruth") > 0;
            int correct = (int) r.<Long>getAs("correct").longValue();
            Map<String, Double> f = new LinkedHashMap<>();
            Map<String, Double> found = frequencies.getOrDefault(configuration, Map.of());
            for (String term : terms) {
                if (found.containsKey(term)) {
                    f.put(term, found.get(term));
                }
            }
            configurations.add(new SweepSummary.Configuration(configuration, axes.get(configuration), runs,
                    failedRuns, truthKnown ? correct : null, truthKnown ? (double) correct / runs : null,
                    r.getAs("meanSeconds"), r.getAs("meanIterations"), f));
            withResults += runs;
            failed += failedRuns;
        }
        return new SweepSummary(plan.name(), output, plan.runs().size(), withResults, failed,
                plan.axisPaths().stream().filter(p -> !p.equals(SweepAxis.SEED)).toList(), terms, configurations);
    }

    /** The axes (without the seed) of each configuration, from its first run. */
    private static Map<String, Map<String, String>> axesByConfiguration(SweepPlan plan) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (RunSpec run : plan.runs()) {
            out.computeIfAbsent(run.configuration(), k -> {
                Map<String, String> axes = new LinkedHashMap<>(run.axes());
                axes.remove(SweepAxis.SEED);
                return axes;
            });
        }
        return out;
    }
}
