package org.deepmod.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deepmod.experiment.RunResult;
import org.deepmod.training.RunStatus;

/**
 * One result of each kind a run leaves (one field with its truth, several fields, FAILED, DIVERGED, a sweep
 * run's with the data file's fingerprint, a run whose data reading left notes), and the generator of their
 * committed JSON: the files under {@code src/test/resources/results/} were written by this class with the code of
 * main at 602e866, before RunResult was restructured (with-notes.json, the one kind added since, was written by
 * hand: the format the notes were meant to have), so that {@link ResultJsonTest} holds every later shape of RunResult to the bytes
 * the documented format had. Run from the project folder to write them again (only on purpose: they are the
 * reference):
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/deepmod.classpath) org.deepmod.results.ResultJsonFixtures</pre>
 */
final class ResultJsonFixtures {
    static final Path FOLDER = Path.of("src/test/resources/results");
    private static final List<String> TERMS = List.of("1", "u_x", "u_xx", "u", "u*u_x");

    private ResultJsonFixtures() {
    }

    /** Every kind by the name of its file (without .json). */
    static Map<String, RunResult> kinds() {
        Map<String, RunResult> kinds = new LinkedHashMap<>();
        kinds.put("converged-with-truth", convergedWithTruth());
        kinds.put("two-outputs", twoOutputs());
        kinds.put("failed", RunResult.failed(new RunResult.Identity("0000000000000003", "burgers",
                config("{\"name\": \"burgers\", \"noise\": 0.5}")),
                "java.io.IOException: corrupt.npy: not a numpy file", 0.125));
        kinds.put("diverged", diverged());
        kinds.put("with-fingerprint", withFingerprint());
        kinds.put("with-notes", withNotes());
        return kinds;
    }

    private static RunResult convergedWithTruth() {
        return new RunResult(new RunResult.Identity("0000000000000001", "burgers",
                config("{\"name\": \"burgers\", \"seed\": 7, \"dataset\": {\"type\": \"burgers-delta\"}, "
                        + "\"noise\": 0.05, \"training\": {\"maxIterations\": 10000}}")),
                RunStatus.CONVERGED, null,
                new RunResult.Training(2350, 41.0625, "cpu (no GPU assigned)", 1.25e-4, 3.5e-6, 2.0e-4, 3),
                new RunResult.Discovery(TERMS, new boolean[] {false, false, true, false, true},
                        new double[] {0, 0, 0.0987654321, 0, -1.0123}, new double[] {0, 0, 0.31, 0, -0.87},
                        new double[] {0, 0.001, 0.3, 0, -0.86}, new double[] {0.02, 0.1, 1.0, 0.0, 1.0},
                        "u_t = 0.0988 u_xx - 1.01 u*u_x"),
                new RunResult.TruthCheck(sorted(Map.of("u_xx", 0.1, "u*u_x", -1.0)), true,
                        sorted(Map.of("u_xx", 0.012345679, "u*u_x", 0.0123))),
                null);
    }

    private static RunResult twoOutputs() {
        boolean[] maskU = {false, true, true, false, false};
        boolean[] maskV = {false, false, false, true, true};
        double[] u = {0, 0.5, 0.1, 0, 0};
        double[] v = {0, 0, 0, 1.0, -0.25};
        RunResult.OutputResult first = new RunResult.OutputResult("u", maskU, u, new double[] {0, 0.25, 0.05, 0, 0},
                new double[] {0, 0.4, 0.6, 0, 0}, new double[] {0, 0.41, 0.59, 0, 0}, "u_t = 0.5 u_x + 0.1 u_xx",
                sorted(Map.of("u_x", 0.5, "u_xx", 0.1)), true, sorted(Map.of("u_x", 0.0, "u_xx", 0.0)));
        RunResult.OutputResult second = new RunResult.OutputResult("v", maskV, v, new double[] {0, 0, 0, 2.0, -0.5},
                new double[] {0, 0, 0, 0.7, -0.3}, null, "v_t = 1 u - 0.25 u*u_x", sorted(Map.of("u", 1.0)), false,
                sorted(Map.of("u", 0.0)));
        return new RunResult(new RunResult.Identity("0000000000000002", "two",
                config("{\"name\": \"two\", \"normalize\": {\"data\": true}}")),
                RunStatus.MAX_ITERATIONS, null, new RunResult.Training(500, 12.5, "cpu", 0.001, 0.0001, 0.002, 1),
                new RunResult.Discovery(TERMS, maskU, u, new double[] {0, 0.4, 0.6, 0, 0},
                        new double[] {0, 0.41, 0.59, 0, 0}, null, "u_t = 0.5 u_x + 0.1 u_xx"),
                new RunResult.TruthCheck(sorted(Map.of("u: u_x", 0.5, "u: u_xx", 0.1, "v: u", 1.0)), false,
                        sorted(Map.of("u: u_x", 0.0, "u: u_xx", 0.0, "v: u", 0.0))),
                List.of(first, second));
    }

    private static RunResult diverged() {
        return new RunResult(new RunResult.Identity("0000000000000004", "burgers", config("{\"name\": \"burgers\"}")),
                RunStatus.DIVERGED, "loss became NaN at iteration 75",
                new RunResult.Training(75, 1.5, "cpu", null, null, null, 0),
                new RunResult.Discovery(TERMS, new boolean[] {true, true, true, true, true},
                        new double[] {0, 0, 0, 0, 0}, null, null, null, "u_t = 0"),
                new RunResult.TruthCheck(sorted(Map.of("u_xx", 0.1, "u*u_x", -1.0)), false,
                        sorted(Map.of("u_xx", 1.0, "u*u_x", 1.0))),
                null);
    }

    private static RunResult withFingerprint() {
        return new RunResult(new RunResult.Identity("0000000000000005", "pdefind",
                config("{\"name\": \"pdefind\", \"dataset\": {\"type\": \"file\", \"path\": \"data/burgers.npz\"}}")),
                RunStatus.MAX_ITERATIONS, null, new RunResult.Training(60, 3.0, "cpu", 0.002, 0.0003, 0.004, 2),
                new RunResult.Discovery(TERMS, new boolean[] {false, false, true, false, true},
                        new double[] {0, 0, 0.11, 0, -0.95}, new double[] {0, 0, 0.3, 0, -0.9},
                        new double[] {0, 0, 0.3, 0, -0.9}, null, "u_t = 0.11 u_xx - 0.95 u*u_x"),
                null, null).withDataFingerprint("51234 bytes, modified 2024-05-01T10:00:00Z");
    }

    /** A run on PDE-FIND's kdv.mat, whose complex usol lost an imaginary part of a solver's noise. */
    private static RunResult withNotes() {
        return new RunResult(new RunResult.Identity("0000000000000006", "kdv", config("{\"name\": \"kdv\", "
                + "\"dataset\": {\"type\": \"file\", \"path\": \"data/kdv.mat\", \"fields\": [\"usol\"]}}")),
                RunStatus.CONVERGED, null, new RunResult.Training(1200, 30.5, "cpu", 1.0e-5, 2.0e-6, 3.0e-5, 4),
                new RunResult.Discovery(KDV_TERMS, new boolean[] {false, false, false, true, false, true},
                        new double[] {0, 0, 0, -1.0, 0, -6.0}, new double[] {0, 0, 0, -0.5, 0, -0.75},
                        new double[] {0, 0, 0, -0.5, 0, -0.75}, null, "u_t = -1 u_xxx - 6 u*u_x"),
                null, null, List.of("data/kdv.mat: variable 'usol' is complex (MATLAB complex double); its imaginary "
                        + "part, up to 2.1e-06 of the real values, was dropped"));
    }

    private static final List<String> KDV_TERMS = List.of("1", "u_x", "u_xx", "u_xxx", "u", "u*u_x");

    private static Map<String, Double> sorted(Map<String, Double> map) {
        return new TreeMap<>(map);
    }

    private static JsonNode config(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(FOLDER);
        for (Map.Entry<String, RunResult> kind : kinds().entrySet()) {
            Files.write(FOLDER.resolve(kind.getKey() + ".json"), ResultStore.JSON.writeValueAsBytes(kind.getValue()));
        }
    }
}
