package org.deepmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepmod.data.ImaginaryRatios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deepmod run on DeePyMoD's own Burgers file, whose u is complex with an imaginary part of rounding: the run
 * trains on the real part and says what it dropped, in result.json's {@code notes} and as a "note:" line of its
 * output and of {@code report} on its folder; a run on real data writes no {@code notes} key at all, so that the
 * files of such runs stay as they were.
 */
class RunNotesTest {
    private static final Path DATA = Path.of(System.getProperty("deepmod.project.dir", ".")).resolve("data");

    @TempDir
    Path dir;

    private CliRun tinyRun(String name, Path data) throws IOException {
        Path config = Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\nsamples: 300\n"
                + "network: {hidden: [16, 16]}\ntraining: {maxIterations: 50}\n"
                + "dataset: {type: file, path: " + data + "}\n");
        CliRun r = CliRun.of("run", config.toString(), "--out", dir.resolve(name).toString());
        assertEquals(Main.EXIT_OK, r.code(), r.out() + r.err());
        return r;
    }

    private static List<String> noteLines(String output) {
        return output.lines().filter(line -> line.startsWith("note: ")).toList();
    }

    @Test
    void theDroppedImaginaryPartIsInResultJsonAndTheOutput() throws IOException {
        Path data = DATA.resolve("deepymod-burgers.npy");
        CliRun run = tinyRun("complex", data);
        JsonNode notes = new ObjectMapper().readTree(dir.resolve("complex/result.json").toFile()).get("notes");
        assertEquals(1, notes.size(), notes.toString());
        String note = notes.get(0).asText();
        assertTrue(note.startsWith(data + ": array 'u' is complex"), note);
        ImaginaryRatios.assertStated(ImaginaryRatios.ofPickledArray(data, "u"), note);
        assertEquals(List.of("note: " + note), noteLines(run.out()), run.out());

        CliRun report = CliRun.of("report", dir.resolve("complex").toString());
        assertEquals(Main.EXIT_OK, report.code(), report.out() + report.err());
        assertEquals(List.of("note: " + note), noteLines(report.out()), report.out());
    }

    @Test
    void realDataLeavesNoNotesKey() throws IOException {
        CliRun run = tinyRun("real", DATA.resolve("burgers-pdefind.npz"));
        String result = Files.readString(dir.resolve("real/result.json"));
        assertFalse(new ObjectMapper().readTree(result).has("notes"), result);
        assertEquals(List.of(), noteLines(run.out()), run.out());
    }
}
