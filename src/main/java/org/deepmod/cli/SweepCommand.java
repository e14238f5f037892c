package org.deepmod.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.deepmod.BadInputException;
import org.deepmod.experiment.SweepConfig;
import org.deepmod.experiment.SweepPlan;
import org.deepmod.spark.HadoopDataPaths;
import org.deepmod.spark.SweepJob;
import org.deepmod.spark.SweepSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"A sweep of DeepMoD runs on Spark: one task per run, results in DIR/runs/<runId>.json, then "
                + "DIR/results.parquet, DIR/results.csv, DIR/summary.json and a table per configuration.",
                "Every run is validated before Spark starts (exit code 2 with every problem and its path in the "
                        + "file). Exit code 0 when the sweep ran to its end, FAILED runs included (their reasons "
                        + "are in the results)."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "the sweep file (base run config and axes)")
    Path sweepFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder, local or hdfs:// "
            + "(default: the sweep's output, else out/<name>)")
    String out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (spark://host:7077, k8s://..., local[4]); default: spark-submit's, else local[*]")
    String master;

    @Option(names = "--resume", description = "skip every run whose result exists in DIR/runs")
    boolean resume;

    @Option(names = "--limit", paramLabel = "N",
            description = "train at most N (at least 1) of the runs still to do; the others are left for --resume")
    Integer limit;

    @Option(names = "--conf", paramLabel = "key=value", description = "a Spark setting, e.g. --conf spark.task.cpus=2")
    List<String> conf = new ArrayList<>();

    @Override
    public Integer call() throws java.io.IOException {
        if (limit != null && limit < 1) {
            throw new BadInputException("--limit " + limit + ": expected at least 1 (leave --limit out to train every run)");
        }
        SweepConfig sweep = SweepConfig.read(sweepFile);
        SparkConf sparkConf = SweepSession.conf("deepmod sweep " + sweep.name(), master, conf);
        SweepPlan plan = SweepPlan.expand(sweep, new HadoopDataPaths(SweepSession.hadoopConf(sparkConf)));
        String output = out != null ? out : sweep.output();
        try (SparkSession spark = SparkSession.builder().config(sparkConf).getOrCreate()) {
            SweepJob.run(spark, plan, new SweepJob.Options(output, resume, limit == null ? 0 : limit, 10_000), System.out);
        }
        return Main.EXIT_OK;
    }
}
