package org.deepmod.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.deepmod.BadInputException;
import org.deepmod.experiment.ResultSchema;
import org.deepmod.experiment.RunResult;
import org.deepmod.report.RunPictures;
import org.deepmod.report.Trace;
import org.deepmod.report.TraceReader;
import org.deepmod.results.ResultStore;
import org.deepmod.spark.SweepReportJob;
import org.deepmod.spark.SweepSession;
import org.deepmod.results.SweepSummary;
import org.deepmod.storage.OutputFiles;
import org.deepmod.training.TraceEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Rebuilds what a results folder shows, from the files in it and without training: for a sweep folder
 * (runs/*.json) the statistics, summary.json and the report page; for a run folder (result.json, trace.jsonl)
 * or one run of a sweep (runs/<runId>, beside runs/<runId>.json) the mask and loss pictures and the equation.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"(Re)build the report of a results folder, local or hdfs://, without training:",
                "  a sweep (DIR/runs/*.json): results.parquet/csv, statistics.parquet, summary.json and "
                        + "DIR/report/index.html, and prints the tables;",
                "  a run (DIR/result.json and trace.jsonl, or a sweep's DIR=runs/<runId>): mask.png, loss.png "
                        + "and the discovered equation."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "a folder written by deepmod run or deepmod sweep "
            + "(or a sweep's runs/<runId>)")
    String dir;

    @Option(names = "--consensus", paramLabel = "FRACTION", description = "a sweep's consensus equation takes the "
            + "terms selected in at least this fraction of the finished runs (default: the sweep file's "
            + "report.consensus, else 0.5)")
    Double consensus;

    @Override
    public Integer call() throws IOException {
        if (consensus != null && !(consensus >= 0 && consensus <= 1)) {
            throw new BadInputException("--consensus: " + consensus + " is not a fraction in [0, 1]");
        }
        SparkConf conf = SweepSession.conf("deepmod report", "local[*]", List.of("spark.ui.enabled=false"));
        org.apache.hadoop.conf.Configuration hadoop = SweepSession.hadoopConf(conf);
        String trimmed = dir.replaceAll("/+$", "");
        if (!trimmed.contains("://") && !Files.isDirectory(Path.of(trimmed))) {
            throw new BadInputException(trimmed + ": " + (Files.exists(Path.of(trimmed))
                    ? "is a file, not a results folder" : "no such folder"));
        }
        ResultStore folder = new ResultStore(trimmed, hadoop);
        // a live sweep or run is still writing here: a report now would be of part of it, and written under it
        folder.ensureUnlocked();
        if (!folder.fileSystem().exists(folder.output())) { // checked above for a local folder; probe would make it
            throw new BadInputException(trimmed + ": no such folder");
        }
        // the report is written into the folder: one that cannot be written ended, after reading every result,
        // in Spark's job abort and 437 lines of stack trace
        folder.probe();
        if (SweepReportJob.isSweep(trimmed, hadoop)) {
            // in a JVM that already runs Spark (tests, notebooks) use that session and leave it running
            boolean ours = SparkSession.getDefaultSession().isEmpty();
            SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
            try {
                SweepReportJob.Outcome o = SweepReportJob.run(spark, trimmed, consensus);
                o.skipped().forEach(bad -> System.err.println("deepmod report: skipped " + bad.describe()));
                System.out.println(o.summary().table());
                System.out.println(o.summary().consensusTable());
                System.out.printf(Locale.ROOT, "%d run files read in %.1f s, all rebuilt in %.1f s%nreport: %s%n",
                        o.runFiles(), o.readSeconds(), o.totalSeconds(), o.report());
            } finally {
                if (ours) {
                    spark.stop();
                }
            }
            return Main.EXIT_OK;
        }
        // a sweep's run: <output>/runs/<runId>, its result beside it as <output>/runs/<runId>.json
        org.apache.hadoop.fs.Path run = new org.apache.hadoop.fs.Path(trimmed.contains("://") ? trimmed
                : Path.of(trimmed).toAbsolutePath().normalize().toString());
        org.apache.hadoop.fs.Path runs = run.getParent();
        if (runs != null && runs.getName().equals("runs") && runs.getParent() != null) {
            ResultStore store = new ResultStore(runs.getParent().toString(), hadoop);
            if (store.fileSystem().isFile(store.pathOf(run.getName()))) {
                store.ensureUnlocked();
                return sweepRun(store, run.getName());
            }
        }
        return runFolder(Path.of(trimmed));
    }

    /** One run of a sweep: runs/<runId>.json and runs/<runId>/trace.jsonl.gz, pictures written beside the trace. */
    private static int sweepRun(ResultStore store, String runId) throws IOException {
        RunResult run = store.read(runId);
        org.apache.hadoop.fs.Path trace = new org.apache.hadoop.fs.Path(store.artefactsOf(runId), RunPictures.TRACE_GZ);
        List<TraceEntry> entries;
        try (InputStream in = store.fileSystem().open(trace);
             Reader reader = new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8)) {
            entries = TraceReader.read(reader, trace.toString()).entries();
        } catch (FileNotFoundException e) {
            System.err.println("deepmod report: " + trace + " is missing: no pictures, only the equation");
            entries = List.of();
        }
        RunCommand.writePlots(store.files("runs/" + runId), run, entries);
        RunCommand.printSummary(run);
        return Main.EXIT_OK;
    }

    private static int runFolder(Path dir) throws IOException {
        Path result = dir.resolve("result.json");
        Path summary = dir.resolve("summary.json");
        if (!Files.isRegularFile(result) && Files.isRegularFile(summary)) {
            // a sweep's summary copied without its runs/: its table is all there is to show
            SweepSummary sweep;
            try {
                sweep = SweepSummary.fromJson(Files.readString(summary));
            } catch (com.fasterxml.jackson.core.JacksonException | IllegalArgumentException e) {
                sweep = null;
            }
            if (sweep == null || sweep.name() == null || sweep.configurations() == null) {
                throw new BadInputException(summary + ": not a sweep summary (no name or configurations)");
            }
            System.out.println(sweep.table());
            return Main.EXIT_OK;
        }
        if (!Files.isRegularFile(result)) {
            throw new BadInputException(dir + ": neither result.json (a run), runs/ (a sweep) nor a sweep's "
                    + "runs/<runId>.json is there");
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
        RunCommand.writePlots(OutputFiles.in(dir), run, entries);
        RunCommand.printSummary(run);
        return Main.EXIT_OK;
    }
}
