package org.deepmod.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.SweepAxis;
import org.deepmod.results.SweepIndex;
import org.deepmod.library.EquationFormatter;
import org.deepmod.training.RunStatus;

/**
 * Crafted run results for the aggregation and report tests: every number chosen so that the statistics can be
 * worked out by hand (SweepAggregationTest does, in its comments).
 */
final class SweepFixtures {
    static final List<String> TERMS = List.of("1", "u", "u_xx", "u*u_x");
    static final Map<String, Double> BURGERS = new TreeMap<>(Map.of("u_xx", 0.1, "u*u_x", -1.0));
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepFixtures() {
    }

    /** A Burgers sweep over noise and estimator: the runs, and the index that names their configurations. */
    record Sweep(SweepIndex index, Map<String, RunResult> results) {
    }

    /**
     * noise=0.0, estimator=threshold: seeds 0-3 (two correct, one with the extra term u, one FAILED);
     * noise=0.5, threshold: a DIVERGED run that selected only u, and a correct one with poor coefficients;
     * noise=1.0, threshold: two runs that selected nothing;
     * noise=0.0, stability: one correct run; noise=0.5, stability: one FAILED run (no finished run).
     */
    static Sweep burgers() {
        List<SweepIndex.Run> runs = new ArrayList<>();
        Map<String, RunResult> results = new LinkedHashMap<>();
        add(runs, results, "0.0", "threshold", 0, oneField(RunStatus.CONVERGED, 100, 1.0,
                Map.of("u_xx", 0.1, "u*u_x", -1.0)));
        add(runs, results, "0.0", "threshold", 1, oneField(RunStatus.MAX_ITERATIONS, 200, 2.0,
                Map.of("u_xx", 0.12, "u*u_x", -0.9)));
        add(runs, results, "0.0", "threshold", 2, oneField(RunStatus.CONVERGED, 300, 3.0,
                Map.of("u_xx", 0.08, "u*u_x", -1.1, "u", 0.05)));
        add(runs, results, "0.0", "threshold", 3, null);
        add(runs, results, "0.5", "threshold", 0, oneField(RunStatus.DIVERGED, 50, 0.5, Map.of("u", 3.0)));
        add(runs, results, "0.5", "threshold", 1, oneField(RunStatus.CONVERGED, 400, 4.0,
                Map.of("u_xx", 0.2, "u*u_x", -0.5)));
        add(runs, results, "1.0", "threshold", 0, oneField(RunStatus.CONVERGED, 500, 5.0, Map.of()));
        add(runs, results, "1.0", "threshold", 1, oneField(RunStatus.MAX_ITERATIONS, 600, 6.0, Map.of()));
        add(runs, results, "0.0", "stability", 0, oneField(RunStatus.CONVERGED, 700, 7.0,
                Map.of("u_xx", 0.1, "u*u_x", -1.0)));
        add(runs, results, "0.5", "stability", 0, null);
        return new Sweep(new SweepIndex("fixture", List.of("noise", "estimator", SweepAxis.SEED), 0.5, runs), results);
    }

    /**
     * Two fields, terms 1, u, v, u_xx, v_xx; truth u_t = 0.1 u_xx, v_t = 0.2 v_xx (given per field in the
     * config). Seed 0 finds both; seed 1 finds u (0.11 u_xx) but gives v an extra term (0.3 v_xx + 0.01 u).
     */
    static Sweep twoFields() {
        List<String> terms = List.of("1", "u", "v", "u_xx", "v_xx");
        List<SweepIndex.Run> runs = new ArrayList<>();
        Map<String, RunResult> results = new LinkedHashMap<>();
        JsonNode config = tree("{\"seed\":0,\"dataset\":{\"type\":\"file\",\"truth\":{\"u\":{\"u_xx\":0.1},"
                + "\"v\":{\"v_xx\":0.2}}}}");
        double[][] seed0 = {{0, 0, 0, 0.1, 0}, {0, 0, 0, 0, 0.2}};
        double[][] seed1 = {{0, 0, 0, 0.11, 0}, {0, 0.01, 0, 0, 0.3}};
        int seed = 0;
        for (double[][] c : List.of(seed0, seed1)) {
            List<RunResult.OutputResult> outputs = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                boolean[] mask = new boolean[terms.size()];
                for (int j = 0; j < mask.length; j++) {
                    mask[j] = c[k][j] != 0;
                }
                outputs.add(new RunResult.OutputResult(k == 0 ? "u" : "v", mask, c[k], null, c[k], null, null, null,
                        null, null));
            }
            String id = "twofields" + seed;
            RunResult r = new RunResult(new RunResult.Identity(id, "two", config), RunStatus.CONVERGED, null,
                    new RunResult.Training(100, 1.0, "cpu", 1e-4, 1e-5, 2e-4, 3),
                    new RunResult.Discovery(terms, outputs.get(0).mask(), c[0], c[0], null, null, "u_t = ..."), null,
                    outputs);
            results.put(id, r);
            LinkedHashMap<String, String> axes = new LinkedHashMap<>();
            axes.put(SweepAxis.SEED, Integer.toString(seed));
            runs.add(new SweepIndex.Run(id, seed, seed, axes));
            seed++;
        }
        return new Sweep(new SweepIndex("two-fields", List.of(SweepAxis.SEED), 0.5, runs), results);
    }

    private static void add(List<SweepIndex.Run> runs, Map<String, RunResult> results, String noise, String estimator,
                            int seed, RunResult result) {
        String id = String.format("n%s-%s-%d", noise, estimator, seed);
        LinkedHashMap<String, String> axes = new LinkedHashMap<>();
        axes.put("noise", noise);
        axes.put("estimator", estimator);
        axes.put(SweepAxis.SEED, Integer.toString(seed));
        runs.add(new SweepIndex.Run(id, runs.size(), seed, axes));
        RunResult r = result == null
                ? RunResult.failed(new RunResult.Identity(id, "fixture", null), "corrupt.npy: not a numpy file", 0.1)
                : withId(result, id);
        results.put(id, r);
    }

    /** A one-field Burgers result selecting these terms with these coefficients (the others masked). */
    private static RunResult oneField(RunStatus status, int iterations, double seconds, Map<String, Double> selected) {
        boolean[] mask = new boolean[TERMS.size()];
        double[] coefficients = new double[TERMS.size()];
        for (int j = 0; j < TERMS.size(); j++) {
            Double c = selected.get(TERMS.get(j));
            mask[j] = c != null;
            coefficients[j] = c == null ? 0 : c;
        }
        return new RunResult(new RunResult.Identity("x", "fixture", null), status,
                status == RunStatus.DIVERGED ? "loss 1000x its initial value" : null,
                new RunResult.Training(iterations, seconds, "cpu", 1e-4, 1e-5, 2e-4, 2),
                new RunResult.Discovery(TERMS, mask, coefficients, coefficients, coefficients, null,
                        EquationFormatter.format("u_t", TERMS, coefficients, mask)),
                RunResult.TruthCheck.of(TERMS, mask, coefficients, BURGERS), null);
    }

    private static RunResult withId(RunResult r, String id) {
        RunResult.Identity was = r.identity();
        return new RunResult(new RunResult.Identity(id, was.name(), was.config(), was.dataFingerprint()), r.status(),
                r.reason(), r.training(), r.discovery(), r.truthCheck(), r.outputs());
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
