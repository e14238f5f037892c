package org.deepmod.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.deepmod.BadInputException;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.PlannedRun;
import org.deepmod.config.SweepPlan;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.SweepIndex;
import org.deepmod.results.ResultStore;
import org.deepmod.storage.OutputLock;
import org.deepmod.training.RunStatus;

/**
 * The driver of a sweep: skips the runs that have a result (with {@code --resume}), fans the others out as
 * one Spark task each (longest first, so that retries are per run and the sweep does not end waiting on one
 * long straggler), reports progress, then gathers every result of the plan into results.parquet,
 * results.csv, statistics.parquet, summary.json, the report and the tables it prints ({@link SweepOutputs}).
 */
public final class SweepJob {
    /** Spark's message when a task was given up: the run it trained is recorded as FAILED and the rest go on. */
    private static final Pattern GIVEN_UP = Pattern.compile("Task (\\d+) in stage \\S+ failed (\\d+) times");
    private static final com.fasterxml.jackson.databind.ObjectMapper CONFIG_READER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private SweepJob() {
    }

    /**
     * @param output       results folder, local or hdfs:// (qualified here, so executors elsewhere find it)
     * @param resume       skip runs whose result exists (and is valid, and was trained on the data file as it is)
     * @param limit        train at most this many of the runs still to do (0: all); the rest stay for --resume
     * @param retryFailed  with resume, train the runs whose result is FAILED again
     */
    public record Options(String output, boolean resume, int limit, long progressMillis, boolean retryFailed) {
        public Options(String output, boolean resume, int limit, long progressMillis) {
            this(output, resume, limit, progressMillis, false);
        }

        public static Options of(String output, boolean resume) {
            return new Options(output, resume, 0, 10_000);
        }
    }

    /**
     * What one invocation did: runs planned, skipped as already done, trained now (in {@code trainingSeconds}
     * of wall time: the Spark job alone, without gathering the results), and what the results say;
     * {@code unsuccessful} counts the results that are FAILED or DIVERGED.
     */
    public record Outcome(int planned, int resumed, int trained, int missing, double trainingSeconds,
                          SweepSummary summary, String output, int unsuccessful) {
    }

    /**
     * Checks that the output folder can be written (before anything trains), takes its lock for the whole
     * sweep, then trains and aggregates. A folder that cannot be written, or that another sweep holds, throws a
     * {@link org.deepmod.BadInputException} naming it.
     */
    public static Outcome run(SparkSession spark, SweepPlan plan, Options options, PrintStream out) {
        ResultStore store = new ResultStore(options.output(), spark.sparkContext().hadoopConfiguration());
        store.probe();
        try (OutputLock lock = OutputLock.acquire(store.fileSystem(), store.output(), out)) {
            // what the tasks of a killed driver left half-written: no task of a sweep on this folder runs now
            store.clearTemporary();
            return runLocked(spark, plan, options, store, out);
        }
    }

    private static Outcome runLocked(SparkSession spark, SweepPlan plan, Options options, ResultStore store,
                                     PrintStream out) {
        String output = store.output().toString();
        Set<String> done = options.resume()
                ? resumable(store, plan, options.retryFailed(), spark.sparkContext().hadoopConfiguration(), out)
                : Set.of();
        List<PlannedRun> todo = new ArrayList<>();
        int resumed = 0;
        for (PlannedRun run : plan.runs()) {
            if (done.contains(run.runId())) {
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

        ResultStore.Read read = store.readValid(plan.runs().stream().map(PlannedRun::runId).toList());
        setAside(store, read.invalid(), "it counts as missing", out);
        Map<String, RunResult> results = read.valid();
        SweepSummary summary;
        try {
            summary = SweepOutputs.write(spark, store, SweepIndex.of(plan), results);
        } catch (Exception | org.apache.hadoop.fs.FSError e) {
            // a full disk (Hadoop's local file system throws FSError, an Error; Spark's writers a SparkException,
            // checked, thrown from Scala) or a folder gone unwritable
            Throwable root = rootCause(e);
            if (!(e instanceof java.io.UncheckedIOException || root instanceof java.io.IOException
                    || root instanceof org.apache.hadoop.fs.FSError)) {
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                if (e instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e);
            }
            clearTemporaryQuietly(store);
            throw new BadInputException(output + ": cannot write the sweep's tables and report (" + rootMessage(e)
                    + "); the results in runs/ are kept: make room, then 'deepmod report " + output + "'", e);
        }
        store.clearTemporary();
        out.println(summary.table());
        out.println(summary.consensusTable());
        out.println("report: " + SweepOutputs.reportPath(store));
        out.flush();
        int unsuccessful = (int) results.values().stream()
                .filter(r -> r.status() == RunStatus.FAILED || r.status() == RunStatus.DIVERGED).count();
        return new Outcome(plan.runs().size(), resumed, trained, plan.runs().size() - results.size(), trainingSeconds,
                summary, output, unsuccessful);
    }

    /**
     * The runs --resume skips: those with a valid result, unless it is FAILED and {@code retryFailed}, or its
     * data file changed since it was trained (told, per file). Invalid result files are set aside first.
     */
    private static Set<String> resumable(ResultStore store, SweepPlan plan, boolean retryFailed,
                                         org.apache.hadoop.conf.Configuration hadoop, PrintStream out) {
        ResultStore.Read read = store.readValid(plan.runs().stream().map(PlannedRun::runId).toList());
        setAside(store, read.invalid(), "its run is trained again", out);
        DataFingerprints now = new DataFingerprints(hadoop);
        Map<String, List<String>> changed = new LinkedHashMap<>(); // data file -> fingerprints its results record
        int failed = 0;
        Set<String> done = new HashSet<>();
        for (PlannedRun run : plan.runs()) {
            RunResult r = read.valid().get(run.runId());
            if (r == null) {
                continue;
            }
            if (retryFailed && r.status() == RunStatus.FAILED) {
                failed++;
                continue;
            }
            Optional<String> file = DataFingerprints.dataFile(run.configJson());
            String fingerprint = r.identity().dataFingerprint();
            if (file.isPresent() && fingerprint != null && !fingerprint.equals(now.of(file.get()))) {
                changed.computeIfAbsent(file.get(), f -> new ArrayList<>()).add(fingerprint);
                continue;
            }
            done.add(run.runId());
        }
        changed.forEach((file, was) -> out.printf("data file %s changed since %d result(s) were trained on it "
                + "(%s; now %s): they are trained again%n", file, was.size(), was.get(0), now.of(file)));
        if (failed > 0) {
            out.printf("--retry-failed: %d FAILED run(s) are trained again%n", failed);
        }
        return done;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootMessage(Throwable e) {
        return String.valueOf(rootCause(e).getMessage()).lines().findFirst().orElse("");
    }

    private static void clearTemporaryQuietly(ResultStore store) {
        try {
            store.clearTemporary();
        } catch (RuntimeException e) {
            // the leftovers under _tmp/ go with the next sweep's end
        }
    }

    private static void setAside(ResultStore store, List<ResultStore.Invalid> invalid, String consequence,
                                 PrintStream out) {
        for (ResultStore.Invalid bad : invalid) {
            out.printf("not a valid result, moved to %s (%s): %s%n", store.setAside(bad), consequence, bad.describe());
        }
    }

    private static int train(SparkSession spark, String name, int planned, List<PlannedRun> todo, int resumed,
                             ResultStore store, Options options, PrintStream out) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // Spark starts a stage's tasks in partition order: partition i is the i-th longest run.
        List<PlannedRun> longestFirst = new ArrayList<>(todo);
        longestFirst.sort(Comparator.comparingDouble(PlannedRun::cost).reversed());
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
            List<PlannedRun> remaining = longestFirst;
            while (!remaining.isEmpty()) {
                progress.beginJob(remaining);
                try {
                    for (String told : jsc.parallelize(remaining, remaining.size()).map(task).collect()) {
                        if (told.startsWith(RunTask.UNWRITTEN)) {
                            // nothing can record it (the disk is full): it stays missing, for --resume
                            out.println("run " + told.substring(RunTask.UNWRITTEN.length()).replaceFirst(" ",
                                    ": FAILED, its result cannot be written: "));
                        }
                    }
                    break;
                } catch (Exception e) { // Scala throws SparkException undeclared
                    PlannedRun givenUp = givenUp(e, remaining, jsc);
                    store.write(RunResult.failed(new RunResult.Identity(givenUp.runId(), name, configTree(givenUp)),
                            "Spark gave the task up: " + firstLine(e), 0));
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
    private static PlannedRun givenUp(Exception e, List<PlannedRun> remaining, JavaSparkContext jsc) {
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

    private static com.fasterxml.jackson.databind.JsonNode configTree(PlannedRun run) {
        try {
            return CONFIG_READER.readTree(run.configJson());
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
