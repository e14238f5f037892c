package org.deepmod.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad sweep files are rejected before anything runs, each problem under its path in the file. */
class BadSweepFileTest {

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("no base", "name: x\naxes: {noise: [0.1]}\n", "base: required"),
                Arguments.of("base neither a mapping nor a file", "base: [1]\n", "base: expected a run config"),
                Arguments.of("base file missing", "base: nowhere.yaml\n", "base: nowhere.yaml: no such file"),
                Arguments.of("set not a mapping", SweepFiles.tiny("set: 3\n"), "set: expected a mapping"),
                Arguments.of("bad value in set", SweepFiles.tiny("set: {samples: -1}\n"),
                        "set.samples: samples: -1 is out of range"),
                Arguments.of("set path through a plain value", SweepFiles.tiny("set: {noise.x: 1}\n"),
                        "set.noise.x: path 'noise.x': 'noise' is not a mapping"),
                Arguments.of("unknown top-level key", SweepFiles.tiny("axis: {noise: [0.1]}\n"), "axis: unknown key"),
                Arguments.of("consensus beyond a fraction", SweepFiles.tiny("report: {consensus: 1.5}\n"),
                        "report.consensus: 1.5 is out of range [0.0, 1.0]"),
                Arguments.of("unknown report key", SweepFiles.tiny("report: {concensus: 0.5}\n"),
                        "report.concensus: unknown key"),
                Arguments.of("axes not a mapping", SweepFiles.tiny("axes: [noise]\n"), "axes: expected a mapping"),
                Arguments.of("axis without a list", SweepFiles.tiny("axes: {noise: 0.1}\n"),
                        "axes.noise: expected a non-empty list of values"),
                Arguments.of("axis with an empty list", SweepFiles.tiny("axes: {noise: []}\n"),
                        "axes.noise: expected a non-empty list of values, got an empty list"),
                Arguments.of("axis path with an empty key", SweepFiles.tiny("axes: {network..hidden: [[8]]}\n"),
                        "axes.network..hidden: 'network..hidden' has an empty key"),
                Arguments.of("zip lists of different lengths",
                        SweepFiles.tiny("axes: {zip: {noise: [0.0, 0.1], seed: [1, 2, 3]}}\n"),
                        "axes.zip: the lists of a zip group are paired element by element and must have one length; "
                                + "got noise: 2, seed: 3"),
                Arguments.of("zip group not a mapping",
                        SweepFiles.tiny("axes: {zip: [{noise: [0.0]}, [1, 2]]}\n"), "axes.zip[1]: expected a mapping"),
                Arguments.of("zip not a mapping", SweepFiles.tiny("axes: {zip: 3}\n"), "axes.zip: expected a mapping"),
                Arguments.of("seeds zero", SweepFiles.tiny("seeds: 0\n"), "seeds: 0 is out of range [1, 100000]"),
                Arguments.of("seeds list with text", SweepFiles.tiny("seeds: [1, two]\n"),
                        "seeds[1]: expected a whole number, got the text 'two'"),
                Arguments.of("seed both an axis and seeds", SweepFiles.tiny("axes: {seed: [1, 2]}\nseeds: 3\n"),
                        "seeds: the path seed is already an axis at axes.seed"),
                Arguments.of("bad value on an axis", SweepFiles.tiny("axes: {noise: [0.0, 0.1, 20]}\n"),
                        "axes.noise[2]: noise: 20.0 is out of range [0.0, 10.0]"),
                Arguments.of("bad list element on an axis", SweepFiles.tiny("axes: {network.hidden: [[8], [8, 0]]}\n"),
                        "axes.network.hidden[1]: network.hidden[1]: 0 is out of range [1, 4096]"),
                Arguments.of("unknown choice on an axis", SweepFiles.tiny("axes: {network.activation: [tanh, relu]}\n"),
                        "axes.network.activation[1]: network.activation: 'relu' is not one of"),
                Arguments.of("unknown estimator on an axis", SweepFiles.tiny("axes: {estimator: [threshold, nope]}\n"),
                        "axes.estimator[1]: estimator.name: "),
                Arguments.of("estimator parameter misspelt on an axis",
                        SweepFiles.tiny("axes: {estimator.threshhold: [0.1]}\n"),
                        "axes.estimator.threshhold[0]: estimator.name: "),
                Arguments.of("axis path through a plain value", SweepFiles.tiny("axes: {noise.level: [0.1]}\n"),
                        "axes.noise.level: path 'noise.level': 'noise' is not a mapping"),
                Arguments.of("unknown key in the base", "base: {trainig: {maxIterations: 10}}\n",
                        "base.trainig: unknown key"),
                Arguments.of("bad value in the base", "base: {network: {hidden: [0]}}\nseeds: 2\n",
                        "base.network.hidden[0]: 0 is out of range [1, 4096]"),
                Arguments.of("two values give one run", SweepFiles.tiny("axes: {noise: [0, 0.0]}\n"),
                        "axes.noise[0] and axes.noise[1]: give the same run"),
                Arguments.of("a key the config ignores", SweepFiles.tiny(
                        "axes: {scheduler: [train-test], scheduler.periodicity: [10, 20]}\n"),
                        "axes.scheduler.periodicity[0] and axes.scheduler.periodicity[1]: give the same run"),
                Arguments.of("grid too large", SweepFiles.tiny("axes: {noise: [0.0, 0.1]}\nseeds: 60000\n"),
                        "axes: the grid makes 120000 runs; at most 100000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void isRejectedWithItsPath(String title, String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> SweepFiles.plan(yaml));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(expected)),
                () -> "expected a problem starting with '" + expected + "', got " + e.problems());
        assertTrue(e.getMessage().startsWith("sweep.yaml: "), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnceAndEachOnlyOnce() {
        String yaml = """
                name: many
                base:
                  network: {hidden: [0]}
                  training: {maxIterations: 100}
                axes:
                  noise: [0.0, 20, 30]
                  estimator.threshold: [0.1, 0.2]
                seeds: 3
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> SweepFiles.plan(yaml));
        assertEquals(List.of(
                "base.network.hidden[0]: 0 is out of range [1, 4096]",
                "axes.noise[1]: noise: 20.0 is out of range [0.0, 10.0]",
                "axes.noise[2]: noise: 30.0 is out of range [0.0, 10.0]"), e.problems());
    }

    @Test
    void problemsOfTheShapeAndOfTheBaseComeTogether() {
        ConfigException e = assertThrows(ConfigException.class, () -> SweepFiles.plan(
                "base: {noise: -1, samples: 300}\naxes: {samples: 5}\n"));
        assertEquals(List.of("axes.samples: expected a non-empty list of values, got '5' (an axis is a config path such as "
                + "noise or network.hidden with a list of values)", "base.noise: -1.0 is out of range [0.0, 10.0]"),
                e.problems());
    }

    @Test
    void aProblemInABaseFileNamesThatFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("run.yaml"), "network: {hidden: [0]}\nnoise: 0.1\n");
        Files.writeString(dir.resolve("sweep.yaml"), "base: run.yaml\naxes: {noise: [0.0, 0.2]}\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SweepPlan.expand(SweepConfig.read(dir.resolve("sweep.yaml"))));
        assertEquals(List.of(dir.resolve("run.yaml") + ": network.hidden[0]: 0 is out of range [1, 4096]"),
                e.problems());
    }

    @Test
    void invalidYamlNamesTheLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> SweepFiles.parse("base: {noise: 0.1}\naxes: {noise: [0.1, 0.2]\nseeds: 3\n"));
        assertTrue(e.getMessage().matches("(?s)sweep\\.yaml:\\d+:\\d+: not valid YAML.*"), e.getMessage());
    }
}
