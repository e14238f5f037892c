package org.deepmod.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.deepmod.BadInputException;
import org.deepmod.experiment.ResultSchema;
import org.deepmod.experiment.RunResult;
import org.deepmod.report.Trace;
import org.deepmod.report.TraceReader;
import org.deepmod.spark.ResultStore;
import org.deepmod.spark.SweepSummary;
import org.deepmod.training.TraceEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Rebuilds what a results folder shows, from the files in it and without training: for a run folder
 * (result.json, trace.jsonl) the mask and loss pictures and the printed equation; for a sweep folder
 * (summary.json) the summary table.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "(Re)build the report of a results folder: for a run (result.json, trace.jsonl) mask.png "
                + "and loss.png and the discovered equation; for a sweep (summary.json) the summary table.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "a folder written by deepmod run or deepmod sweep")
    Path dir;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": " + (Files.exists(dir) ? "is a file, not a results folder"
                    : "no such folder"));
        }
        Path summary = dir.resolve("summary.json");
        Path result = dir.resolve("result.json");
        if (Files.isRegularFile(summary)) {
            reportSkippedRuns();
            SweepSummary sweep = read(summary, SweepSummary::fromJson);
            if (sweep.name() == null || sweep.configurations() == null) {
                throw new BadInputException(summary + ": not a sweep summary (no name or configurations)");
            }
            System.out.println(sweep.table());
            return Main.EXIT_OK;
        }
        if (!Files.isRegularFile(result)) {
            throw new BadInputException(dir + ": neither result.json (a run) nor summary.json (a sweep) is there");
        }
        RunResult run;
        try {
            run = ResultSchema.parse(Files.readAllBytes(result), null);
        } catch (ResultSchema.InvalidResultException e) {
            throw new BadInputException(result + ": not a valid result: " + e.getMessage());
        }
        Path tracePath = dir.resolve("trace.jsonl");
        List<TraceEntry> entries = List.of();
        if (Files.isRegularFile(tracePath)) {
            Trace trace = TraceReader.read(tracePath);
            entries = trace.entries();
        } else {
            System.err.println("deepmod report: " + tracePath + " is missing: no pictures, only the equation");
        }
        RunCommand.writePlots(dir, run, entries);
        RunCommand.printSummary(run);
        return Main.EXIT_OK;
    }

    /** A sweep's run files that are not valid results are left out of any report: say which and why. */
    private void reportSkippedRuns() {
        ResultStore store = new ResultStore(dir.toAbsolutePath().toString(), new org.apache.hadoop.conf.Configuration());
        for (ResultStore.Invalid bad : store.readValid(store.existing()).invalid()) {
            System.err.println("deepmod report: skipped " + bad.describe());
        }
    }

    private interface Parser<T> {
        T parse(String json) throws IOException;
    }

    private static <T> T read(Path file, Parser<T> parser) throws IOException {
        try {
            return parser.parse(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JacksonException | IllegalArgumentException e) {
            throw new BadInputException(file + ": not a deepmod results file (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
    }
}
