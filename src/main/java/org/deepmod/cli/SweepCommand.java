package org.deepmod.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.deepmod.BadInputException;
import org.deepmod.config.SweepConfig;
import org.deepmod.config.SweepPlan;
import org.deepmod.spark.HadoopDataPaths;
import org.deepmod.results.ResultStore;
import org.deepmod.spark.SweepJob;
import org.deepmod.spark.SweepSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"A sweep of DeepMoD runs on Spark: one task per run, results in DIR/runs/<runId>.json, then "
                + "DIR/results.parquet, DIR/results.csv, DIR/summary.json and a table per configuration.",
                "Every run is validated, and DIR created and written to, before Spark starts; one sweep at a time "
                        + "per DIR (a lock file, DIR/_deepmod.lock).",
                "Exit codes: 0 every run has a result and none FAILED or DIVERGED (runs left out by --limit "
                        + "aside); 3 the sweep ended but some runs FAILED or DIVERGED (their reasons are in the "
                        + "results); 2 bad input (every problem with its place in the file), an unwritable DIR, "
                        + "or DIR in use by another sweep or run (also when this sweep finds its lock taken over); 130 Ctrl-C, "
                        + "143 SIGTERM (resume with --resume); 1 anything else."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "the sweep file (base run config and axes)")
    Path sweepFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder, local or hdfs:// "
            + "(default: the sweep's output, else out/<name>)")
    String out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (spark://host:7077, k8s://..., local[4]); default: spark-submit's, else local[*]")
    String master;

    @Option(names = "--resume", description = "skip every run with a valid result in DIR/runs, unless its data "
            + "file changed since (invalid result files are moved to DIR/runs/_invalid and their runs trained again)")
    boolean resume;

    @Option(names = "--retry-failed", description = "with --resume: train the runs whose result is FAILED again")
    boolean retryFailed;

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
        if (retryFailed && !resume) {
            throw new BadInputException("--retry-failed: only with --resume (without it every run is trained)");
        }
        int runLimit = limit == null ? 0 : limit;
        SweepJob.Outcome outcome = run(SweepConfig.read(sweepFile), master, out, conf,
                new SweepJob.Options(null, resume, runLimit, 10_000, retryFailed));
        return exitCode(outcome, runLimit);
    }

    /**
     * Runs a sweep as this command does: every run validated and the output folder checked (writable, not in use)
     * before Spark starts, then the sweep on Spark; {@code options.output()} is replaced by {@code out} (or the
     * sweep's own output).
     */
    static SweepJob.Outcome run(SweepConfig sweep, String master, String out, List<String> conf,
                                SweepJob.Options options) throws java.io.IOException {
        SparkConf sparkConf = SweepSession.conf("deepmod sweep " + sweep.name(), master, conf);
        SweepPlan plan = SweepPlan.expand(sweep, new HadoopDataPaths(SweepSession.hadoopConf(sparkConf)));
        String output = out != null ? out : sweep.output();
        if (sparkConf.get("spark.master").startsWith("local")) {
            org.deepmod.nn.DjlEnvironment.checkCache(); // the runs train in this JVM
        }
        // before Spark starts: a folder that cannot hold the results, or that another sweep holds, is named at once
        ResultStore store = new ResultStore(output, SweepSession.hadoopConf(sparkConf));
        store.probe();
        store.ensureUnlocked();
        Interrupts.whenInterrupted("; resume with --resume");
        try (SparkSession spark = SparkSession.builder().config(sparkConf).getOrCreate()) {
            return SweepJob.run(spark, plan, new SweepJob.Options(output, options.resume(), options.limit(),
                    options.progressMillis(), options.retryFailed()), System.out);
        }
    }

    /** 0, or 3 (printing why) when runs FAILED or DIVERGED or have no valid result. */
    static int exitCode(SweepJob.Outcome outcome, int runLimit) {
        int missing = runLimit > 0 ? 0 : outcome.missing();
        if (outcome.unsuccessful() > 0 || missing > 0) {
            System.out.printf("exit code %d: %d run(s) FAILED or DIVERGED%s (the reasons are in %s/runs)%n",
                    Main.EXIT_RUNS_UNSUCCESSFUL, outcome.unsuccessful(),
                    missing > 0 ? ", " + missing + " without a valid result" : "", outcome.output());
            return Main.EXIT_RUNS_UNSUCCESSFUL;
        }
        return Main.EXIT_OK;
    }
}
