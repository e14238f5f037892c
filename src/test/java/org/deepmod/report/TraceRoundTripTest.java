package org.deepmod.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deepmod.BadInputException;
import org.deepmod.training.TraceEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceRoundTripTest {

    private static final List<String> TERMS = List.of("1", "u_x", "u_xx", "u", "u*u_x");

    /** Doubles that a careless format would not bring back bit for bit. */
    private static final double[] AWKWARD = {0.1, -0.0, 1.0 / 3, Math.PI * 1e-300, Double.MIN_VALUE,
        Double.MAX_VALUE, 9007199254740993.0, 5e-324, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 123456789.12345678};

    private static TraceEntry entry(int iteration, int outputs, Random random, boolean updated) {
        boolean[][] masks = new boolean[outputs][TERMS.size()];
        double[][] coefficients = new double[outputs][TERMS.size()];
        double[][] estimator = updated ? new double[outputs][TERMS.size()] : null;
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < TERMS.size(); j++) {
                masks[k][j] = random.nextBoolean();
                coefficients[k][j] = random.nextBoolean()
                        ? random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20)
                        : AWKWARD[random.nextInt(AWKWARD.length)];
                if (updated) {
                    estimator[k][j] = random.nextGaussian();
                }
            }
        }
        return new TraceEntry(iteration, random.nextDouble(), 1e-7 * random.nextDouble(), random.nextDouble(),
                iteration % 2 == 0 ? Double.NaN : random.nextDouble(), random.nextDouble() * 3, masks, coefficients,
                estimator);
    }

    private static List<TraceEntry> trace(int outputs) {
        Random random = new Random(7);
        List<TraceEntry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(entry(i * 25, outputs, random, i % 10 == 3));
        }
        return entries;
    }

    private static void assertSameEntries(List<TraceEntry> expected, List<TraceEntry> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            TraceEntry e = expected.get(i);
            TraceEntry a = actual.get(i);
            assertEquals(e.iteration(), a.iteration());
            // assertArrayEquals on double[] compares bits: NaN equals NaN, -0.0 differs from 0.0
            assertArrayEquals(new double[] {e.loss(), e.mse(), e.reg(), e.testMse(), e.l1()},
                    new double[] {a.loss(), a.mse(), a.reg(), a.testMse(), a.l1()});
            assertArrayEquals(e.masks(), a.masks());
            assertArrayEquals(e.normalizedCoefficients(), a.normalizedCoefficients());
            assertEquals(e.maskUpdated(), a.maskUpdated(), "iteration " + e.iteration());
            if (e.maskUpdated()) {
                assertArrayEquals(e.estimatorCoefficients(), a.estimatorCoefficients());
            } else {
                assertNull(a.estimatorCoefficients());
            }
        }
    }

    @Test
    void fileRoundTripIsExact(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trace.jsonl");
        List<TraceEntry> entries = trace(1);
        TraceWriter.write(file, new Trace(TERMS, 1, entries));
        Trace back = TraceReader.read(file);
        assertEquals(TERMS, back.terms());
        assertEquals(1, back.outputs());
        assertSameEntries(entries, back.entries());
        assertEquals(41, Files.readAllLines(file, StandardCharsets.UTF_8).size());
    }

    @Test
    void severalOutputsRoundTripThroughTheListener() throws IOException {
        List<TraceEntry> entries = trace(3);
        StringWriter text = new StringWriter();
        try (TraceWriter writer = new TraceWriter(text, TERMS, 3)) {
            entries.forEach(writer::onWrite);
        }
        Trace back = TraceReader.read(new StringReader(text.toString()), "test");
        assertEquals(3, back.outputs());
        assertSameEntries(entries, back.entries());
    }

    @Test
    void linesLookAsDocumented() throws IOException {
        TraceEntry entry = new TraceEntry(100, 0.5, 0.25, 0.125, Double.NaN, 1.5,
                new boolean[][] {{false, true, true, false, false}},
                new double[][] {{0, 0.1, -1.0E-5, 0, 0}}, null);
        StringWriter text = new StringWriter();
        try (TraceWriter writer = new TraceWriter(text, TERMS, 1)) {
            writer.write(entry);
        }
        assertEquals("""
                {"format":"deepmod-trace","version":1,"terms":["1","u_x","u_xx","u","u*u_x"],"outputs":["u"]}
                {"iteration":100,"loss":0.5,"mse":0.25,"reg":0.125,"testMse":"NaN","l1":1.5,\
                "u":{"mask":[false,true,true,false,false],"coefficients":[0.0,0.1,-1.0E-5,0.0,0.0]}}
                """, text.toString());
    }

    @Test
    void rejectsEntriesThatDoNotMatchTheHeader() throws IOException {
        TraceWriter writer = new TraceWriter(new StringWriter(), TERMS, 1);
        TraceEntry tooShort = new TraceEntry(0, 0, 0, 0, 0, 0, new boolean[][] {{true}}, new double[][] {{1}},
                null);
        assertThrows(IllegalArgumentException.class, () -> writer.write(tooShort));
    }

    @Test
    void badFilesNameTheLineAndField() {
        String header = "{\"format\":\"deepmod-trace\",\"version\":1,\"terms\":[\"1\",\"u_x\"],\"outputs\":[\"u\"]}\n";
        String good = "{\"iteration\":0,\"loss\":1,\"mse\":1,\"reg\":1,\"testMse\":1,\"l1\":1,"
                + "\"u\":{\"mask\":[true,false],\"coefficients\":[1.0,0.0]}}\n";
        assertBad("", "empty");
        assertBad("{\"format\":\"other\"}\n", "line 1: not a deepmod-trace header");
        assertBad(header + good + "{\"iteration\":1,\n", "line 3: not JSON");
        assertBad(header + good.replace("[1.0,0.0]", "[1.0]"), "line 2: u.coefficients has 1 values");
        assertBad(header + good.replace("\"reg\":1", "\"reg\":\"x\""), "line 2: reg is not a number");
        assertBad(header + good.replace("\"iteration\":0", "\"iteration\":0.5"), "\"iteration\" must be an integer");
        assertBad(header + good.replace("\"u\":", "\"v\":"), "line 2: missing output \"u\"");
    }

    private static void assertBad(String text, String expectedPart) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> TraceReader.read(new StringReader(text), "t.jsonl"));
        assertTrue(e.getMessage().startsWith("t.jsonl"), e.getMessage());
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    }
}
