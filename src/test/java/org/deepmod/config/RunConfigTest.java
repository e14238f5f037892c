package org.deepmod.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.deepmod.BadInputException;
import org.deepmod.data.ComplexMatFiles;
import org.deepmod.data.Dataset;
import org.deepmod.sparse.SparseEstimators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.deepmod.experiment.RunPipeline;

class RunConfigTest {
    private static final Path PROJECT = Path.of(System.getProperty("deepmod.project.dir", "."));

    private static RunConfig parse(String yaml) {
        return RunConfig.parse(ConfigFiles.parse(yaml, "test.yaml"), "test.yaml");
    }

    @Test
    void emptyConfigIsTheReferenceBurgersSetUp() {
        RunConfig c = parse("{}");
        assertEquals("burgers-delta", c.dataset().type());
        assertArrayEquals(new int[] {50, 50, 50, 50}, c.network().hidden());
        assertEquals(12, RunPipeline.library(c, 1).termCount());
        assertEquals("threshold", c.estimator().name());
        assertEquals(1e-3, c.optimizer().learningRate());
        assertEquals(0.99, c.optimizer().beta1());
        assertEquals("train-test-periodic", c.scheduler().type());
    }

    /** Every run config and sweep file under configs/ (and its folders, as configs/noise-study/), relative to it. */
    static List<String> shippedConfigs() throws IOException {
        Path configs = PROJECT.resolve("configs");
        try (Stream<Path> files = Files.walk(configs)) {
            return files.map(f -> configs.relativize(f).toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
    }

    /**
     * Each shipped config (each run of a shipped sweep) round-trips through its resolved tree, names a registered
     * estimator, states its truth in its library's term names (a misspelt term fails here, not after training)
     * and has the points its samples, split and library need.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedConfigs")
    void shippedConfigIsConsistent(String name) {
        Path file = PROJECT.resolve("configs").resolve(name);
        ObjectNode tree = ConfigFiles.read(file);
        List<RunConfig> runs = new ArrayList<>();
        if (tree.has("axes") || tree.has("base")) { // a sweep file: over axes, or a base config over seeds alone
            for (PlannedRun run : SweepPlan.expand(SweepConfig.read(file)).runs()) {
                runs.add(RunConfig.parse(ConfigFiles.parse(run.configJson(), run.runId()), run.runId()));
            }
        } else {
            runs.add(RunConfig.parse(tree, file.toString()));
        }
        assertFalse(runs.isEmpty(), name);
        Map<DatasetSpec, Long> points = new HashMap<>();
        for (RunConfig c : runs) {
            String where = name + " " + c.runId();
            assertEquals(c, RunConfig.parse(c.toTree(), where), where + ": toTree, parsed again");
            assertTrue(SparseEstimators.names().contains(c.estimator().name()), where + ": " + c.estimator().name());

            int fields = c.dataset().fieldCount();
            List<String> terms = c.library().create(fields).termNames();
            Map<String, Map<String, Double>> truth = c.dataset().knownTruth();
            if (truth != null) {
                for (Map.Entry<String, Map<String, Double>> field : truth.entrySet()) {
                    assertTrue(Dataset.canonicalTargetNames(fields).contains(field.getKey()), where + ": field "
                            + field.getKey());
                    assertFalse(field.getValue().isEmpty(), where + ": no true terms for " + field.getKey());
                    for (String term : field.getValue().keySet()) {
                        assertTrue(terms.contains(term), where + ": true term " + term + " not in " + terms);
                    }
                }
            }

            long available = points.computeIfAbsent(c.dataset(), RunConfigTest::pointsOf);
            long used = c.samples() == RunConfig.ALL_SAMPLES ? available : c.samples();
            if (c.samples() != RunConfig.ALL_SAMPLES) {
                assertTrue(c.samples() >= RunConfig.MIN_SAMPLES && c.samples() <= available,
                        where + ": " + c.samples() + " samples of " + available + " points");
            }
            assertTrue(Math.floor(used * c.trainFraction()) > terms.size(),
                    where + ": " + used + " points, split " + c.trainFraction() + ", " + terms.size() + " terms");
        }
    }

    /** Each kind of each choice is read into its own spec and writes itself back into a tree that reads the same. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "network: {type: siren, hidden: [20, 20], omega0: 10, precision: float64} | siren",
            "network: {activation: sin, precision: float64}                          | mlp",
            "library: {type: 1d, poly: 3, diff: 4}                                    | 1d",
            "constraint: {type: ridge, lambda: 0.5}                                   | ridge",
            "constraint: grad-params                                                  | grad-params",
            "scheduler: {type: periodic, periodicity: 20, initial: 100}               | periodic",
            "scheduler: {type: train-test, patience: 10, delta: 0.01}                 | train-test",
            "normalize: {coords: minmax, data: maxabs}                                | minmax",
            "collocation: {points: 10000, margin: 0.1}                                | 10000",
            "training: {earlyStopping: {patience: 1000, rise: 0.03}}                  | 1000",
    })
    void everyKindOfChoiceRoundTrips(String yaml, String kind) {
        RunConfig c = parse(yaml);
        assertEquals(c, RunConfig.parse(c.toTree(), "resolved"));
        String section = yaml.substring(0, yaml.indexOf(':'));
        String written = switch (section) {
            case "normalize" -> c.toTree().get(section).get("coords").asText();
            case "collocation" -> c.toTree().get(section).get("points").asText();
            case "training" -> c.toTree().get(section).get("earlyStopping").get("patience").asText();
            default -> c.toTree().get(section).get("type").asText();
        };
        assertEquals(kind, written);
    }

    /** A generated dataset's grid points; a file's points, read (its path relative to the project). */
    private static long pointsOf(DatasetSpec dataset) {
        if (dataset instanceof GeneratedDataset generated) {
            return generated.gridPoints();
        }
        FileDataset file = (FileDataset) dataset;
        FileDataset local = new FileDataset(PROJECT.resolve(file.path()).toString(), file.fields(), file.coords(),
                file.truth(), file.realPartOfComplex());
        return RunPipeline.load(local, new Configuration()).dataset().size();
    }

    /** Early stopping off (the default, or patience 0) writes no key: the run ids made before it stay. */
    @Test
    void earlyStoppingIsWrittenOnlyWhenOn() {
        assertFalse(parse("{}").toTree().get("training").has("earlyStopping"));
        assertEquals(parse("{}").runId(), parse("training: {earlyStopping: {patience: 0, rise: 0.2}}").runId());
        assertNotEquals(parse("{}").runId(), parse("training: {earlyStopping: {patience: 500}}").runId());
    }

    /** Each bad config is rejected, and the message names the path of the problem. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "noise: -0.1                                  | noise: -0.1 is out of range",
            "noize: 0.1                                   | noize: unknown key",
            "network: {hidden: [50, x]}                   | network.hidden[1]: expected a whole number",
            "network: {activation: relu}                  | network.activation: 'relu' is not one of",
            "network: {type: transformer}                 | network.type: 'transformer' is not one of",
            "estimator: lasso-magic                       | estimator.name: ",
            "estimator: {name: threshold, threshhold: 1}  | estimator.name: ",
            "library: {poly: 9}                           | library.poly: 9 is out of range",
            "dataset: {type: burgers-delta, nu: abc}      | dataset.nu: expected a number",
            "dataset: {type: file}                        | dataset.path: required",
            "dataset: {type: burgers-delta, nuu: 0.2}     | dataset.nuu: unknown key; known here: type, nu, a, t, x",
            "dataset: {type: burgers-delta, y: {count: 9}} | dataset.y: unknown key",
            "dataset: {type: file, path: a.npz, fieldz: [u]} | dataset.fieldz: unknown key",
            "dataset: {type: burgers-delta, t: {start: 5, stop: 1}} | dataset.t: stop (1.0) must be greater",
            "training: {maxIterations: 0}                 | training.maxIterations: 0 is out of range",
            "optimizer: {betas: [0.9]}                    | optimizer.betas: expected a list of 2 numbers",
            "scheduler: {type: weekly}                    | scheduler.type: 'weekly' is not one of",
            "seed: 1.5                                    | seed: expected a whole number",
            "collocation: {points: 100, margin: 0.5}      | collocation.margin: 0.5 is out of range",
            "collocation: {points: -1}                    | collocation.points: -1 is out of range",
            "training: {earlyStopping: {rise: -1}}        | training.earlyStopping.rise: -1",
            "training: {earlyStopping: {patiense: 9}}     | training.earlyStopping.patiense: unknown key",
    })
    void badConfigNamesThePath(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertTrue(e.getMessage().contains(expected), () -> "message was: " + e.getMessage());
    }

    /** Keller–Segel's two fields multiply its library's terms: 100 samples leave 80 training points, enough
     *  for one field's terms and too few for two fields'. */
    @Test
    void theSampleCheckCountsEachGeneratedField() {
        String library = "library: {type: 1d, poly: 3, diff: 4}\n";
        int one = parse(library).library().termCount(1);
        int two = parse(library).library().termCount(2);
        assertTrue(one < 80 && two >= 80, one + " and " + two + " terms");
        ConfigException e = assertThrows(ConfigException.class, () -> parse(
                "dataset: {type: keller-segel}\n" + library + "samples: 100\n"));
        assertTrue(e.getMessage().contains("leave 80 training points for a library of " + two + " terms"),
                e.getMessage());
    }

    /** A generated two-field dataset costs what a two-field file of as many points does (10 000, the points
     *  assumed for a file): the estimate counts the generator's fields, not one. */
    @Test
    void theMemoryEstimateCountsEachGeneratedField() {
        String rest = "samples: 4000\nnetwork: {hidden: [50, 50]}\nlibrary: {type: 1d, poly: 1, diff: 2}\n";
        RunConfig generated = parse("dataset: {type: keller-segel, t: {start: 0.0, stop: 1.0, count: 40}, "
                + "x: {start: -10.0, stop: 10.0, count: 250}}\n" + rest);
        RunConfig file = parse("dataset: {type: file, path: two.npz, fields: [u, v]}\n" + rest);
        assertEquals(2, generated.dataset().fieldCount());
        assertEquals(10_000, ((GeneratedDataset) generated.dataset()).gridPoints());
        assertEquals(RunCost.memoryBytes(file), RunCost.memoryBytes(generated), 1e-6);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("noise: -1\nnetwork: {activation: relu}\ncolour: blue"));
        assertEquals(3, e.problems().size(), e.getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesFileAndLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> ConfigFiles.parse("noise: 0.1\nnetwork: {hidden: [50\n", "broken.yaml"));
        assertTrue(e.getMessage().startsWith("broken.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void settingsOverrideAnyPathAndExpandShorthand() {
        ObjectNode tree = ConfigFiles.parse("estimator: threshold\nnoise: 0.1", "t.yaml");
        ConfigFiles.applySettings(tree, List.of("noise=0.5", "network.hidden=[30,30]", "estimator.threshold=0.2",
                "seed=3"));
        RunConfig c = RunConfig.parse(tree, "t.yaml");
        assertEquals(0.5, c.noise());
        assertArrayEquals(new int[] {30, 30}, c.network().hidden());
        assertEquals("threshold", c.estimator().name());
        assertEquals("0.2", c.estimator().parameters().get("threshold"));
        assertEquals(3, c.seed());
    }

    /**
     * {@code complex: real} is written to the resolved config only when set: a file run's id is the SHA-256 of
     * that config, and one written always would have changed every existing file run's id (and retrained it
     * on {@code --resume}). The id pinned here is the one this config had before the key existed.
     */
    @Test
    void complexRealChangesTheRunIdOnlyWhereItIsSet() {
        String file = "dataset: {type: file, path: data/burgers-pdefind.npz, truth: {u_xx: 0.1, \"u*u_x\": -1.0}}\n";
        RunConfig before = parse(file);
        RunConfig real = parse(file.replace("truth:", "complex: real, truth:"));
        assertEquals(FILE_RUN_ID_BEFORE_COMPLEX, before.runId());
        assertTrue(!before.toTree().get("dataset").has("complex"), before.toTree().toString());
        assertEquals("real", real.toTree().get("dataset").get("complex").asText());
        assertNotEquals(before.runId(), real.runId());
        assertTrue(real.dataset() instanceof FileDataset f && f.realPartOfComplex());
    }

    /** The run id of the config above as main computed it before {@code complex} (commit 9e09a2e). */
    private static final String FILE_RUN_ID_BEFORE_COMPLEX = "6a3f12a901d2867b";

    /** Through the config to the reader: the real part of a .mat whose imaginary part is half of it. */
    @Test
    void complexRealReadsTheRealPartOfAFile(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path file = ComplexMatFiles.pdeFindShaped(dir.resolve("half-imaginary.mat"), 0.5);
        String dataset = "dataset: {type: file, path: " + file + ", fields: [usol]";
        RunPipeline.LoadedData loaded = RunPipeline.load(parse(dataset + ", complex: real}").dataset(),
                new Configuration());
        Dataset read = loaded.dataset();
        assertEquals(ComplexMatFiles.NX * ComplexMatFiles.NT, read.size());
        assertEquals(1 + (ComplexMatFiles.NX - 1) + (ComplexMatFiles.NT - 1), Arrays.stream(read.targetsFlat()).max().orElseThrow(), 0.0);
        assertEquals(1, loaded.notes().size(), "the dropped imaginary part is noted: " + loaded.notes());
        String note = loaded.notes().get(0);
        assertTrue(note.contains("variable 'usol' is complex")
                && note.endsWith("was dropped as the dataset's 'complex: real' asks"), note);
        assertThrows(BadInputException.class, () -> RunPipeline.load(parse(dataset + "}").dataset(),
                new Configuration()));
    }

    @Test
    void runIdIsStableAndFollowsTheResolvedConfig() {
        RunConfig a = parse("noise: 0.1\nnetwork: {hidden: [50, 50, 50, 50]}");
        RunConfig b = parse("network: {hidden: [50, 50, 50, 50]}\nnoise: 0.10");
        RunConfig defaults = parse("noise: 0.1");
        assertEquals(a.runId(), b.runId(), "key order and number format do not matter");
        assertEquals(a.runId(), defaults.runId(), "an explicit default is the same run");
        assertNotEquals(a.runId(), parse("noise: 0.1\nseed: 1").runId());
        assertEquals(16, a.runId().length());
    }
}
