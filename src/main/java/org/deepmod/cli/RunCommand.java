package org.deepmod.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deepmod.config.ConfigFiles;
import org.deepmod.experiment.RunPipeline;
import org.deepmod.config.RunConfig;
import org.deepmod.experiment.RunEnvironment;
import org.deepmod.experiment.RunOutcome;
import org.deepmod.experiment.RunResult;
import org.deepmod.library.EquationFormatter;
import org.deepmod.storage.OutputFiles;
import org.deepmod.report.RunPictures;
import org.deepmod.report.TraceWriter;
import org.deepmod.storage.HadoopTimeouts;
import org.deepmod.storage.OutputLock;
import org.deepmod.results.ResultStore;
import org.deepmod.training.TraceEntry;
import org.deepmod.training.TrainingListener;
import org.deepmod.training.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"One DeepMoD run; prints the discovered equation beside the truth when it is known.",
                "Writes DIR/result.json, DIR/trace.jsonl, DIR/mask.png and DIR/loss.png.",
                "Exit code 0 when training ended (converged or at the iteration cap), 1 when it diverged "
                        + "or failed (result.json says why), 2 for a bad config or one the heap cannot hold."})
public final class RunCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String RESULT = "result.json";
    private static final String TRACE = "trace.jsonl";

    @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "the run config")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder, local or hdfs:// (default: out/<name>)")
    String out;

    @Option(names = "--set", paramLabel = "path=value",
            description = "override a config value, e.g. --set noise=0.5 --set network.hidden=[30,30]")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        ObjectNode tree = ConfigFiles.read(config);
        ConfigFiles.applySettings(tree, settings);
        RunConfig run = RunConfig.parse(tree, config.toString());
        RunPipeline.checkMemory(run, config.toString(), Runtime.getRuntime().maxMemory());
        org.deepmod.nn.DjlEnvironment.checkCache();
        // the same folder checks and lock as a sweep's, through Hadoop's file systems (local or hdfs://)
        ResultStore dir = new ResultStore(out != null ? out : "out/" + run.name(),
                HadoopTimeouts.apply(new org.apache.hadoop.conf.Configuration()));
        dir.probe();
        try (OutputLock lock = dir.lock(System.out)) {
            RunEnvironment env = RunEnvironment.cpu();
            // loaded before the run's files are opened: a data file that cannot be read is not an output error
            return train(run, dir, env, DataReading.ofUserInput(() -> RunPipeline.load(run.dataset(), env.hadoop())));
        } catch (IOException | java.io.UncheckedIOException | org.apache.hadoop.fs.FSError e) {
            // a full disk (Hadoop's local file system throws FSError, an Error): the files are written aside
            // and renamed, so none is left cut off; the trace keeps what was written
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("error: " + dir.output() + ": cannot write the run's files (" + root.getMessage() + ")");
            return Main.EXIT_FAILURE;
        } finally {
            dir.clearTemporary();
        }
    }

    private int train(RunConfig run, ResultStore dir, RunEnvironment env, RunPipeline.LoadedData data)
            throws IOException {
        System.out.println("deepmod run " + run.name() + " (run " + run.runId() + "), results in " + dir.output());
        RunOutcome outcome;
        long start = System.nanoTime();
        int fields = run.dataset().fieldCount();
        List<String> terms = RunPipeline.library(run, fields).termNames();
        // the trace is written as training goes, so a run that is stopped or fails keeps what it did
        try (Writer file = new java.io.BufferedWriter(new java.io.OutputStreamWriter(dir.stream(TRACE),
                StandardCharsets.UTF_8));
             TraceWriter trace = new TraceWriter(file, terms, fields)) {
            ProgressPrinter progress = new ProgressPrinter(System.out, terms);
            TrainingListener both = entry -> {
                progress.onWrite(entry);
                trace.onWrite(entry);
            };
            outcome = RunPipeline.run(run, env.withListener(both), data);
        } catch (org.deepmod.BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            RunResult failed = RunResult.failed(new RunResult.Identity(run.runId(), run.name(), run.toTree()),
                    e.toString(), (System.nanoTime() - start) / 1e9);
            writeResult(dir, failed);
            throw e;
        } catch (OutOfMemoryError e) {
            // the estimate cannot see everything (a file's points); the arrays are gone with the stack, so
            // the result can still be written, as a sweep records such a run
            String reason = String.format(java.util.Locale.ROOT, "out of memory (%s) with a heap of %.1f GB; "
                    + "raise DEEPMOD_HEAP or lower samples", e.getMessage(), Runtime.getRuntime().maxMemory() / 1e9);
            writeResult(dir, RunResult.failed(new RunResult.Identity(run.runId(), run.name(), run.toTree()), reason,
                    (System.nanoTime() - start) / 1e9));
            System.err.println("error: " + dir.output() + "/" + RESULT + ": FAILED, " + reason);
            return Main.EXIT_FAILURE;
        }
        RunResult result = outcome.result();
        writeResult(dir, result);
        writePlots(dir.files(""), result, outcome.trace());
        printSummary(result);
        boolean ended = result.status() == RunStatus.CONVERGED || result.status() == RunStatus.MAX_ITERATIONS;
        return ended ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }

    /** result.json, whole (written aside, then renamed): a run stopped while writing leaves none. */
    private static void writeResult(ResultStore dir, RunResult result) throws IOException {
        dir.writeText(RESULT, JSON.writeValueAsString(result));
    }

    /** mask.png (one per output) and loss.png from a run's trace; nothing for an empty trace or a FAILED run. */
    static void writePlots(OutputFiles files, RunResult result, List<TraceEntry> trace) throws IOException {
        if (result.discovery() == null) {
            return;
        }
        RunPictures.write(trace, result.discovery().terms(), result.outputs() == null ? 1 : result.outputs().size(),
                files);
    }

    /**
     * The status line, the notes on the data (one line each), the discovered equation (none for a FAILED run), and
     * the comparison with the truth where it is known.
     */
    static void printSummary(RunResult result) {
        RunResult.Discovery found = result.discovery();
        System.out.printf("%n%s after %d iterations in %.1f s (%s)%n", result.status(), result.training().iterations(),
                result.training().seconds(), result.reason());
        result.notes().forEach(note -> System.out.println("note: " + note));
        if (found == null) {
            return;
        }
        if (result.outputs() == null) {
            System.out.println(found.equation());
            Map<String, Double> truth = result.truthCheck() == null ? null : result.truthCheck().truth();
            if (truth != null) {
                System.out.println(EquationFormatter.compare(found.terms(), found.coefficients(), found.mask(), truth));
            }
            return;
        }
        for (RunResult.OutputResult o : result.outputs()) {
            System.out.println(o.equation());
            if (o.truth() != null) {
                System.out.println(EquationFormatter.compare(found.terms(), o.coefficients(), o.mask(), o.truth()));
            }
        }
    }
}
