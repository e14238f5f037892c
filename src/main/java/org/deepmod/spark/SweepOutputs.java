package org.deepmod.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.PlannedRun;
import org.deepmod.report.sweep.ReportRun;
import org.deepmod.report.sweep.SweepReport;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.RunFields;
import org.deepmod.results.SweepIndex;
import org.deepmod.results.ResultStore;

/**
 * Everything a sweep's results make, from the run results alone (no training): results.parquet, results.csv,
 * statistics.parquet, summary.json and the report folder. The sweep writes them at its end and
 * {@code deepmod report} rebuilds them.
 */
public final class SweepOutputs {
    public static final String STATISTICS = "statistics.parquet";
    public static final String SUMMARY = "summary.json";

    private SweepOutputs() {
    }

    public static SweepSummary write(SparkSession spark, ResultStore store, SweepIndex index,
                                     Map<String, RunResult> results) {
        List<PlannedRun> runs = index.specs();
        Dataset<Row> table = ResultsTable.build(spark, runs, results, index.axisPaths());
        ResultsTable.write(table, store);
        SweepAggregation.Aggregates aggregates = SweepAggregation.aggregate(table, index.name(), runs,
                index.axisPaths(), store.output().toString(), index.consensus());
        ResultsTable.writeParquet(aggregates.statistics(), store, STATISTICS);
        SweepSummary summary = aggregates.summary();
        store.writeText(SUMMARY, summary.toJson());
        writeReport(store, summary, runs, results);
        return summary;
    }

    /** The report's path, for people: <output>/report/index.html (a plain path on the local disk). */
    public static String reportPath(ResultStore store) {
        Path index = new Path(new Path(store.output(), SweepReport.FOLDER), SweepReport.INDEX);
        return "file".equals(index.toUri().getScheme()) ? index.toUri().getPath() : index.toString();
    }

    private static void writeReport(ResultStore store, SweepSummary summary, List<PlannedRun> runs,
                                    Map<String, RunResult> results) {
        Set<String> pictures = store.withArtefacts();
        List<ReportRun> rows = new ArrayList<>();
        for (PlannedRun run : runs) {
            RunResult r = results.get(run.runId());
            if (r != null) {
                rows.add(new ReportRun(run.runId(), run.configuration(), run.seed(), r.status(), r.reason(),
                        r.training().iterations(), r.training().seconds(), RunFields.correct(RunFields.of(r)),
                        r.discovery() == null ? null : r.discovery().equation(), pictures.contains(run.runId())));
            }
        }
        Path folder = new Path(store.output(), SweepReport.FOLDER);
        try {
            store.fileSystem().delete(folder, true); // pictures of an earlier report that this one lacks go
            SweepReport.write(summary, rows, store.files(SweepReport.FOLDER));
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot write the report: " + e.getMessage(), e);
        }
    }
}
