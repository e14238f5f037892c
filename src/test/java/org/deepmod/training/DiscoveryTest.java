package org.deepmod.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.deepmod.config.ConfigFiles;
import org.deepmod.experiment.RunPipeline;
import org.deepmod.config.RunConfig;
import org.deepmod.experiment.RunEnvironment;
import org.deepmod.experiment.RunResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End-to-end discovery with the shipped configs: the exact set of active terms and each coefficient within
 * a tolerance of the truth, in the units of the data. Seeded, CPU. The Burgers 5 % case runs by default;
 * the longer ones are tagged {@code discovery} ({@code mvn test -Pdiscovery}).
 */
class DiscoveryTest {
    private static final Path CONFIGS = Path.of(System.getProperty("deepmod.project.dir", ".")).resolve("configs");

    static RunResult run(String config, String... settings) {
        var tree = ConfigFiles.read(CONFIGS.resolve(config));
        ConfigFiles.applySettings(tree, List.of(settings));
        RunConfig run = RunConfig.parse(tree, config);
        RunResult r = RunPipeline.run(run, RunEnvironment.cpu()).result();
        System.out.printf("%s %s: %s after %d iterations, %.1f s: %s%n", config, String.join(" ", settings),
                r.status(), r.training().iterations(), r.training().seconds(), r.discovery().equation());
        return r;
    }

    private static void assertDiscovered(RunResult r, Map<String, Double> tolerances) {
        RunResult.Discovery found = r.discovery();
        TreeSet<String> active = new TreeSet<>();
        for (int j = 0; j < found.terms().size(); j++) {
            if (found.mask()[j]) {
                active.add(found.terms().get(j));
            }
        }
        assertEquals(new TreeSet<>(tolerances.keySet()), active, found.equation());
        assertTrue(r.truthCheck().correctSupport(), found.equation());
        tolerances.forEach((term, tolerance) -> {
            double error = r.truthCheck().coefficientErrors().get(term);
            assertTrue(error < tolerance, term + ": relative error " + error + " in " + found.equation());
        });
        assertTrue(r.status() == RunStatus.CONVERGED || r.status() == RunStatus.MAX_ITERATIONS, r.status().name());
    }

    @Test
    void burgersFivePercentNoise() {
        assertDiscovered(run("burgers.yaml"), Map.of("u_xx", 0.10, "u*u_x", 0.05));
    }

    @Test
    @Tag("discovery")
    void burgersFiftyPercentNoise() {
        assertDiscovered(run("burgers.yaml", "noise=0.5"), Map.of("u_xx", 0.20, "u*u_x", 0.20));
    }

    /** The shipped defaults at noise as large as the signal (the rate over seeds: configs/noise-study/burgers-100.yaml). */
    @Test
    @Tag("discovery")
    void burgersHundredPercentNoise() {
        assertDiscovered(run("burgers.yaml", "noise=1.0"), Map.of("u_xx", 0.25, "u*u_x", 0.15));
    }

    @Test
    @Tag("discovery")
    void burgersPdeFindDataFile() {
        assertDiscovered(run("burgers-pdefind.yaml"), Map.of("u_xx", 0.10, "u*u_x", 0.10));
    }

    @Test
    @Tag("discovery")
    void advectionDiffusion2d() {
        assertDiscovered(run("advection-diffusion-2d.yaml"),
                Map.of("u_x", 0.10, "u_y", 0.10, "u_xx", 0.10, "u_yy", 0.10));
    }

    @Test
    @Tag("discovery")
    void kdvTwoSolitons() {
        assertDiscovered(run("kdv.yaml"), Map.of("u_xxx", 0.10, "u*u_x", 0.10));
    }
}
