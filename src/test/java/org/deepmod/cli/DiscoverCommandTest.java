package org.deepmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deepmod.BadInputException;
import org.deepmod.experiment.DiscoverySetup;
import org.deepmod.config.SweepConfig;
import org.deepmod.config.SweepPlan;
import org.deepmod.library.EquationFormatter;
import org.deepmod.results.SweepSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Matrix;

/**
 * {@code deepmod discover}: what it takes from a file by name, the sweep file it writes (the defaults for the
 * data's dimension), the numbers it prints (summary.json's), bad input in one line with exit 2, and a help text
 * that documents every option. That it finds the true equation is {@link DiscoverDiscoveryTest}'s (minutes).
 */
class DiscoverCommandTest {
    private static final Path PROJECT = Path.of(System.getProperty("deepmod.project.dir", "."));

    @TempDir
    Path dir;

    @AfterAll
    static void stopSpark() {
        org.apache.spark.sql.SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
    }

    @Test
    void helpDocumentsEveryOption() {
        CliRun help = CliRun.of("discover", "--help");
        assertEquals(0, help.code());
        CommandLine.Model.CommandSpec spec = new CommandLine(new DiscoverCommand()).getCommandSpec();
        assertTrue(spec.options().size() >= 11, spec.options().size() + " options");
        for (OptionSpec o : spec.options()) {
            assertTrue(help.out().contains(o.longestName()), o.longestName() + " in the help:\n" + help.out());
            assertTrue(String.join(" ", o.description()).length() > 10, o.longestName() + " has a description");
        }
        for (String option : List.of("--fields", "--coords", "--seeds", "--library", "--master", "--out", "--truth")) {
            assertTrue(help.out().contains(option), option);
        }
    }

    @Test
    void coordinatesAndFieldsAreTakenByName() {
        DiscoverySetup.Layout burgers = DiscoverySetup.layout("b.npz", List.of("x", "t", "u"), null, null);
        assertEquals(Map.of("t", "t", "x", "x"), burgers.coords());
        assertEquals(List.of("u"), burgers.fields());
        DiscoverySetup.Layout pdeFind = DiscoverySetup.layout("kdv.mat", List.of("tt", "x", "uu"), null, null);
        assertEquals(List.of("t", "x"), List.copyOf(pdeFind.coords().keySet()));
        assertEquals("tt", pdeFind.coords().get("t"));
        assertEquals(List.of("uu"), pdeFind.fields());
        assertTrue(String.join(";", pdeFind.choices()).contains("t=tt,x=x"), pdeFind.choices().toString());
        DiscoverySetup.Layout ode = DiscoverySetup.layout("lv.csv", List.of("time", "prey", "predator"), null, null);
        assertEquals(0, ode.spatialDims());
        assertEquals(List.of("prey", "predator"), ode.fields());
        DiscoverySetup.Layout given = DiscoverySetup.layout("a.npz", List.of("a", "b", "c", "d"),
                Map.of("t", "a", "x", "b"), List.of("d"));
        assertEquals(List.of("d"), given.fields());
    }

    @Test
    void theSweepFileHoldsTheDefaultsForTheDimension() throws IOException {
        DiscoverySetup.Layout layout = DiscoverySetup.layout("b.npz", List.of("x", "t", "u"), null, null);
        Path file = dir.resolve("discover.yaml");
        Files.writeString(file, DiscoverySetup.yaml(DiscoverySetup.sweep("discover-b", dir.resolve("out").toString(),
                PROJECT.resolve("data/burgers-pdefind.npz").toAbsolutePath().toString(), 25_856, layout, 3,
                List.of("poly=3"), Map.of("u", Map.of("u_xx", 0.1, "u*u_x", -1.0)),
                List.of("training.maxIterations=500")), "test"));
        SweepPlan plan = SweepPlan.expand(SweepConfig.read(file));
        assertEquals(3, plan.runs().size());
        org.deepmod.config.RunConfig run = org.deepmod.config.RunConfig.parse(
                org.deepmod.config.ConfigFiles.YAML.readTree(plan.runs().get(2).configJson()), "run 2");
        assertEquals(2, run.seed());
        assertEquals("stability-selection", run.estimator().name());
        assertEquals(3, run.library().poly(), "--library over the default");
        assertEquals(3, run.library().diff(), "the 1-D default (configs/burgers.yaml)");
        assertEquals(List.of(50, 50, 50, 50), java.util.Arrays.stream(run.network().hidden()).boxed().toList());
        assertEquals(500, run.training().maxIterations(), "--set over the default");
        assertEquals(0.0, run.noise(), "no noise added to the user's data");
        assertEquals(10_000, run.samples(), "the file's 25 856 points hold the default's samples");
        assertEquals(2000, run.collocation().points(), "the library at collocation points of its own");
        assertEquals(Map.of("u_xx", 0.1, "u*u_x", -1.0), run.dataset().knownTruth().get("u"));
    }

    /** A short sweep (2 seeds, 150 iterations): whatever it finds, the printed numbers are summary.json's. */
    @Test
    void thePrintedConsensusIsTheSweepsStatistics() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("discover", PROJECT.resolve("data/burgers-pdefind.npz").toString(), "--seeds", "2",
                "--set", "training.maxIterations=150", "--set", "samples=500", "--set", "network.hidden=[16,16]",
                "--truth", "u_xx=0.1,u*u_x=-1.0", "--master", "local[2]", "--out", out.toString());
        assertTrue(run.code() == 0 || run.code() == 3, run.out() + run.err());
        assertTrue(run.out().contains("coordinates t=t,x=x (by name"), run.out());
        assertTrue(run.out().contains("field(s) u "), run.out());
        SweepSummary summary = SweepSummary.fromJson(Files.readString(out.resolve("summary.json")));
        SweepSummary.FieldStatistics u = summary.configurations().get(0).field("u");
        assertTrue(run.out().contains(u.consensus().equation()), u.consensus().equation() + " in\n" + run.out());
        int rows = 0;
        for (SweepSummary.TermStatistics t : u.terms()) {
            if (t.selected() == 0) {
                continue;
            }
            String row = String.format(Locale.ROOT, "%s %d/%d %.1f%% %.1f%% - %.1f%% %s %s %s", t.term(), t.selected(),
                    u.finished(), 100 * t.frequency(), 100 * t.frequencyInterval().low(),
                    100 * t.frequencyInterval().high(), EquationFormatter.coefficient(t.median()),
                    EquationFormatter.coefficient(t.p5()), EquationFormatter.coefficient(t.p95()));
            assertTrue(run.out().replaceAll(" +", " ").contains(row), row + " in\n" + run.out());
            rows++;
        }
        assertTrue(rows > 0, "some term was selected");
        assertTrue(run.out().contains(String.format(Locale.ROOT, "found the true terms: %d/2", u.correct())));
        SweepConfig written = SweepConfig.read(out.resolve("discover.yaml"));
        assertEquals(2, SweepPlan.expand(written).runs().size(), "the sweep file it ran, ready for deepmod sweep");
        assertTrue(Files.exists(out.resolve("report/index.html")));
    }

    @Test
    void badInputIsOneLineAndExit2() throws IOException {
        String npz = PROJECT.resolve("data/burgers-pdefind.npz").toString();
        assertOneLine(CliRun.of("discover", dir.resolve("missing.npz").toString()), "missing.npz");
        assertOneLine(CliRun.of("discover", npz, "--fields", "w"), "burgers-pdefind.npz: no variable 'w'");
        assertOneLine(CliRun.of("discover", npz, "--coords", "t=time,x=x"), "burgers-pdefind.npz: no variable 'time'");
        Path csv = Files.writeString(dir.resolve("many.csv"), "t,x,a,b,c,d\n0,0,1,2,3,4\n");
        assertOneLine(CliRun.of("discover", csv.toString()), "many.csv: which variables are the fields?");
        Path noTime = Files.writeString(dir.resolve("notime.csv"), "s,x,u\n0,0,1\n");
        assertOneLine(CliRun.of("discover", noTime.toString()), "notime.csv: no time variable");
        assertOneLine(CliRun.of("discover", npz, "--truth", "v:v_xx=1"), "--truth v:v_xx=1: no field 'v'");
        // a grid that does not fit its coordinates: u is 8 x 5, x has 7 points
        Matrix usol = Mat5.newMatrix(8, 5);
        Path mat = dir.resolve("grid.mat");
        Mat5.writeToFile(Mat5.newMatFile().addArray("usol", usol).addArray("x", Mat5.newMatrix(7, 1))
                .addArray("t", Mat5.newMatrix(5, 1)), mat.toFile());
        assertOneLine(CliRun.of("discover", mat.toString()), "grid.mat");
        assertFalse(Files.exists(Path.of("out/discover-grid")), "nothing written for a bad file");
    }

    @Test
    void aTableWithoutNamesNeedsCoordsAndFields() {
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> DiscoverySetup.layout("table.npy", List.of(), null, null));
        assertTrue(e.getMessage().startsWith("table.npy: a table without variable names; say which columns"),
                e.getMessage());
    }

    private static void assertOneLine(CliRun run, String expected) {
        assertEquals(Main.EXIT_BAD_INPUT, run.code(), run.out() + run.err());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.startsWith("error: ") && err.contains(expected), expected + " in: " + err);
        assertFalse(err.contains("Exception"), err);
    }
}
