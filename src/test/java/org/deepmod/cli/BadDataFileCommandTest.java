package org.deepmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Matrix;

/**
 * {@code deepmod run} on a bad data file exits 2 with one line naming the file (and the variable where one is
 * at fault), no stack trace, and trains nothing.
 */
class BadDataFileCommandTest {

    private static final Path PROJECT = Path.of(System.getProperty("deepmod.project.dir", "."));

    @TempDir
    Path dir;

    /** A PDE-FIND shaped file: usol 8×5, x 8×1, t 5×1. */
    private Path matFile() throws IOException {
        Matrix usol = Mat5.newMatrix(8, 5);
        Matrix x = Mat5.newMatrix(8, 1);
        Matrix t = Mat5.newMatrix(5, 1);
        for (int i = 0; i < 8; i++) {
            x.setDouble(i, 0, i);
            for (int j = 0; j < 5; j++) {
                usol.setDouble(i, j, i + 0.1 * j);
                t.setDouble(j, 0, j);
            }
        }
        Path file = dir.resolve("burgers.mat");
        Mat5.writeToFile(Mat5.newMatFile().addArray("usol", usol).addArray("x", x).addArray("t", t), file.toFile());
        return file;
    }

    private Path badFile(String kind) throws IOException {
        switch (kind) {
            case "truncated": {
                Path cut = dir.resolve("cut.mat");
                byte[] whole = Files.readAllBytes(matFile());
                Files.write(cut, Arrays.copyOf(whole, whole.length - 40));
                return cut;
            }
            case "level4": {
                Path file = dir.resolve("level4.mat");
                Files.write(file, new byte[256]);
                return file;
            }
            case "pickle": {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                String header = "{'descr': '|O', 'fortran_order': False, 'shape': (), }";
                byte[] padded = Arrays.copyOf((header + " ".repeat(118 - header.length()) + "\n")
                        .getBytes(StandardCharsets.ISO_8859_1), 118);
                out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0});
                out.writeBytes(padded);
                out.writeBytes("\u0080\u0002cos\nsystem\n(X\u0002\u0000\u0000\u0000idtR.".getBytes(StandardCharsets.ISO_8859_1));
                Path file = dir.resolve("evil.npy");
                Files.write(file, out.toByteArray());
                return file;
            }
            default:
                return matFile();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated | [usol]                | cut.mat           | truncated",
        "level4    | [usol]                | level4.mat        | not a level-5 MAT-file",
        "pickle    | [u]                   | evil.npy          | refused to construct os.system",
        "missing   | [uu]                  | burgers.mat       | no variable 'uu'"})
    void exitsTwoWithOneLineNamingFileAndVariable(String kind, String fields, String file, String words)
            throws IOException {
        Path data = badFile(kind);
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, "dataset: {type: file, path: " + data + ", fields: " + fields
                + ", coords: {t: t, x: x}}\ntraining: {maxIterations: 5}\n");
        Path out = dir.resolve("out");
        CommandLineTest.Result r = CommandLineTest.execute("run", config.toString(), "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.out() + r.err());
        String message = r.err().strip();
        assertTrue(message.contains(file) && message.contains(words), message);
        assertFalse(message.contains("\n"), "not one line: " + message);
        assertFalse(message.contains("\tat "), "a stack trace: " + message);
        assertFalse(Files.exists(out.resolve("result.json")), "nothing trained");
    }
}
