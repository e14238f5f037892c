package org.deepmod.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expansion of sweep files into runs: grid and zip sizes, order, labels and stable runIds. */
class SweepPlanTest {

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("no axes: the base alone", "", 1),
                Arguments.of("one axis", "axes: {noise: [0.0, 0.1, 0.2]}\n", 3),
                Arguments.of("seeds shorthand", "seeds: 10\n", 10),
                Arguments.of("seeds as a list", "seeds: [3, 7]\n", 2),
                Arguments.of("grid of two axes and seeds", """
                        axes: {noise: [0.0, 0.1, 0.2], estimator.threshold: [0.05, 0.1]}
                        seeds: 3
                        """, 18),
                Arguments.of("zip pairs its lists", """
                        axes:
                          zip: {network.hidden: [[8], [16], [24]], training.maxIterations: [50, 100, 150]}
                        """, 3),
                Arguments.of("zip times an axis times seeds", """
                        axes:
                          noise: [0.0, 0.5]
                          zip: {network.hidden: [[8], [16]], training.maxIterations: [50, 100]}
                        seeds: 2
                        """, 8),
                Arguments.of("two zip groups make a grid", """
                        axes:
                          zip:
                            - {network.hidden: [[8], [16]], training.maxIterations: [50, 100]}
                            - {dataset.nu: [0.1, 0.2, 0.3], dataset.a: [1.0, 1.5, 2.0]}
                        """, 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void expandsToTheGridSizeWithDistinctRunIds(String title, String axes, int runs) {
        SweepPlan plan = SweepFiles.plan(SweepFiles.tiny(axes));
        assertEquals(runs, plan.runs().size());
        assertEquals(runs, new HashSet<>(plan.runs().stream().map(PlannedRun::runId).toList()).size());
    }

    @Test
    void theFirstAxisVariesSlowestAndSeedsFastest() {
        SweepPlan plan = SweepFiles.plan(SweepFiles.tiny("""
                axes: {noise: [0.0, 0.1], estimator.threshold: [0.05, 0.1]}
                seeds: 2
                """));
        List<String> order = plan.runs().stream().map(r -> r.axes().toString()).toList();
        assertEquals("{noise=0.0, estimator.threshold=0.05, seed=0}", order.get(0));
        assertEquals("{noise=0.0, estimator.threshold=0.05, seed=1}", order.get(1));
        assertEquals("{noise=0.0, estimator.threshold=0.1, seed=0}", order.get(2));
        assertEquals("{noise=0.1, estimator.threshold=0.05, seed=0}", order.get(4));
        assertEquals(List.of("noise", "estimator.threshold", "seed"), plan.axisPaths());
        assertEquals(List.of("noise=0.0, estimator.threshold=0.05", "noise=0.0, estimator.threshold=0.1",
                "noise=0.1, estimator.threshold=0.05", "noise=0.1, estimator.threshold=0.1"), plan.configurations());
    }

    @Test
    void zipPairsValuesElementByElement() throws Exception {
        SweepPlan plan = SweepFiles.plan(SweepFiles.tiny("""
                axes:
                  zip: {network.hidden: [[8], [16, 16]], training.maxIterations: [50, 150]}
                """));
        ObjectMapper json = new ObjectMapper();
        var first = json.readTree(plan.runs().get(0).configJson());
        var second = json.readTree(plan.runs().get(1).configJson());
        assertEquals("[8]", first.get("network").get("hidden").toString());
        assertEquals(50, first.get("training").get("maxIterations").asInt());
        assertEquals("[16,16]", second.get("network").get("hidden").toString());
        assertEquals(150, second.get("training").get("maxIterations").asInt());
        assertEquals(Map.of("network.hidden", "[16,16]", "training.maxIterations", "150"), plan.runs().get(1).axes());
    }

    /** The runId depends on the run's resolved config only: not on the file's layout or on how it was reached. */
    @Test
    void runIdsAreStableAndEqualToThoseOfTheSameRunConfig() throws Exception {
        String sweep = SweepFiles.tiny("axes: {noise: [0.0, 0.1]}\nseeds: 2\n");
        List<String> ids = SweepFiles.plan(sweep).runs().stream().map(PlannedRun::runId).toList();
        assertEquals(ids, SweepFiles.plan(sweep).runs().stream().map(PlannedRun::runId).toList());

        String reordered = "seeds: 2\naxes: {noise: [0.0, 0.1]}\nname: test\n" + SweepFiles.TINY_BASE
                .replace("  noise: 0.05\n", "").replace("base:\n", "base:\n  noise: 0.05\n");
        assertEquals(ids, SweepFiles.plan(reordered).runs().stream().map(PlannedRun::runId).toList());

        ObjectNode single = SweepFiles.parse(sweep).base().tree().deepCopy();
        ConfigFiles.applySettings(single, List.of("noise=0.1", "seed=1"));
        assertEquals(ids.get(3), RunConfig.parse(single, "run.yaml").runId());

        for (PlannedRun run : SweepFiles.plan(sweep).runs()) {
            RunConfig again = RunConfig.parse(new ObjectMapper().readTree(run.configJson()), "executor");
            assertEquals(run.runId(), again.runId(), "the config shipped to executors hashes to the same runId");
            assertEquals(run.seed(), again.seed());
        }
        assertTrue(ids.stream().allMatch(id -> id.matches("[0-9a-f]{16}")));
    }

    @Test
    void anEstimatorAxisReplacesTheWholeSectionAndReadsAsItsName() {
        SweepPlan plan = SweepFiles.plan(SweepFiles.tiny("""
                axes:
                  estimator: [lasso-cv, {name: threshold, threshold: 0.2}]
                """));
        assertEquals("lasso-cv", plan.runs().get(0).axes().get("estimator"));
        assertEquals("threshold(threshold=0.2)", plan.runs().get(1).axes().get("estimator"));
    }

    @Test
    void longerRunsCostMore() {
        SweepPlan plan = SweepFiles.plan(
                SweepFiles.tiny("axes: {training.maxIterations: [100, 1000], samples: [300, 600]}\n"));
        double[] cost = plan.runs().stream().mapToDouble(PlannedRun::cost).toArray();
        assertTrue(cost[0] < cost[1] && cost[1] < cost[3] && cost[2] < cost[3] && cost[0] < cost[2]);
    }

    @Test
    void dataPathsAreResolvedByTheGivenResolverBeforeHashing() {
        String sweep = "name: f\nbase:\n  dataset: {type: file, path: data/b.npz, truth: {u_xx: 0.1}}\nseeds: 2\n";
        SweepPlan plan = SweepPlan.expand(SweepFiles.parse(sweep), p -> "file:/abs/" + p);
        assertTrue(plan.runs().get(0).configJson().contains("\"path\":\"file:/abs/data/b.npz\""));
        assertTrue(plan.runs().get(0).configJson().contains("\"name\":\"f\""), "a base without a name takes the sweep's");
    }

    /** A base may be a run config file (relative to the sweep file) with overrides, like deepmod run --set. */
    @Test
    void aBaseFileWithOverridesGivesTheRunsOfThatFileWithTheSettings(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("run.yaml"), SweepFiles.TINY_BASE.substring("base:\n".length())
                .replaceAll("(?m)^  ", ""));
        Path sweepFile = dir.resolve("sweep.yaml");
        Files.writeString(sweepFile, "name: s\nbase: run.yaml\nset: {samples: 400, network.hidden: [8]}\nseeds: 2\n");
        SweepPlan plan = SweepPlan.expand(SweepConfig.read(sweepFile));
        ObjectNode single = ConfigFiles.read(dir.resolve("run.yaml"));
        ConfigFiles.applySettings(single, List.of("samples=400", "network.hidden=[8]", "seed=1"));
        assertEquals(RunConfig.parse(single, "run.yaml").runId(), plan.runs().get(1).runId());
        assertEquals(Map.of("seed", "1"), plan.runs().get(1).axes());
    }

    @Test
    void shippedSweepConfigsExpand() {
        Path configs = Path.of(System.getProperty("deepmod.project.dir", ".")).resolve("configs");
        SweepPlan quickstart = SweepPlan.expand(SweepConfig.read(configs.resolve("quickstart.yaml")));
        assertEquals(6, quickstart.runs().size(), "3 noise levels x 2 seeds");
        assertEquals(3, quickstart.configurations().size(), "one configuration per noise level");
        assertEquals(0.5, quickstart.sweep().consensus());
        SweepPlan burgers = SweepPlan.expand(SweepConfig.read(configs.resolve("burgers-noise.yaml")));
        assertEquals(180, burgers.runs().size());
        assertEquals(18, burgers.configurations().size());
        assertEquals(180, SweepPlan.expand(SweepConfig.read(configs.resolve("kdv-noise.yaml"))).runs().size());
    }
}
