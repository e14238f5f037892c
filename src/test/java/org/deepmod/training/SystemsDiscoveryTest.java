package org.deepmod.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.deepmod.experiment.RunResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The systems beyond Burgers, KdV and advection–diffusion, end to end with their shipped configs (seed 0,
 * CPU): for every field the exact set of true terms and each coefficient within the stated relative
 * tolerance of the truth, in the data's units. Allen–Cahn and Keller–Segel, with the 1d library and with the
 * terms its physics allows (~20, ~30 and ~30 s), run in the default suite, so that a cubic library, a two-field
 * discovery and a library of named terms are always tested; the others take longer and are
 * tagged {@code discovery} ({@code mvn test -Pdiscovery -Dtest=SystemsDiscoveryTest}).
 */
class SystemsDiscoveryTest {
    /** tolerances: field -> true term -> largest relative error allowed. */
    private static void assertDiscovered(RunResult r, Map<String, Map<String, Double>> tolerances) {
        RunResult.Discovery found = r.discovery();
        RunResult.TruthCheck check = r.truthCheck();
        List<RunResult.OutputResult> outputs = r.outputs() != null ? r.outputs()
                : List.of(new RunResult.OutputResult("u", found.mask(), found.coefficients(), null, null, null,
                        found.equation(), check.truth(), check.correctSupport(), check.coefficientErrors()));
        assertEquals(tolerances.size(), outputs.size());
        for (RunResult.OutputResult o : outputs) {
            Map<String, Double> fieldTolerances = tolerances.get(o.output());
            TreeSet<String> active = new TreeSet<>();
            for (int j = 0; j < found.terms().size(); j++) {
                if (o.mask()[j]) {
                    active.add(found.terms().get(j));
                }
            }
            assertEquals(new TreeSet<>(fieldTolerances.keySet()), active, o.output() + ": " + o.equation());
            assertTrue(o.correctSupport(), o.equation());
            fieldTolerances.forEach((term, tolerance) -> {
                double error = o.coefficientErrors().get(term);
                assertTrue(error < tolerance, o.output() + ": " + term + ": relative error " + error + " in "
                        + o.equation());
            });
        }
        assertTrue(check.correctSupport(), "every field's support");
        assertTrue(r.status() == RunStatus.CONVERGED || r.status() == RunStatus.MAX_ITERATIONS, r.status().name());
    }

    /** Measured (seed 0): 5876 iterations, every coefficient within 0.4 %. */
    @Test
    @Tag("discovery")
    void lotkaVolterraOde() {
        assertDiscovered(DiscoveryTest.run("lotka-volterra.yaml"),
                Map.of("u", Map.of("u", 0.02, "u*v", 0.02), "v", Map.of("v", 0.02, "u*v", 0.02)));
    }

    /** Measured (seed 0): 4401 iterations, errors 9.4 % (u: u_xx), 0.1 % (u: v), 0.5 % (v: u), 1.9 % (v: v_xx). */
    @Test
    @Tag("discovery")
    void diffusionRotationTwoFields() {
        assertDiscovered(DiscoveryTest.run("diffusion-rotation.yaml"),
                Map.of("u", Map.of("u_xx", 0.15, "v", 0.05), "v", Map.of("v_xx", 0.15, "u", 0.05)));
    }

    /**
     * Cubic library, fitted by a SIREN. Measured (seed 0): 1451 iterations, errors 0.01 % (u_xx), 0.04 % (u),
     * 0.1 % (u^3); every coefficient within 0.85 % over seeds 0-9.
     */
    @Test
    void allenCahnCubic() {
        assertDiscovered(DiscoveryTest.run("allen-cahn.yaml"),
                Map.of("u", Map.of("u_xx", 0.05, "u", 0.05, "u^3", 0.05)));
    }

    /**
     * Fourth order: u_t = -u u_x - u_xx - u_xxxx on PDE-FIND's chaotic domain, fitted by a SIREN. Measured (seed 0,
     * with the former default: 4000 samples, threshold 0.1):
     * 4476 iterations, errors 0.8 % (u_xx), 1.2 % (u_xxxx), 0.4 % (u*u_x). The shipped config (10 000 samples,
     * stability selection, masks on plateaus), seed 0: 4151 iterations, errors 3.6 % (u_xx), 2.5 % (u_xxxx),
     * 1.1 % (u*u_x); seeds 0-9 and 20-29: 10 of 10 exact each.
     */
    @Test
    @Tag("discovery")
    void kuramotoSivashinskyFourthOrder() {
        assertDiscovered(DiscoveryTest.run("kuramoto-sivashinsky.yaml"),
                Map.of("u", Map.of("u_xx", 0.05, "u_xxxx", 0.05, "u*u_x", 0.05)));
    }

    /** The same at 10 % noise. Measured (seed 0): 4526 iterations, errors 0.9 % (u_xx), 1.6 % (u_xxxx), 1.0 % (u*u_x). */
    @Test
    @Tag("discovery")
    void kuramotoSivashinskyAtTenPercentNoise() {
        assertDiscovered(DiscoveryTest.run("kuramoto-sivashinsky-noise.yaml"),
                Map.of("u", Map.of("u_xx", 0.05, "u_xxxx", 0.05, "u*u_x", 0.05)));
    }

    /**
     * Chemotaxis, two fields coupled through the cross terms u_x*v_x and u*v_xx, at 1 % noise. Measured (seed 0):
     * 1526 iterations, errors 0.3 % (u: u_x*v_x), 0.02 % (u: u_xx), 0.1 % (u: u*v_xx), 0.1 % (v: u), 0.3 % (v: v),
     * 1.1 % (v: v_xx).
     */
    @Test
    void kellerSegelChemotaxis() {
        assertDiscovered(DiscoveryTest.run("keller-segel.yaml"),
                Map.of("u", Map.of("u_xx", 0.05, "u_x*v_x", 0.05, "u*v_xx", 0.05),
                        "v", Map.of("v_xx", 0.05, "u", 0.05, "v", 0.05)));
    }

    /**
     * keller-segel.yaml with a library of the candidates the physics allows, one list per field (6 terms for u,
     * 5 for v instead of the 20 of the two-field 1d library): both equations. In the default suite, so that a
     * two-field terms library is always trained. Measured (seed 0): 1326 iterations, 57 s on a loaded machine,
     * u: u_xx 0.4997, u_x*v_x -2.004, u*v_xx -1.993 (errors 0.06 %, 0.2 %, 0.35 %).
     */
    @Test
    void kellerSegelWithTheTermsThePhysicsAllows() {
        assertDiscovered(DiscoveryTest.run("keller-segel-terms.yaml"),
                Map.of("u", Map.of("u_xx", 0.05, "u_x*v_x", 0.05, "u*v_xx", 0.05),
                        "v", Map.of("v_xx", 0.05, "u", 0.05, "v", 0.05)));
    }

    /**
     * burgers.yaml with named terms that add decoys no product library holds, sin(u) and x*u_x: exactly u_xx and
     * u*u_x remain. Measured (seed 0): 3751 iterations, 66 s on a loaded machine, u_xx 0.09622 (3.8 %),
     * u*u_x -1.006 (0.6 %).
     */
    @Test
    @Tag("discovery")
    void burgersWithNamedDecoysKeepsOnlyTheTrueTerms() {
        assertDiscovered(DiscoveryTest.run("burgers-terms.yaml"),
                Map.of("u", Map.of("u_xx", 0.1, "u*u_x", 0.1)));
    }

    /**
     * DeePyMoD's own burgers.npy (a pickled dict read by the restricted unpickler) end to end. Measured (seed 0):
     * 5351 iterations, u_xx 0.09846 (1.5 %), u*u_x -0.9843 (1.6 %).
     */
    @Test
    @Tag("discovery")
    void deepymodsPickledBurgersFile() {
        assertDiscovered(DiscoveryTest.run("burgers-deepymod.yaml"), Map.of("u", Map.of("u_xx", 0.05, "u*u_x", 0.05)));
    }

    /**
     * burgers.yaml with coordinates min-max normalised and u divided by max|u|: the same equation, in the data's
     * units. Measured (seed 0): 5326 iterations, u_xx 0.0965 (3.6 %), u*u_x -1.013 (1.3 %).
     */
    @Test
    @Tag("discovery")
    void normalisedBurgersGivesTheSameEquationInDataUnits() {
        assertDiscovered(DiscoveryTest.run("burgers-normalized.yaml"), Map.of("u", Map.of("u_xx", 0.10, "u*u_x", 0.05)));
    }
}
