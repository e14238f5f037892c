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
 * set-up of configs/burgers.yaml) and 3 seeds prints u_t = 0.1 u_xx - u u_x as the consensus, at least 2 of the
 * 3 seeds finding exactly those terms, the median coefficients within 8 % and 6 %. Measured on both files (the
 * same 256 x 101 grid): 2 of 3 exact (seed 0 loses u_xx), consensus 0.09235 and -0.9618 (7.6 % and 3.8 % off).
 * Minutes of training: the discovery profile.
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
        // a rate over seeds, not every seed: on this grid the 1-D defaults find exactly the true terms 9 of 10 times
        // (docs/results.md), and seed 0 is a known miss (it loses u_xx); the consensus is what discover reports
        assertTrue(u.correct() >= 2, u.correct() + " of 3 seeds found exactly the true terms");
        assertEquals(0.1, u.consensus().coefficients().get(0), 0.008);
        assertEquals(-1.0, u.consensus().coefficients().get(1), 0.06);
        assertTrue(run.out().contains(u.consensus().equation() + "   (the true terms)"), run.out());
    }
}
