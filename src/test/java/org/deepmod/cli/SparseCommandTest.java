package org.deepmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deepmod.sparse.SparseEstimators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparseCommandTest {
    @TempDir
    static Path dir;
    static Path theta;
    static Path target;

    /** Splits the committed Burgers fixture (12 terms + u_t) into THETA.csv and UT.csv, as a user would have them. */
    @BeforeAll
    static void writeBurgersFiles() throws IOException {
        List<String> thetaLines = new ArrayList<>();
        List<String> targetLines = new ArrayList<>();
        try (InputStream in = SparseCommandTest.class.getResourceAsStream("/sparse/burgers_library.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int last = line.lastIndexOf(',');
                thetaLines.add(line.substring(0, last));
                targetLines.add(line.substring(last + 1));
            }
        }
        theta = Files.write(dir.resolve("theta.csv"), thetaLines);
        target = Files.write(dir.resolve("ut.csv"), targetLines);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void thresholdOnBurgersPrintsTheEquationAsJson() throws IOException {
        Run result = run("sparse", "--estimator", "threshold", "--param", "threshold=0.1",
                "--theta", theta.toString(), "--target", target.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        List<String> selected = new ArrayList<>();
        for (int j = 0; j < json.get("terms").size(); j++) {
            if (json.get("mask").get(j).asBoolean()) {
                selected.add(json.get("terms").get(j).asText());
            }
        }
        assertEquals(List.of("u_xx", "u*u_x"), selected);
        assertEquals(-1.0, json.get("coefficients").get(5).asDouble(), 0.05);
        assertTrue(json.get("normalized").asBoolean());
        assertEquals(12, json.get("coefficientsNormalized").size());
    }

    @Test
    void stabilitySelectionAlsoPrintsProbabilitiesAndRawSkipsNormalisation() throws IOException {
        Run result = run("sparse", "--estimator", "stability-selection", "--seed", "3", "--raw",
                "--theta", theta.toString(), "--target", target.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(12, json.get("probabilities").size());
        assertTrue(!json.get("normalized").asBoolean() && !json.has("coefficientsNormalized"));
    }

    @Test
    void helpListsEveryEstimatorWithItsParametersAndDefaults() {
        Run result = run("sparse", "--help");
        assertEquals(0, result.exitCode());
        for (String name : SparseEstimators.names()) {
            assertTrue(result.out().contains("\n  " + name + "\n"), name);
            SparseEstimators.provider(name).parameters().forEach(parameter -> assertTrue(
                    result.out().contains(parameter.name() + "=" + parameter.defaultValue()), name + " " + parameter));
        }
    }

    /** Each bad input: the file content (| separates lines), the estimator, and what the message must say. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "NaN in the library;      u,u_x|1,2|NaN,1|3,1;     1|2|3;    threshold; theta.csv line 3, column 'u': NaN is not a finite number",
        "a word in the library;   u,u_x|1,2|x,1|3,1;       1|2|3;    threshold; theta.csv line 3, column 'u': 'x' is not a number",
        "a zero column;           u,u_x|1,0|2,0|3,0;       1|2|3;    threshold; theta.csv: column 'u_x' is identically zero",
        "a short row;             u,u_x|1,2|2|3,1;         1|2|3;    threshold; theta.csv line 3: 1 values, but the header names 2 columns",
        "a long row;              u,u_x|1,2|2,1,5|3,1;     1|2|3;    threshold; theta.csv line 3: 3 values, but the header names 2 columns",
        "a repeated term;         u,u|1,2|2,1|3,1;         1|2|3;    threshold; theta.csv line 1: the term 'u' appears twice",
        "a header only;           u,u_x;                   1|2|3;    threshold; theta.csv has a header but no rows",
        "an empty library;        '';                      1|2|3;    threshold; theta.csv is empty",
        "rows that disagree;      u,u_x|1,2|2,1|3,1;       1|2;      threshold; ut.csv has 2 rows but",
        "a two-column target;     u,u_x|1,2|2,1|3,1;       1,1|2,2|3,3; threshold; ut.csv: the target must be a single column",
        "NaN in the target;       u,u_x|1,2|2,1|3,1;       u_t|1|Infinity|3; threshold; ut.csv line 3, column 'u_t': Infinity is not a finite number",
        "a zero target;           u,u_x|1,2|2,1|3,1;       0|0|0;    threshold; ut.csv: the target is identically zero",
        "fewer rows than columns; a,b,c|1,2,3|2,1,0;       1|2;      stlsq;     theta.csv: estimator stlsq needs at least as many rows as library columns: 2 rows, 3 columns",
        "too few rows for PDE-FIND; a,b,c|1,2,3|2,1,0|1,1,1; 1|2|3;  pde-find;  theta.csv: estimator pde-find needs at least as many rows",
        "too few rows for cv;     a,b|1,2|2,1|3,1;         1|2|3;    lasso-cv;  theta.csv: cross-validation with 5 folds needs at least 5 rows, got 3",
        "an unknown estimator;    u,u_x|1,2|2,1|3,1;       1|2|3;    foo;       estimator 'foo' is unknown; known: lasso",
    })
    void badInputExits2WithAMessageNamingTheProblem(String what, String thetaText, String targetText,
                                                    String estimator, String message) throws IOException {
        Path badTheta = Files.writeString(dir.resolve("theta.csv"), thetaText.replace('|', '\n'));
        Path badTarget = Files.writeString(dir.resolve("ut.csv"), targetText.replace('|', '\n'));
        try {
            Run result = run("sparse", "--estimator", estimator, "--theta", badTheta.toString(),
                    "--target", badTarget.toString());
            assertEquals(Main.EXIT_BAD_INPUT, result.exitCode(), what + ": " + result.err());
            assertTrue(result.err().contains(message), what + ": " + result.err());
        } finally {
            writeBurgersFiles();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--param;threshhold=1;   estimator threshold: parameter 'threshhold' is unknown; known: threshold, cv",
        "--param;threshold=abc;  estimator threshold: parameter 'threshold' must be a number >= 0, got 'abc'",
        "--seed;x;               Invalid value for option '--seed'",
    })
    void badParametersExit2(String option, String value, String message) {
        Run result = run("sparse", "--estimator", "threshold", option, value, "--theta", theta.toString(),
                "--target", target.toString());
        assertEquals(Main.EXIT_BAD_INPUT, result.exitCode(), result.err());
        assertTrue(result.err().contains(message), result.err());
    }

    @Test
    void aMissingFileExits2NamingIt() {
        Run result = run("sparse", "--estimator", "threshold", "--theta", dir.resolve("nope.csv").toString(),
                "--target", target.toString());
        assertEquals(Main.EXIT_BAD_INPUT, result.exitCode());
        assertTrue(result.err().contains("nope.csv: cannot read"), result.err());
        assertTrue(Arrays.asList(result.err().split("\n")).size() < 5, "no stack trace: " + result.err());
    }
}
