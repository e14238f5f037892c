package org.deepmod.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.deepmod.config.ConfigFiles;
import org.deepmod.experiment.RunPipeline;
import org.deepmod.config.RunConfig;
import org.deepmod.experiment.RunEnvironment;
import org.deepmod.config.SweepConfig;
import org.deepmod.config.SweepPlan;
import org.deepmod.spark.SweepJob;
import org.deepmod.spark.SweepSession;

/**
 * {@code deepmod bench sweep}: the same Burgers runs as a sweep on local[1] and on local[2] (runs per hour,
 * speed-up), against the same run through {@code deepmod run}'s path in this JVM and, when the launcher is
 * at hand ($DEEPMOD_HOME), as a {@code bin/deepmod run} process. Every run trains a fixed number of
 * iterations (convergence off) so that runs cost the same and the figures compare paths, not luck.
 */
public final class SweepBenchmark {
    static final int ITERATIONS = 500;
    /** The quickstart's model: Burgers, 3 × 30 tanh, 1000 samples (800 to train), 12-term library. */
    static final String RUN = """
            name: bench-burgers
            dataset: burgers-delta
            noise: 0.1
            samples: 1000
            network: {hidden: [30, 30, 30]}
            library: {poly: 2, diff: 3}
            estimator: {name: threshold, threshold: 0.1}
            scheduler: {type: periodic, periodicity: 50}
            training: {maxIterations: %d, writeIterations: 25, convergence: {patience: 100000000}}
            """.formatted(ITERATIONS);

    private SweepBenchmark() {
    }

    public static String run(int runs, PrintStream out) {
        Path work;
        try {
            work = Files.createTempDirectory("deepmod-bench-sweep");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return measure(runs, work, out);
        } finally {
            delete(work);
        }
    }

    private static String measure(int runs, Path work, PrintStream out) {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "sweep benchmark: %d Burgers runs (3x30 tanh, 800 training points, 12 terms, %d iterations each)%n",
                runs, ITERATIONS));
        out.print(report);
        RunPipeline.run(config(1000), RunEnvironment.cpu()); // DJL's start and a first JIT pass, for every path
        SweepPlan plan = plan(runs, work);
        double[] wall = new double[2];
        double[] training = new double[2];
        double inJvm = 0;
        for (int slots = 1; slots <= 2; slots++) {
            if (slots == 2) {
                // measured between the sweeps, in a JVM as warm as theirs
                inJvm = inJvmSecondsPerRun(3);
                line(report, out, "deepmod run's path in this JVM (RunPipeline): %.2f s per run (mean of 3)", inJvm);
            }
            Timed timed = sweep(plan, "local[" + slots + "]", work.resolve("local" + slots));
            wall[slots - 1] = timed.seconds();
            training[slots - 1] = timed.outcome().trainingSeconds();
            line(report, out, "local[%d]: %d runs trained in %.1f s -> %.0f runs/hour; with the results gathered "
                    + "(parquet, csv, statistics, summary, report) %.1f s -> %.0f runs/hour; a run took %.2f s inside its task; this "
                    + "process used %.2f cores on average", slots, runs, training[slots - 1],
                    runs * 3600 / training[slots - 1], wall[slots - 1], runs * 3600 / wall[slots - 1],
                    timed.outcome().summary().configurations().get(0).seconds().mean(), timed.cores());
        }
        Double process = processSeconds(work);
        if (process != null) {
            line(report, out, "bin/deepmod run as a process (JVM and DJL start included): %.2f s", process);
        }
        line(report, out, "speed-up local[2] over local[1]: %.2f training, %.2f with the results gathered (target at "
                + "least 1.8 on 2 cores)", training[0] / training[1], wall[0] / wall[1]);
        line(report, out, "Spark path overhead per run on local[1]: %.2f s training (job wall / runs - in-JVM run), "
                + "%.2f s with the results gathered%s", training[0] / runs - inJvm, wall[0] / runs - inJvm,
                process == null ? "" : String.format(Locale.ROOT, "; a bin/deepmod run process costs %.2f s more "
                        + "than its run", process - inJvm));
        return report.toString();
    }

    private static void line(StringBuilder report, PrintStream out, String format, Object... args) {
        String text = "  " + String.format(Locale.ROOT, format, args) + System.lineSeparator();
        report.append(text);
        out.print(text);
        out.flush();
    }

    private static RunConfig config(long seed) {
        ObjectNode tree = ConfigFiles.parse(RUN, "bench");
        tree.put("seed", seed);
        return RunConfig.parse(tree, "bench");
    }

    private static double inJvmSecondsPerRun(int measured) {
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            RunPipeline.run(config(1001 + i), RunEnvironment.cpu());
        }
        return (System.nanoTime() - start) / 1e9 / measured;
    }

    /** One bin/deepmod run of the same config as its own process, when the launcher is known. */
    private static Double processSeconds(Path work) {
        String home = System.getenv("DEEPMOD_HOME");
        if (home == null || !Files.isExecutable(Path.of(home, "bin", "deepmod"))) {
            return null;
        }
        try {
            Path config = Files.writeString(work.resolve("run.yaml"), RUN);
            long start = System.nanoTime();
            Process p = new ProcessBuilder(Path.of(home, "bin", "deepmod").toString(), "run", config.toString(),
                    "--out", work.resolve("run").toString()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("run.log").toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static SweepPlan plan(int runs, Path work) {
        StringBuilder yaml = new StringBuilder("name: bench\nbase:\n");
        RUN.lines().forEach(l -> yaml.append("  ").append(l).append('\n'));
        yaml.append("seeds: ").append(runs).append('\n');
        return SweepPlan.expand(SweepConfig.parse(ConfigFiles.parse(yaml.toString(), "bench"), "bench", "bench", work));
    }

    /** @param cores the process's CPU time over the wall time: below the slots, other processes took the rest */
    private record Timed(SweepJob.Outcome outcome, double seconds, double cores) {
    }

    /** A sweep on its own session, timed from after the session started. */
    private static Timed sweep(SweepPlan plan, String master, Path output) {
        SparkSession spark = SweepSession.create("deepmod bench " + master, master,
                List.of("spark.ui.enabled=false"));
        try {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            SweepJob.Outcome outcome = SweepJob.run(spark, plan, new SweepJob.Options(output.toString(), false, 0,
                    60_000), new PrintStream(OutputStream.nullOutputStream()));
            long wall = System.nanoTime() - start;
            return new Timed(outcome, wall / 1e9, (double) (processCpuNanos() - cpuStart) / wall);
        } finally {
            spark.stop();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a benchmark for
        }
    }
}
