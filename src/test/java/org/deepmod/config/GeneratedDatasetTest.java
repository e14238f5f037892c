package org.deepmod.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deepmod.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GeneratedDatasetTest {
    /** Each kind's fields and spatial dimensions, as its system has them. */
    private static final Map<String, List<Integer>> SHAPES = Map.ofEntries(
            Map.entry("burgers-delta", List.of(1, 1)),
            Map.entry("burgers-cos", List.of(1, 1)),
            Map.entry("burgers-sawtooth", List.of(1, 1)),
            Map.entry("kdv-single-soliton", List.of(1, 1)),
            Map.entry("kdv-double-soliton", List.of(1, 1)),
            Map.entry("diffusion-gaussian", List.of(1, 1)),
            Map.entry("advection-diffusion-2d", List.of(1, 2)),
            Map.entry("lotka-volterra", List.of(2, 0)),
            Map.entry("diffusion-rotation", List.of(2, 1)),
            Map.entry("kuramoto-sivashinsky", List.of(1, 1)),
            Map.entry("allen-cahn", List.of(1, 1)),
            Map.entry("keller-segel", List.of(2, 1)));

    private static RunConfig parse(String yaml) {
        return RunConfig.parse(ConfigFiles.parse(yaml, "test.yaml"), "test.yaml");
    }

    /**
     * The fields and spatial dimensions a kind states (which size the network, the library and the memory
     * estimate before any data exists) are those of the data it generates, on its default grid; and its default
     * config writes itself back into a tree that reads the same.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(GeneratedDataset.Kind.class)
    void eachKindStatesTheShapeOfTheDataItGenerates(GeneratedDataset.Kind kind) {
        RunConfig c = parse("dataset: " + kind.type());
        GeneratedDataset dataset = (GeneratedDataset) c.dataset();
        assertEquals(SHAPES.get(kind.type()), List.of(dataset.fieldCount(), dataset.spatialDims()),
                "fields and spatial dimensions (a new kind goes into SHAPES too)");
        Dataset data = dataset.generate();
        assertEquals(data.targetDims(), dataset.fieldCount(), "fields");
        assertEquals(data.coordDims() - 1, dataset.spatialDims(), "spatial dimensions");
        assertEquals(dataset.gridPoints(), data.size(), "points");
        assertEquals(Dataset.canonicalTargetNames(dataset.fieldCount()), data.targetNames());
        assertEquals(Set.copyOf(data.targetNames()), dataset.knownTruth().keySet(), "a truth for every field");

        RunConfig again = RunConfig.parse(c.toTree(), "resolved");
        assertEquals(c, again);
        assertEquals(c.toTree(), again.toTree());
        assertEquals(kind.type(), c.toTree().get("dataset").get("type").asText());
    }

    /** A file's dimensions come from its coords, and its fields from the names it gives. */
    @Test
    void aFileDatasetsShapeIsWhatItNames() {
        DatasetSpec ode = parse("dataset: {type: file, path: a.npz, fields: [a, b], coords: {t: time}}").dataset();
        assertEquals(2, ode.fieldCount());
        assertEquals(0, ode.spatialDims());
        RunConfig plane = parse("dataset: {type: file, path: a.npz, spatialDims: 2}");
        assertEquals(1, plane.dataset().fieldCount());
        assertEquals(2, plane.dataset().spatialDims());
        assertEquals(2, plane.toTree().get("dataset").get("spatialDims").asInt(), "written back");
    }
}
