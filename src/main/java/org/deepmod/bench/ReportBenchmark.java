package org.deepmod.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.SweepAxis;
import org.deepmod.spark.SweepReportJob;
import org.deepmod.spark.SweepSession;
import org.deepmod.results.SweepIndex;
import org.deepmod.results.ResultStore;
import org.deepmod.training.RunStatus;

/**
 * {@code bench report}: how long {@code deepmod report} takes on a large sweep. Writes N synthetic Burgers run
 * files (10 noise levels x 2 estimators x N/20 seeds; statuses, masks and coefficients drawn from a fixed seed,
 * noisier at higher noise) and a sweep.json, then rebuilds the statistics and the report from them on local[2],
 * as {@code deepmod report} does.
 */
public final class ReportBenchmark {
    private static final List<String> TERMS = List.of("1", "u_x", "u_xx", "u_xxx", "u", "u*u_x", "u*u_xx",
            "u*u_xxx", "u^2", "u^2*u_x", "u^2*u_xx", "u^2*u_xxx");
    private static final Map<String, Double> TRUTH = new TreeMap<>(Map.of("u_xx", 0.1, "u*u_x", -1.0));

    private ReportBenchmark() {
    }

    public static void run(int runs, String master, PrintStream out) {
        Path work;
        try {
            work = Files.createTempDirectory("deepmod-bench-report");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String output = work.resolve("sweep").toString();
        long start = System.nanoTime();
        SweepIndex index = write(runs, new ResultStore(output, new Configuration()));
        out.printf("bench report: %d synthetic run files written to %s in %.1f s%n", runs, output,
                (System.nanoTime() - start) / 1e9);
        long session = System.nanoTime();
        SparkSession spark = SparkSession.builder().config(SweepSession.conf("deepmod bench report", master,
                List.of("spark.ui.enabled=false"))).getOrCreate();
        try {
            double startup = (System.nanoTime() - session) / 1e9;
            SweepReportJob.Outcome o = SweepReportJob.run(spark, output, null);
            out.printf("deepmod report on %s: %d runs, %d configurations: run files read in %.1f s, statistics and "
                    + "report in %.1f s more, %.1f s in all (+ %.1f s Spark start-up); target: at most 60 s on 2 cores%n",
                    master, o.runFiles(), o.summary().configurations().size(), o.readSeconds(),
                    o.totalSeconds() - o.readSeconds(), o.totalSeconds(), startup);
            out.println("report: " + o.report() + " (left in place to look at)");
        } finally {
            spark.stop();
        }
        if (index.runs().size() != runs) {
            throw new IllegalStateException("wrote " + index.runs().size() + " runs, not " + runs);
        }
    }

    /** The synthetic sweep: run files and sweep.json. */
    static SweepIndex write(int runs, ResultStore store) {
        SplittableRandom random = new SplittableRandom(14);
        List<SweepIndex.Run> index = new ArrayList<>();
        String[] estimators = {"threshold", "stability-selection"};
        int seeds = Math.max(1, runs / 20);
        int made = 0;
        for (int level = 0; level < 10 && made < runs; level++) {
            double noise = level / 9.0;
            for (String estimator : estimators) {
                for (int seed = 0; seed < seeds && made < runs; seed++) {
                    String id = String.format("%016x", random.nextLong());
                    LinkedHashMap<String, String> axes = new LinkedHashMap<>();
                    axes.put("noise", String.format(java.util.Locale.ROOT, "%.2f", noise));
                    axes.put("estimator", estimator);
                    axes.put(SweepAxis.SEED, Integer.toString(seed));
                    index.add(new SweepIndex.Run(id, made, seed, axes));
                    store.write(result(id, noise, estimator.equals("threshold") ? 2.0 : 1.0, random));
                    made++;
                }
            }
        }
        SweepIndex sweep = new SweepIndex("bench-report", List.of("noise", "estimator", SweepAxis.SEED), 0.5, index);
        store.writeText(SweepIndex.FILE, sweep.toJson());
        return sweep;
    }

    private static RunResult result(String id, double noise, double fragility, SplittableRandom random) {
        if (random.nextDouble() < 0.01) {
            return RunResult.failed(new RunResult.Identity(id, "bench-report", null), "synthetic failure", 1.0);
        }
        boolean[] mask = new boolean[TERMS.size()];
        double[] coefficients = new double[TERMS.size()];
        for (int j = 0; j < TERMS.size(); j++) {
            Double truth = TRUTH.get(TERMS.get(j));
            double wrong = Math.min(0.9, 0.02 + fragility * 0.3 * noise);
            mask[j] = truth != null ? random.nextDouble() > wrong / 3 : random.nextDouble() < wrong / 6;
            if (mask[j]) {
                double centre = truth == null ? 0.05 : truth;
                coefficients[j] = centre * (1 + noise * 0.2 * random.nextGaussian());
            }
        }
        RunStatus status = random.nextDouble() < 0.02 ? RunStatus.DIVERGED
                : random.nextBoolean() ? RunStatus.CONVERGED : RunStatus.MAX_ITERATIONS;
        RunResult.Training training = new RunResult.Training(2000 + random.nextInt(8000), 20 + 40 * random.nextDouble(),
                "cpu", 1e-4, 1e-5, 2e-4, 3);
        return new RunResult(new RunResult.Identity(id, "bench-report", null), status, null, training,
                new RunResult.Discovery(TERMS, mask, coefficients, coefficients, coefficients, null, null),
                RunResult.TruthCheck.of(TERMS, mask, coefficients, TRUTH), null);
    }
}
