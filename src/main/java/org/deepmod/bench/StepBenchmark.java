package org.deepmod.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.deepmod.constraint.LeastSquares;
import org.deepmod.library.Library1D;
import org.deepmod.nn.Activation;
import org.deepmod.nn.DjlEnvironment;
import org.deepmod.nn.JetMlp;
import org.deepmod.training.DeepMoD;
import org.deepmod.training.MaskEstimator;
import org.deepmod.training.PeriodicScheduler;
import org.deepmod.training.Samples;
import org.deepmod.training.SparsityScheduler;
import org.deepmod.training.Trainer;
import org.deepmod.training.TrainingListener;
import org.deepmod.training.TrainingOptions;

/**
 * Milliseconds per training step of the reference's Burgers set-up (1600 training points, 4 x 50 tanh,
 * Library1D(2, 3) = 12 terms, least squares), measured through the real {@link Trainer}: per window of
 * {@code writeIterations} steps, wall and thread-CPU time; medians after warm-up. The data are random points,
 * which costs the same as real ones. With every term active (the mask never updated: the reference's cost,
 * which does not depend on the mask), or with the mask of the discovered equation set at the first step
 * (u_xx and u*u_x: the steps between write iterations then carry no u_xxx, as most of a Burgers run does).
 *
 * <p>Why many windows: the machines this runs on slow down for seconds at a time (measured here: a fixed
 * multiply-add loop at 42 instead of 78 GFLOP/s, thread CPU time equal to wall time, so the core itself runs
 * slower; loading the other vCPU does not do it, so it comes from outside the VM), and a step then takes ~1.5
 * times as long. The median of a few seconds of windows then reports whichever phase the measurement fell
 * into; over tens of seconds it reports the step, and the 10th and 90th percentiles show how far the machine
 * moved.
 */
public final class StepBenchmark {
    private StepBenchmark() {
    }

    /**
     * Per step: the median wall and thread-CPU ms over the windows measured, and the 10th and 90th percentile
     * of the windows' wall ms (how much the machine moved under the measurement).
     */
    public record Figures(double wallMs, double cpuMs, double wallP10Ms, double wallP90Ms, int windows, int points,
                          int threads) {
    }

    public static Figures run(int points, int steps, int warmup, int threads) {
        return run(points, steps, warmup, threads, Trainer.Gradients.HAND_WRITTEN, false);
    }

    /**
     * The same, with the network's gradient taken as {@code gradients} says, and with the discovered
     * equation's mask from the first step on when {@code discoveredMask}.
     */
    public static Figures run(int points, int steps, int warmup, int threads, Trainer.Gradients gradients,
                              boolean discoveredMask) {
        DjlEnvironment.init(threads);
        SplittableRandom random = new SplittableRandom(1);
        double[] coords = new double[points * 2];
        double[] targets = new double[points];
        for (int i = 0; i < coords.length; i++) {
            coords[i] = random.nextDouble() * 2 - 1;
        }
        for (int i = 0; i < targets.length; i++) {
            targets[i] = random.nextDouble();
        }
        Samples train = new Samples(coords, 2, targets, 1);
        Samples test = new Samples(Arrays.copyOf(coords, 200), 2, Arrays.copyOf(targets, 100), 1);
        int window = 25;
        ThreadMXBean threadsBean = ManagementFactory.getThreadMXBean();
        List<double[]> windows = new ArrayList<>();
        long[] last = {System.nanoTime(), threadsBean.getCurrentThreadCpuTime()};
        TrainingListener timer = entry -> {
            long wall = System.nanoTime();
            long cpu = threadsBean.getCurrentThreadCpuTime();
            if (entry.iteration() > warmup) {
                windows.add(new double[] {(wall - last[0]) / 1e6 / window, (cpu - last[1]) / 1e6 / window});
            }
            last[0] = wall;
            last[1] = cpu;
        };
        // the reference's optimiser; no convergence test can end the measurement early
        TrainingOptions options = TrainingOptions.builder()
                .maxIterations(warmup + steps + 1)
                .writeIterations(window)
                .convergence(1, 0)
                .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            JetMlp net = JetMlp.mlp(manager, 2, new int[] {50, 50, 50, 50}, 1, new Activation.Tanh(),
                    DataType.FLOAT32, 0);
            Library1D library = new Library1D(2, 3);
            MaskEstimator estimator = (lib, output) -> {
                if (!discoveredMask) {
                    throw new IllegalStateException("the benchmark never updates the mask");
                }
                double[] coefficients = new double[library.termCount()];
                coefficients[library.termNames().indexOf("u_xx")] = 0.1;
                coefficients[library.termNames().indexOf("u*u_x")] = -1;
                return coefficients;
            };
            DeepMoD model = new DeepMoD(net, library, estimator, new LeastSquares());
            SparsityScheduler scheduler = discoveredMask ? new PeriodicScheduler(Integer.MAX_VALUE, 0)
                    : new PeriodicScheduler(1, Integer.MAX_VALUE);
            new Trainer(options, gradients).train(model, train, test, scheduler, timer);
        }
        double[] wall = windows.stream().mapToDouble(w -> w[0]).sorted().toArray();
        double[] cpu = windows.stream().mapToDouble(w -> w[1]).sorted().toArray();
        return new Figures(percentile(wall, 0.5), percentile(cpu, 0.5), percentile(wall, 0.1), percentile(wall, 0.9),
                wall.length, points, threads);
    }

    /** The value at fraction q of sorted values, by nearest rank (q = 0.5 of 80 values: the 41st, as before). */
    static double percentile(double[] sorted, double q) {
        return sorted[(int) Math.floor(q * (sorted.length - 1) + 0.5)];
    }
}
