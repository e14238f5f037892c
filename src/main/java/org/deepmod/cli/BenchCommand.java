package org.deepmod.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deepmod.BadInputException;
import org.deepmod.bench.ReferenceFigures;
import org.deepmod.bench.SparseBench;
import org.deepmod.bench.StepBenchmark;
import org.deepmod.bench.SweepBenchmark;
import org.deepmod.config.ConfigFiles;
import org.deepmod.experiment.RunPipeline;
import org.deepmod.config.RunConfig;
import org.deepmod.experiment.RunEnvironment;
import org.deepmod.experiment.RunResult;
import org.deepmod.nn.kernel.VectorWidth;
import org.deepmod.training.Trainer;
import org.deepmod.bench.ReportBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Benchmarks: figures for notes, never assertions in tests. The reference's figures are printed alongside. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (ms per step, seconds per run, estimator calls, runs per hour, seconds per report).",
        subcommands = {BenchCommand.Step.class, BenchCommand.Run.class, BenchCommand.Sparse.class,
                BenchCommand.Sweep.class, BenchCommand.Report.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Peak resident memory of this process (VmHWM), in MiB; -1 where /proc is not there. */
    static long peakRssMib() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Command(name = "step", mixinStandardHelpOptions = true,
            description = "Milliseconds per training step of the Burgers set-up (1600 points, 4x50 tanh, 12 terms), "
                    + "median after warm-up.")
    static final class Step implements Callable<Integer> {
        @Option(names = "--points", defaultValue = "1600", description = "training points (default ${DEFAULT-VALUE})")
        int points;

        @Option(names = "--steps", defaultValue = "2000", description = "measured steps (default ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--warmup", defaultValue = "100", description = "warm-up steps (default ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--threads", defaultValue = "1", description = "intra-op threads (default ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--autograd", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "also measure the step with autograd through the jets (the path float64 and GPU "
                        + "networks take, and the reference's own way): the same machine's figure to compare "
                        + "with, in the same launch (default on; --no-autograd skips it)")
        boolean autograd;

        @Option(names = "--vector-bits", paramLabel = "BITS",
                description = "vector width of the hand-written step: 128, 256 or 512 (default: the CPU's "
                        + "preferred width; wider than the CPU's runs, lane by lane)")
        String vectorBits;

        @Override
        public Integer call() {
            if (vectorBits != null) {
                try {
                    VectorWidth.species(vectorBits);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--vector-bits: " + e.getMessage());
                }
                // read once, when the kernels first load: nothing has loaded them before a command runs
                System.setProperty(VectorWidth.PROPERTY, vectorBits);
            }
            StepBenchmark.Figures f = StepBenchmark.run(points, steps, warmup, threads, Trainer.Gradients.HAND_WRITTEN,
                    false);
            System.out.printf("training step, %d points, 4x50 tanh, 12 terms, %d thread(s), %s, medians of %d "
                    + "windows of 25 steps: %s%n", f.points(), f.threads(), VectorWidth.describe(), f.windows(),
                    describe(f));
            StepBenchmark.Figures d = StepBenchmark.run(points, steps, warmup, threads, Trainer.Gradients.HAND_WRITTEN,
                    true);
            System.out.printf("  after the mask update to u_xx, u*u_x (no u_xxx carried between write iterations): "
                    + "%s%n", describe(d));
            if (autograd) {
                StepBenchmark.Figures a = StepBenchmark.run(points, steps, warmup, threads,
                        Trainer.Gradients.AUTOGRAD, false);
                System.out.printf("  the same step with autograd through the jets: %s; hand-written / autograd: "
                        + "%.2f%n", describe(a), f.wallMs() / a.wallMs());
            }
            System.out.printf("reference (DeePyMoD, PyTorch, 1 thread): %.1f ms per ordinary iteration at %.0f points, "
                    + "%.1f ms per full step at %.0f%n", ReferenceFigures.require("step.iteration.ms"),
                    ReferenceFigures.require("step.iteration.points"), ReferenceFigures.require("step.full.ms"),
                    ReferenceFigures.require("step.full.points"));
            System.out.printf("peak resident memory: %d MiB (reference: %.0f MiB)%n", peakRssMib(),
                    ReferenceFigures.require("step.peakMemory.mib"));
            return Main.EXIT_OK;
        }
    }

    /** One measurement's medians and the spread of its windows, as every line of {@code bench step} prints it. */
    private static String describe(StepBenchmark.Figures f) {
        return String.format("%.2f ms wall, %.2f ms CPU (10-90 %% of windows: %.2f-%.2f ms)", f.wallMs(), f.cpuMs(),
                f.wallP10Ms(), f.wallP90Ms());
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Wall seconds and iterations of one run to its discovered equation.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CONFIG.yaml")
        Path config;

        @Option(names = "--set", paramLabel = "path=value", description = "override a config value")
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() {
            var tree = ConfigFiles.read(config);
            ConfigFiles.applySettings(tree, settings);
            RunConfig run = RunConfig.parse(tree, config.toString());
            long start = System.nanoTime();
            RunResult r = RunPipeline.run(run, RunEnvironment.cpu()).result();
            double wall = (System.nanoTime() - start) / 1e9;
            RunResult.Training t = r.training();
            System.out.printf("%s: %s after %d iterations, %.1f s wall (%.1f s training, %.2f ms per iteration)%n",
                    config, r.status(), t.iterations(), wall, t.seconds(),
                    1000 * t.seconds() / Math.max(1, t.iterations()));
            System.out.println(r.discovery().equation());
            if (r.truthCheck() != null) {
                System.out.println("correct support: " + (r.truthCheck().correctSupport() ? "yes" : "no")
                        + ", relative errors: " + r.truthCheck().coefficientErrors());
            }
            System.out.printf("peak resident memory: %d MiB%n", peakRssMib());
            var iterations = ReferenceFigures.of("run." + run.name() + ".iterations");
            var seconds = ReferenceFigures.of("run." + run.name() + ".seconds");
            if (iterations.isPresent() && seconds.isPresent()) {
                System.out.printf("reference (DeePyMoD, the same set-up, 1 thread): %.0f iterations, %.1f s%n",
                        iterations.get(), seconds.get());
            } else {
                System.out.println("no reference figure for a run named " + run.name());
            }
            return Main.EXIT_OK;
        }
    }

    @Command(name = "sparse", mixinStandardHelpOptions = true,
            description = "Milliseconds per estimator call on a 1600 x 12 normalised library.")
    static final class Sparse implements Callable<Integer> {
        @Option(names = "--calls", defaultValue = "200", description = "measured calls (default ${DEFAULT-VALUE})")
        int calls;

        @Override
        public Integer call() {
            Map<String, Double> ms = SparseBench.run(SparseBench.ESTIMATORS, 1600, calls);
            ms.forEach((name, t) -> System.out.printf("%-20s %.2f ms per call%n", name, t));
            System.out.printf("reference: scikit-learn's LassoCV inside DeePyMoD, %.0f ms per call%n",
                    ReferenceFigures.require("sparse.lasso-cv.ms"));
            return Main.EXIT_OK;
        }
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "The same Burgers runs as a sweep on local[1] and local[2]: runs per hour, speed-up, and "
                    + "the per-run overhead of the Spark path against deepmod run.")
    static final class Sweep implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "16", description = "runs per sweep (default ${DEFAULT-VALUE})")
        int runs;

        @Override
        public Integer call() {
            SweepBenchmark.run(runs, System.out);
            return Main.EXIT_OK;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "deepmod report on a synthetic sweep of many run files (written to a temporary folder): "
                    + "seconds to read them and to rebuild the statistics and the report.")
    static final class Report implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "10000", description = "run files (default ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default ${DEFAULT-VALUE})")
        String master;

        @Override
        public Integer call() {
            org.deepmod.bench.ReportBenchmark.run(runs, master, System.out);
            return Main.EXIT_OK;
        }
    }
}
