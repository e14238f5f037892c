package org.deepmod.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.deepmod.BadInputException;
import org.deepmod.config.ConfigException;
import org.deepmod.experiment.RunPipeline;
import org.deepmod.config.RunConfig;
import org.deepmod.experiment.RunOutcome;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.PlannedRun;
import org.deepmod.storage.OutputFiles;
import org.deepmod.report.RunPictures;
import org.deepmod.training.TraceEntry;
import org.deepmod.results.ResultStore;
import org.deepmod.training.RunStatus;

/**
 * One Spark task: trains one run and writes its result ({@code runs/<runId>.json}) and its artefacts
 * ({@code runs/<runId>/trace.jsonl.gz}, {@code mask.png}, {@code loss.png}) itself, so that a result
 * exists as soon as its run ends, whatever happens to the rest of the sweep. A run that throws is retried by
 * Spark (the task rethrows) until its last attempt, which records it as FAILED with the reason; bad input
 * (a corrupt data file) is recorded at once, since no retry can fix it. Returns "runId STATUS".
 */
final class RunTask implements Function<PlannedRun, String> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String output;
    private final Broadcast<SerializableHadoopConf> hadoop;
    private final int maxAttempts;
    private final LongAccumulator failedRuns;
    private final CollectionAccumulator<String> trainedRuns;

    RunTask(String output, Broadcast<SerializableHadoopConf> hadoop, int maxAttempts, LongAccumulator failedRuns,
            CollectionAccumulator<String> trainedRuns) {
        this.output = output;
        this.hadoop = hadoop;
        this.maxAttempts = maxAttempts;
        this.failedRuns = failedRuns;
        this.trainedRuns = trainedRuns;
    }

    @Override
    public String call(PlannedRun spec) throws Exception {
        Configuration conf = hadoop.value().get();
        JsonNode tree = JSON.readTree(spec.configJson());
        // looked at before training: a file changed during the run is then noticed by the next --resume
        String fingerprint = DataFingerprints.dataFile(spec.configJson())
                .map(file -> DataFingerprints.fingerprint(file, conf)).orElse(null);
        long start = System.nanoTime();
        RunResult result;
        List<TraceEntry> trace = List.of();
        try {
            RunConfig config = RunConfig.parse(tree, "run " + spec.runId());
            RunOutcome outcome = RunPipeline.run(config, ExecutorRuntime.environment(config.device(), conf));
            result = outcome.result();
            trace = outcome.trace();
        } catch (ConfigException e) {
            // The driver validated this very config: an executor that rejects it runs another build.
            result = failed(spec, tree, "this executor's deepmod rejects the config the driver validated (are "
                    + "driver and executors on the same build?): " + e.getMessage(), start);
        } catch (BadInputException e) {
            result = failed(spec, tree, e.getMessage(), start);
        } catch (RuntimeException | Error e) {
            TaskContext task = TaskContext.get();
            if (task == null || task.isInterrupted() || !Retries.isLastAttempt(task.attemptNumber(), maxAttempts)) {
                throw e;
            }
            result = failed(spec, tree, "failed " + maxAttempts + " attempt(s); last: " + e, start);
        }
        if (result.status() == RunStatus.FAILED) {
            failedRuns.add(1);
        }
        ResultStore store = new ResultStore(output, conf);
        writeArtefacts(store, result, trace);
        // A result that cannot be written fails the task, and Spark retries it; on the last attempt (a full
        // disk) the run is told to the driver as unwritten and the sweep goes on. It is written last, so a run
        // with a result has its artefacts too.
        try {
            store.write(result.withDataFingerprint(fingerprint));
        } catch (java.io.UncheckedIOException e) {
            TaskContext task = TaskContext.get();
            if (task == null || task.isInterrupted() || !Retries.isLastAttempt(task.attemptNumber(), maxAttempts)) {
                throw e;
            }
            return UNWRITTEN + spec.runId() + " " + e.getMessage();
        }
        trainedRuns.add(spec.runId());
        return spec.runId() + " " + result.status();
    }

    /** How a task tells the driver its run trained but its result could not be written: prefix, runId, reason. */
    static final String UNWRITTEN = "unwritten ";

    /**
     * runs/<runId>/trace.jsonl.gz, mask.png and loss.png, each written whole. A picture that cannot be drawn
     * or written costs the run its pictures, not its result: the report lists the run without them.
     */
    static void writeArtefacts(ResultStore store, RunResult result, List<TraceEntry> trace) {
        if (trace.isEmpty() || result.discovery() == null) {
            return;
        }
        List<String> terms = result.discovery().terms();
        int outputs = result.outputs() == null ? 1 : result.outputs().size();
        String runId = result.identity().runId();
        OutputFiles files = store.files("runs/" + runId);
        try {
            RunPictures.writeTrace(trace, terms, outputs, files);
            RunPictures.write(trace, terms, outputs, files);
        } catch (IOException | RuntimeException e) {
            System.err.println("deepmod: run " + runId + ": no pictures: " + e);
        }
    }

    private static RunResult failed(PlannedRun spec, JsonNode tree, String reason, long start) {
        return RunResult.failed(new RunResult.Identity(spec.runId(), tree.path("name").asText(), tree), reason,
                (System.nanoTime() - start) / 1e9);
    }
}
