package org.deepmod.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.deepmod.experiment.RunResult;
import org.deepmod.experiment.RunSpec;
import org.deepmod.experiment.SweepPlan;

/**
 * The driver of a sweep: skips the runs that have a result (with {@code --resume}), fans the others out as
 * one Spark task each (longest first, so that retries are per run and the sweep does not end waiting on one
 * long straggler), reports progress, then gathers every result of the plan into results.parquet,
 * results.csv, statistics.parquet, summary.json, the report and the tables it prints ({@link SweepOutputs}).
 */
public final class SweepJob {
    /** Spark's message when a task was given up: the run it trained is recorded as FAILED and the rest go on. */
    private static final Pattern GIVEN_UP = Pattern.compile("Task (\\d+) in stage \\S+ failed (\\d+) times");

    private SweepJob() {
    }

    /**
     * @param output  results folder, local or hdfs:// (qualified here, so executors elsewhere find it)
     * @param resume  skip runs whose result exists
     * @param limit   train at most this many of the runs still to do (0: all); the rest stay for --resume
     */
    public record Options(String output, boolean resume, int limit, long progressMillis) {
        public static Options of(String output, boolean resume) {
            return new Options(output, resume, 0, 10_000);
        }
    }

    /**
     * What one invocation did: runs planned, skipped as already done, trained now (in {@code trainingSeconds}
     * of wall time: the Spark job alone, without gathering the results), and what the results say.
     */
    public record Outcome(int planned, int resumed, int trained, int missing, double trainingSeconds,
                          SweepSummary summary, String output) {
    }

    public static Outcome run(SparkSession spark, SweepPlan plan, Options options, PrintStream out) {
        ResultStore store = new ResultStore(options.output(), spark.sparkContext().hadoopConfiguration());
        String output = store.output().toString();
        Set<String> existing = store.existing();
        List<RunSpec> todo = new ArrayList<>();
        int resumed = 0;
        for (RunSpec run : plan.runs()) {
            if (options.resume() && existing.contains(run.runId())) {
                resumed++;
            } else if (options.limit() <= 0 || todo.size() < options.limit()) {
                todo.add(run);
            }
        }
        out.printf("sweep %s: %d runs planned, %d resumed, %d to train on %s (%d task slots); results in %s%n",
                plan.name(), plan.runs().size(), resumed, todo.size(), spark.sparkContext().master(),
                spark.sparkContext().defaultParallelism(), output);
        out.flush();
        store.writeText(SweepIndex.FILE, SweepIndex.of(plan).toJson());
        long start = System.nanoTime();
        int trained = todo.isEmpty() ? 0
                : train(spark, plan.name(), plan.runs().size(), todo, resumed, store, options, out);
        double trainingSeconds = (System.nanoTime() - start) / 1e9;

        Map<String, RunResult> results = store.readAll(plan.runs().stream().map(RunSpec::runId).toList());
        SweepSummary summary = SweepOutputs.write(spark, store, SweepIndex.of(plan), results);
        store.clearTemporary();
        out.println(summary.table());
        out.println(summary.consensusTable());
        out.println("report: " + SweepOutputs.reportPath(store));
        out.flush();
        return new Outcome(plan.runs().size(), resumed, trained, plan.runs().size() - results.size(), trainingSeconds,
                summary, output);
    }

    private static int train(SparkSession spark, String name, int planned, List<RunSpec> todo, int resumed,
                             ResultStore store, Options options, PrintStream out) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // Spark starts a stage's tasks in partition order: partition i is the i-th longest run.
        List<RunSpec> longestFirst = new ArrayList<>(todo);
        longestFirst.sort(Comparator.comparingDouble(RunSpec::cost).reversed());
        Broadcast<SerializableHadoopConf> hadoop = jsc.broadcast(
                new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration()));
        LongAccumulator failed = spark.sparkContext().longAccumulator("deepmod failed runs");
        // The runs whose task succeeded: accumulator updates of failed attempts are dropped, so this is exact.
        CollectionAccumulator<String> trainedRuns = spark.sparkContext().collectionAccumulator("deepmod trained runs");
        int attempts = Retries.maxAttempts(spark.sparkContext().master(), spark.sparkContext().getConf());
        RunTask task = new RunTask(store.output().toString(), hadoop, attempts, failed, trainedRuns);
        String group = "deepmod-sweep-" + UUID.randomUUID();
        SweepProgress progress = new SweepProgress(name, group, planned, todo, resumed, failed, out,
                options.progressMillis());
        spark.sparkContext().addSparkListener(progress);
        try {
            jsc.setJobGroup(group, "deepmod sweep " + name, false);
            List<RunSpec> remaining = longestFirst;
            while (!remaining.isEmpty()) {
                progress.beginJob(remaining);
                try {
                    jsc.parallelize(remaining, remaining.size()).map(task).collect();
                    break;
                } catch (Exception e) { // Scala throws SparkException undeclared
                    RunSpec givenUp = givenUp(e, remaining, jsc);
                    store.write(RunResult.failed(givenUp.runId(), name, "Spark gave the task up: " + firstLine(e),
                            0, configTree(givenUp)));
                    failed.add(1);
                    Set<String> done = new HashSet<>(trainedRuns.value());
                    remaining = remaining.stream().filter(r -> r != givenUp && !done.contains(r.runId())).toList();
                }
            }
            progress.finish(new HashSet<>(trainedRuns.value()).size());
        } finally {
            jsc.clearJobGroup();
            spark.sparkContext().removeSparkListener(progress);
            progress.close();
        }
        return new HashSet<>(trainedRuns.value()).size();
    }

    /**
     * The run whose task Spark gave up on (its executor died on every attempt: a native crash, the memory
     * limit); any other failure of the job (the context stopped, Ctrl-C) is rethrown, and the results written
     * so far stay for --resume.
     */
    private static RunSpec givenUp(Exception e, List<RunSpec> remaining, JavaSparkContext jsc) {
        OptionalInt task = jsc.sc().isStopped() ? OptionalInt.empty() : givenUpTask(e);
        if (task.isEmpty() || task.getAsInt() >= remaining.size()) {
            throw new IllegalStateException("the sweep's Spark job failed: " + firstLine(e), e);
        }
        return remaining.get(task.getAsInt());
    }

    /** The index of the task (= partition = run) Spark's abort message names, if it is such a message. */
    static OptionalInt givenUpTask(Exception e) {
        Matcher m = GIVEN_UP.matcher(String.valueOf(e.getMessage()));
        return e instanceof SparkException && m.find() ? OptionalInt.of(Integer.parseInt(m.group(1)))
                : OptionalInt.empty();
    }

    private static com.fasterxml.jackson.databind.JsonNode configTree(RunSpec run) {
        try {
            return ResultStore.JSON.readTree(run.configJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
