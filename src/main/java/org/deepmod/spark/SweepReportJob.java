package org.deepmod.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.deepmod.experiment.RunResult;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.SweepIndex;
import org.deepmod.results.ResultStore;

/**
 * {@code deepmod report SWEEP_DIR}: statistics and report rebuilt from the run files alone (runs/*.json, local or
 * hdfs://), with sweep.json naming the configurations when the sweep left one. Spark only aggregates; nothing
 * trains.
 */
public final class SweepReportJob {
    private SweepReportJob() {
    }

    /** What was rebuilt, and from how many run files in how long (reading them, then the rest). */
    public record Outcome(SweepSummary summary, int runFiles, double readSeconds, double totalSeconds,
                          String report, List<ResultStore.Invalid> skipped) {
    }

    /** @param consensus the consensus threshold, or null for the sweep's own (sweep.json), else 0.5 */
    public static Outcome run(SparkSession spark, String dir, Double consensus) {
        long start = System.nanoTime();
        ResultStore store = new ResultStore(dir, spark.sparkContext().hadoopConfiguration());
        Set<String> ids = store.existing();
        if (ids.isEmpty()) {
            throw new org.deepmod.BadInputException(new Path(store.output(), "runs") + ": no run results (*.json)");
        }
        // files that are not valid results are left where they are and out of the report (a sweep's --resume
        // sets them aside and trains their runs again)
        ResultStore.Read files = store.readValid(ids);
        Map<String, RunResult> results = new LinkedHashMap<>(files.valid());
        if (results.isEmpty()) {
            throw new org.deepmod.BadInputException(new Path(store.output(), "runs") + ": no valid run results ("
                    + files.invalid().size() + " file(s) that are not results: " + files.invalid().get(0).describe()
                    + ")");
        }
        double read = (System.nanoTime() - start) / 1e9;
        SweepIndex index = readIndex(store);
        if (index == null) {
            index = SweepIndex.fromResults(store.output().getName(), results.values(),
                    org.deepmod.config.SweepConfig.DEFAULT_CONSENSUS);
        }
        if (consensus != null) {
            index = index.withConsensus(consensus);
        }
        SweepSummary summary = SweepOutputs.write(spark, store, index, results);
        store.clearTemporary();
        return new Outcome(summary, results.size(), read, (System.nanoTime() - start) / 1e9,
                SweepOutputs.reportPath(store), files.invalid());
    }

    /** sweep.json, or null when the folder has none. */
    private static SweepIndex readIndex(ResultStore store) {
        Path file = new Path(store.output(), SweepIndex.FILE);
        try (InputStream in = store.fileSystem().open(file)) {
            return SweepIndex.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.toString());
        } catch (FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Whether a folder is a sweep's (it has runs/). */
    public static boolean isSweep(String dir, org.apache.hadoop.conf.Configuration conf) {
        ResultStore store = new ResultStore(dir, conf);
        try {
            return store.fileSystem().isDirectory(new Path(store.output(), "runs"));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
    }

}
