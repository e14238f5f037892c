package org.deepmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepmod.results.SweepSummary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code deepmod discover} on the repository's Burgers files with its defaults (stability selection, the 1-D
 * set-up of configs/burgers.yaml) and 3 seeds prints u_t = 0.1 u_xx - u u_x as the consensus, every seed
 * finding exactly those terms, the median coefficients within 8 % and 6 % (measured on burgers-pdefind.npz with 2
 * seeds: 0.0957 and -0.967, 4.3 % and 3.3 % off). Minutes of training: the discovery profile.
 */
@Tag("discovery")
class DiscoverDiscoveryTest {
    private static final Path PROJECT = Path.of(System.getProperty("deepmod.project.dir", "."));

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"data/burgers-pdefind.npz", "data/deepymod-burgers.npy"})
    void theConsensusIsBurgers(String file) throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("discover", PROJECT.resolve(file).toString(), "--seeds", "3", "--truth",
                "u_xx=0.1,u*u_x=-1.0", "--master", "local[2]", "--out", out.toString());
        System.out.println(run.out());
        assertEquals(0, run.code(), run.out() + run.err());
        SweepSummary.FieldStatistics u = SweepSummary.fromJson(Files.readString(out.resolve("summary.json")))
                .configurations().get(0).field("u");
        assertEquals(List.of("u_xx", "u*u_x"), u.consensus().terms());
        assertTrue(u.consensus().correctSupport());
        assertEquals(3, u.correct(), "every seed found exactly the true terms");
        assertEquals(0.1, u.consensus().coefficients().get(0), 0.008);
        assertEquals(-1.0, u.consensus().coefficients().get(1), 0.06);
        assertTrue(run.out().contains(u.consensus().equation() + "   (the true terms)"), run.out());
    }
}
