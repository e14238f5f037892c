package org.deepmod.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.deepmod.config.ConfigException;
import org.deepmod.config.ConfigFiles;
import org.deepmod.config.FileDataset;
import org.deepmod.config.RunConfig;

/** The keys for several fields, ODEs, a file's variable names and normalisation. */
class SystemConfigTest {
    private static final Path PROJECT = Path.of(System.getProperty("deepmod.project.dir", "."));

    private static RunConfig parse(String yaml) {
        return RunConfig.parse(ConfigFiles.parse(yaml, "test.yaml"), "test.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lotka-volterra.yaml", "diffusion-rotation.yaml", "kuramoto-sivashinsky.yaml",
        "kuramoto-sivashinsky-noise.yaml", "allen-cahn.yaml", "keller-segel.yaml", "burgers-deepymod.yaml",
        "burgers-normalized.yaml"})
    void shippedConfigsParseWithATruthForEveryField(String name) {
        Path file = PROJECT.resolve("configs").resolve(name);
        RunConfig c = RunConfig.parse(ConfigFiles.read(file), file.toString());
        Map<String, Map<String, Double>> truth = c.dataset().knownTruth();
        assertEquals(c.dataset().fieldCount(), truth.size(), name);
        List<String> terms = RunPipeline.library(c, c.dataset().fieldCount()).termNames();
        truth.values().forEach(t -> assertTrue(terms.containsAll(t.keySet()), name + ": " + t + " not in " + terms));
    }

    @Test
    void truthPerFieldAndCoordsOfAFile() {
        RunConfig c = parse("dataset: {type: file, path: data/ks.mat, fields: [uu, vv], coords: {t: tt, x: x},"
                + " truth: {u: {u_xx: 0.1}, v: {\"u*v\": -1}}}");
        assertEquals(Map.of("u", Map.of("u_xx", 0.1), "v", Map.of("u*v", -1.0)), c.dataset().knownTruth());
        assertEquals(List.of("tt", "x"), List.copyOf(((FileDataset) c.dataset()).coords().values()));
        assertEquals(1, c.dataset().spatialDims());
        assertTrue(c.toTree().toString().contains("\"coords\":{\"t\":\"tt\",\"x\":\"x\"}"), c.toTree().toString());
    }

    @Test
    void aFileWithOnlyTimeIsAnOdeWithAnOdeLibrary() {
        RunConfig c = parse("dataset: {type: file, path: data/lv.npz, fields: [prey, predator], coords: {t: time}}");
        assertEquals(0, c.dataset().spatialDims());
        assertEquals("ode", c.library().type());
        assertEquals(List.of("1", "v", "v^2", "u", "u*v", "u*v^2", "u^2", "u^2*v", "u^2*v^2"),
                RunPipeline.library(c, 2).termNames());
    }

    @Test
    void defaultsLeaveTheRunIdOfOlderConfigsAlone() {
        String old = "dataset: {type: file, path: data/b.npz, fields: [u], truth: {u_xx: 0.1}}";
        RunConfig a = parse(old);
        RunConfig b = parse("dataset: {type: file, path: data/b.npz, fields: [u], coords: {t: t, x: x},"
                + " truth: {u: {u_xx: 0.1}}}\nnormalize: {coords: none, data: none}");
        assertEquals(a.runId(), b.runId());
        assertFalse(a.toTree().has("normalize"));
        assertFalse(parse("normalize: {coords: minmax}").runId().equals(parse("{}").runId()));
    }

    /** "; " separates top-level keys (a line break would end the table row). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "dataset: {type: file, path: a.npz, fields: [a, b], truth: {u_xx: 1}} | dataset.truth: with 2 fields give one",
        "dataset: {type: file, path: a.npz, truth: {q: {u_xx: 1}}}            | dataset.truth.q: not one of the fields",
        "dataset: {type: file, path: a.npz, coords: {x: x}}                   | dataset.coords: expected a mapping",
        "dataset: {type: file, path: a.npz, coords: {t: t, y: y}}             | dataset.coords.y: needs x before it",
        "dataset: {type: file, path: a.npz, coords: {t: t, z: z}}             | dataset.coords.z: not a coordinate",
        "dataset: {type: lotka-volterra}; library: {type: 1d}                  | library.type: '1d' does not fit",
        "library: {type: ode}                                                 | library.type: 'ode' does not fit",
        "dataset: {type: lotka-volterra}; library: {type: ode, diff: 2}        | library.diff: an ode library",
        "normalize: {data: zscore}                                            | normalize.data: 'zscore' is not one of",
        "dataset: {type: lotka-volterra, alpha: -1}                           | dataset.type: lotka-volterra: alpha"})
    void badKeysNameThePath(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml.replace("; ", "\n")));
        assertTrue(e.getMessage().contains(expected), () -> "message was: " + e.getMessage());
    }
}
