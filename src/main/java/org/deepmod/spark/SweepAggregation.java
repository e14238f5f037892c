package org.deepmod.spark;

import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.deepmod.config.PlannedRun;
import org.deepmod.config.SweepAxis;
import org.deepmod.library.EquationFormatter;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.SweepSummary.Configuration;
import org.deepmod.results.SweepSummary.Consensus;
import org.deepmod.results.SweepSummary.FieldStatistics;
import org.deepmod.results.SweepSummary.Interval;
import org.deepmod.results.SweepSummary.NoiseLimit;
import org.deepmod.results.SweepSummary.Spread;
import org.deepmod.results.SweepSummary.TermStatistics;
import org.deepmod.training.RunStatus;

/**
 * The one place where a sweep's results are aggregated, with Spark SQL over the results table (one row per
 * run, {@link ResultsTable}), so that the statistics scale to 10^5 runs and every consumer (summary.json,
 * statistics.parquet, the terminal tables, the report) reads the same numbers. Per configuration (all axes but
 * the seed): statuses, success rate and its Wilson interval; per field and term the selection frequency over the
 * finished runs (all but FAILED) and the coefficient's mean, standard deviation, median and 5-95 % range over
 * the runs that selected it; the consensus equation; iterations and seconds; and across the noise axis, up to
 * which noise each combination of the other axes holds.
 */
public final class SweepAggregation {
    /** The axis whose levels "holds up to" runs over. */
    public static final String NOISE_AXIS = "noise";
    /** 97.5 % quantile of the standard normal: a two-sided 95 % interval. */
    static final double Z95 = 1.959963984540054;
    /** A frequency counts as at the threshold despite rounding in threshold × runs (0.6 × 5 = 3.0000000000000004). */
    private static final double TIE = 1e-9;

    private SweepAggregation() {
    }

    /**
     * @param runs      the runs of the sweep (those without a result are left out), for the configurations' order
     *                  and axes
     * @param axisPaths the sweep's axes, the seed among them
     */
    public static SweepSummary summarise(Dataset<Row> table, String name, List<PlannedRun> runs, List<String> axisPaths,
                                         String output, double consensus) {
        return aggregate(table, name, runs, axisPaths, output, consensus).summary();
    }

    /** The summary and the per (configuration, field, term) table written as statistics.parquet. */
    public record Aggregates(SweepSummary summary, Dataset<Row> statistics) {
    }

    public static Aggregates aggregate(Dataset<Row> table, String name, List<PlannedRun> runs, List<String> axisPaths,
                                       String output, double consensus) {
        table = table.cache();
        // A FAILED run has no mask and so no correctSupport; once any run knows the truth, it counts as not found.
        boolean sweepKnowsTruth = !table.filter(col("correctSupport").isNotNull()).isEmpty();
        Map<String, Row> perConfiguration = new HashMap<>();
        List<Column> configurationAggregates = new ArrayList<>(List.of(
                count(lit(1)).as("runs"),
                sum(when(col("correctSupport"), 1).otherwise(0)).as("correct"),
                expr("percentile(if(status != 'FAILED', iterations, null), array(0.05, 0.5, 0.95))").as("iterationsP"),
                avg(when(col("status").notEqual(RunStatus.FAILED.name()), col("iterations"))).as("iterationsMean"),
                expr("percentile(if(status != 'FAILED', seconds, null), array(0.05, 0.5, 0.95))").as("secondsP"),
                avg(when(col("status").notEqual(RunStatus.FAILED.name()), col("seconds"))).as("secondsMean")));
        for (String status : SweepSummary.STATUSES) {
            configurationAggregates.add(sum(when(col("status").equalTo(status), 1).otherwise(0)).as(status));
        }
        for (Row r : table.groupBy("configuration").agg(configurationAggregates.get(0),
                configurationAggregates.subList(1, configurationAggregates.size()).toArray(new Column[0]))
                .collectAsList()) {
            perConfiguration.put(r.getAs("configuration"), r);
        }

        // One row per (run, field, term) of the runs with a mask, then per (configuration, field, term).
        Dataset<Row> perField = table.filter(col("fields").isNotNull())
                .select(col("configuration"), col("runId"), col("terms"), posexplode(col("fields")))
                .withColumnRenamed("pos", "fieldPosition").withColumnRenamed("col", "f");
        Dataset<Row> perTerm = perField.select(col("configuration"), col("runId"), col("fieldPosition"),
                col("f.field").as("field"),
                col("f.truth").as("truth"), col("f.correctSupport").as("fieldCorrect"),
                posexplode(arrays_zip(col("terms"), col("f.mask"), col("f.coefficients"))))
                .select(col("configuration"), col("runId"), col("fieldPosition"), col("field"), col("fieldCorrect"),
                        col("pos").as("position"), col("col.terms").as("term"), col("col.mask").as("selected"),
                        col("col.coefficients").as("coefficient"),
                        element_at(col("truth"), col("col.terms")).as("truth"));
        Column selectedCoefficient = when(col("selected"), col("coefficient"));
        Dataset<Row> termStatistics = perTerm.groupBy("configuration", "field", "term").agg(
                        min("position").as("position"),
                        min("fieldPosition").as("fieldPosition"),
                        count(lit(1)).as("finished"),
                        sum(when(col("selected"), 1).otherwise(0)).as("selected"),
                        avg(selectedCoefficient).as("mean"),
                        stddev_samp(selectedCoefficient).as("sd"),
                        expr("percentile(if(selected, coefficient, null), array(0.05, 0.5, 0.95))").as("p"),
                        max("truth").as("truth"))
                .withColumn("frequency", col("selected").divide(col("finished")))
                .withColumn("inConsensus", col("selected").geq(col("finished").multiply(consensus).minus(TIE)))
                .cache();
        Map<String, Row> fieldRows = new HashMap<>();
        for (Row r : perField.groupBy(col("configuration"), col("f.field").as("field")).agg(
                count(lit(1)).as("finished"),
                sum(when(col("f.correctSupport"), 1).otherwise(0)).as("correct"),
                count(col("f.correctSupport")).as("withTruth"),
                first(col("f.truth"), true).as("truth")).collectAsList()) {
            fieldRows.put(r.getAs("configuration") + "\u0000" + r.getAs("field"), r);
        }

        Map<String, Map<String, List<Row>>> termsByConfigurationField = new HashMap<>();
        Map<String, Integer> termPosition = new HashMap<>();
        Map<String, Integer> fieldOrder = new HashMap<>();
        for (Row r : termStatistics.collectAsList()) {
            String field = r.getAs("field");
            termsByConfigurationField.computeIfAbsent(r.getAs("configuration"), k -> new TreeMap<>())
                    .computeIfAbsent(field, k -> new ArrayList<>()).add(r);
            termPosition.merge(r.getAs("term"), r.getAs("position"), Math::min);
            fieldOrder.merge(field, r.getAs("fieldPosition"), Math::min);
        }
        List<String> terms = new ArrayList<>(termPosition.keySet());
        terms.sort(Comparator.comparing((String t) -> termPosition.get(t)).thenComparing(Comparator.naturalOrder()));

        List<String> axes = axisPaths.stream().filter(p -> !p.equals(SweepAxis.SEED)).toList();
        Map<String, Map<String, String>> axesOf = axesByConfiguration(runs);
        List<Configuration> configurations = new ArrayList<>();
        int withResults = 0;
        int failed = 0;
        for (String configuration : axesOf.keySet()) {
            Row r = perConfiguration.get(configuration);
            if (r == null) {
                continue; // no run of it has a result yet (a limited or interrupted sweep)
            }
            int n = (int) r.<Long>getAs("runs").longValue();
            Map<String, Integer> statuses = new LinkedHashMap<>();
            for (String status : SweepSummary.STATUSES) {
                statuses.put(status, (int) r.<Long>getAs(status).longValue());
            }
            boolean truthKnown = sweepKnowsTruth;
            int correct = (int) r.<Long>getAs("correct").longValue();
            List<FieldStatistics> fields = new ArrayList<>();
            Map<String, List<Row>> byField = termsByConfigurationField.getOrDefault(configuration, Map.of());
            List<String> fieldNames = new ArrayList<>(byField.keySet());
            fieldNames.sort(Comparator.comparing(fieldOrder::get));
            for (String field : fieldNames) {
                fields.add(fieldStatistics(field, n, fieldRows.get(configuration + "\u0000" + field),
                        byField.get(field), termPosition, consensus));
            }
            configurations.add(new Configuration(configuration, axesOf.get(configuration), n,
                    statuses.get(RunStatus.FAILED.name()), statuses, truthKnown ? correct : null,
                    truthKnown ? (double) correct / n : null, truthKnown ? wilson(correct, n) : null,
                    spread(r.getList(r.fieldIndex("iterationsP")), r.getAs("iterationsMean")),
                    spread(r.getList(r.fieldIndex("secondsP")), r.getAs("secondsMean")), fields));
            withResults += n;
            failed += statuses.get(RunStatus.FAILED.name());
        }
        List<NoiseLimit> holdsUpTo = axes.contains(NOISE_AXIS) && sweepKnowsTruth ? holdsUpTo(table, axes)
                : List.of();
        return new Aggregates(new SweepSummary(name, output, runs.size(), withResults, failed, axes, consensus, terms,
                configurations, holdsUpTo), statisticsTable(table, termStatistics, axes));
    }

    private static FieldStatistics fieldStatistics(String field, int runs, Row fieldRow, List<Row> termRows,
                                                   Map<String, Integer> termPosition, double threshold) {
        termRows.sort(Comparator.comparing((Row t) -> termPosition.get(t.<String>getAs("term"))));
        int finished = (int) fieldRow.<Long>getAs("finished").longValue();
        boolean truthKnown = fieldRow.<Long>getAs("withTruth") > 0;
        int correct = (int) fieldRow.<Long>getAs("correct").longValue();
        Map<String, Double> truth = truthKnown ? new TreeMap<>(fieldRow.<String, Double>getJavaMap(
                fieldRow.fieldIndex("truth"))) : null;
        List<TermStatistics> terms = new ArrayList<>();
        List<String> consensusTerms = new ArrayList<>();
        List<Double> consensusCoefficients = new ArrayList<>();
        for (Row t : termRows) {
            String term = t.getAs("term");
            int selected = (int) t.<Long>getAs("selected").longValue();
            int n = (int) t.<Long>getAs("finished").longValue();
            List<Double> p = t.isNullAt(t.fieldIndex("p")) ? null : t.getList(t.fieldIndex("p"));
            Double median = p == null ? null : p.get(1);
            Double trueValue = truth == null ? null : truth.get(term);
            terms.add(new TermStatistics(term, selected, (double) selected / n, wilson(selected, n), t.getAs("mean"),
                    t.getAs("sd"), median, p == null ? null : p.get(0), p == null ? null : p.get(2), trueValue,
                    trueValue == null || median == null ? null : Math.abs(median - trueValue) / Math.abs(trueValue)));
            if (t.<Boolean>getAs("inConsensus")) {
                consensusTerms.add(term);
                consensusCoefficients.add(median);
            }
        }
        Consensus consensus = finished == 0 ? null
                : consensus(field, consensusTerms, consensusCoefficients, truth);
        return new FieldStatistics(field, finished, truth, truthKnown ? correct : null,
                truthKnown ? (double) correct / runs : null, truthKnown ? wilson(correct, runs) : null, terms,
                consensus);
    }

    /** The consensus equation from its terms and their median coefficients, against the truth where known. */
    static Consensus consensus(String field, List<String> terms, List<Double> medians, Map<String, Double> truth) {
        boolean[] mask = new boolean[terms.size()];
        java.util.Arrays.fill(mask, true);
        double[] coefficients = medians.stream().mapToDouble(Double::doubleValue).toArray();
        String equation = EquationFormatter.format(field + "_t", terms, coefficients, mask);
        if (truth == null) {
            return new Consensus(terms, medians, equation, null, null);
        }
        Map<String, Double> errors = new TreeMap<>();
        truth.forEach((term, value) -> {
            int j = terms.indexOf(term);
            double found = j < 0 ? 0.0 : coefficients[j];
            errors.put(term, Math.abs(found - value) / Math.abs(value));
        });
        return new Consensus(terms, medians, equation, new java.util.HashSet<>(terms).equals(truth.keySet()), errors);
    }

    /**
     * The Wilson score interval of k successes in n trials at 95 % (Wilson 1927; Newcombe 1998, method 3):
     * (p + z²/2n ± z √(p(1−p)/n + z²/4n²)) / (1 + z²/n). Null for n = 0.
     */
    public static Interval wilson(int k, int n) {
        if (n == 0) {
            return null;
        }
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    private static Spread spread(List<Double> percentiles, Double mean) {
        return percentiles == null || mean == null ? null
                : new Spread(percentiles.get(1), percentiles.get(0), percentiles.get(2), mean);
    }

    /**
     * Per combination of the other axes, the highest noise level up to which (that level and every lower one)
     * the success rate is at least 0.9, and 0.5: a running minimum over the levels in increasing order.
     */
    private static List<NoiseLimit> holdsUpTo(Dataset<Row> table, List<String> axes) {
        List<String> others = axes.stream().filter(a -> !a.equals(NOISE_AXIS)).map(ResultsTable::column).toList();
        String noise = ResultsTable.column(NOISE_AXIS);
        List<Column> keys = new ArrayList<>();
        others.forEach(o -> keys.add(col(o)));
        List<Column> groupBy = new ArrayList<>(keys);
        groupBy.add(col(noise).cast("double").as("level"));
        Dataset<Row> rates = table.groupBy(groupBy.toArray(new Column[0])).agg(
                avg(when(col("correctSupport"), 1.0).otherwise(0.0)).as("rate"));
        WindowSpec upTo = (keys.isEmpty() ? Window.partitionBy(lit(0)) : Window.partitionBy(keys.toArray(new Column[0])))
                .orderBy(col("level")).rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> running = rates
                .withColumn("holds90", min(when(col("rate").geq(0.9 - TIE), 1).otherwise(0)).over(upTo))
                .withColumn("holds50", min(when(col("rate").geq(0.5 - TIE), 1).otherwise(0)).over(upTo));
        List<Column> limits = List.of(max(when(col("holds90").equalTo(1), col("level"))).as("limit90"),
                max(when(col("holds50").equalTo(1), col("level"))).as("limit50"));
        Dataset<Row> grouped = keys.isEmpty() ? running.agg(limits.get(0), limits.get(1))
                : running.groupBy(keys.toArray(new Column[0])).agg(limits.get(0), limits.get(1));
        List<NoiseLimit> out = new ArrayList<>();
        List<String> otherPaths = axes.stream().filter(a -> !a.equals(NOISE_AXIS)).toList();
        for (Row r : grouped.collectAsList()) {
            Map<String, String> combination = new LinkedHashMap<>();
            for (int i = 0; i < otherPaths.size(); i++) {
                combination.put(otherPaths.get(i), r.getAs(others.get(i)));
            }
            out.add(new NoiseLimit(NOISE_AXIS, combination, r.getAs("limit90"), r.getAs("limit50")));
        }
        out.sort(Comparator.comparing(l -> l.others().toString()));
        return out;
    }

    /** statistics.parquet: per (configuration, field, term), with the configuration's axes and run counts. */
    private static Dataset<Row> statisticsTable(Dataset<Row> table, Dataset<Row> termStatistics, List<String> axes) {
        List<Column> firsts = new ArrayList<>();
        for (String axis : axes) {
            firsts.add(first(col(ResultsTable.column(axis))).as(ResultsTable.column(axis)));
        }
        firsts.add(sum(when(col("correctSupport"), 1).otherwise(0)).as("correct"));
        firsts.add(count(col("correctSupport")).as("withTruth"));
        Dataset<Row> configurations = table.groupBy("configuration").agg(count(lit(1)).as("runs"),
                firsts.toArray(new Column[0]));
        return configurations.join(termStatistics, "configuration")
                .withColumn("p5", col("p").getItem(0)).withColumn("median", col("p").getItem(1))
                .withColumn("p95", col("p").getItem(2)).drop("p")
                .withColumn("medianError", expr("abs(median - truth) / abs(truth)"))
                .orderBy("configuration", "field", "position");
    }

    /** The axes (without the seed) of each configuration, from its first run, in the runs' order. */
    private static Map<String, Map<String, String>> axesByConfiguration(List<PlannedRun> runs) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (PlannedRun run : runs) {
            out.computeIfAbsent(run.configuration(), k -> {
                Map<String, String> axes = new LinkedHashMap<>(run.axes());
                axes.remove(SweepAxis.SEED);
                return axes;
            });
        }
        return out;
    }
}
