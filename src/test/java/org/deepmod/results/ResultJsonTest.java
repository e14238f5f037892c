package org.deepmod.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.deepmod.experiment.ResultSchema;
import org.deepmod.experiment.RunResult;
import org.deepmod.training.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result file is a documented format: a result of each kind is written byte for byte as the committed
 * files of {@link ResultJsonFixtures} (made by the code of main before RunResult was restructured), and every
 * committed file, those and a real {@code deepmod run}'s, reads back into a result that writes the same bytes.
 */
class ResultJsonTest {
    @TempDir
    Path dir;

    @Test
    void eachKindIsWrittenAsTheFormatHasIt() throws IOException {
        ResultStore store = new ResultStore(dir.toString(), new Configuration());
        for (Map.Entry<String, RunResult> kind : ResultJsonFixtures.kinds().entrySet()) {
            RunResult result = kind.getValue();
            store.write(result);
            assertEquals(fixture(kind.getKey() + ".json"),
                    Files.readString(dir.resolve("runs/" + result.identity().runId() + ".json")), kind.getKey());
        }
    }

    @Test
    void everyCommittedFileReadsBackIntoTheSameBytes() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(ResultJsonFixtures.FOLDER)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(ResultJsonFixtures.kinds().size() + 1, files.size(), "each kind and the real run's: " + files);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            RunResult back = parse(bytes);
            assertEquals(new String(bytes, StandardCharsets.UTF_8),
                    new String(ResultStore.JSON.writeValueAsBytes(back), StandardCharsets.UTF_8), file.toString());
        }
    }

    @Test
    void aFailedRunReadsBackWithoutAnEquationOrTruthCheck() throws IOException {
        RunResult failed = parse(Files.readAllBytes(ResultJsonFixtures.FOLDER.resolve("failed.json")));
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals(new RunResult.Training(0, 0.125, null, null, null, null, null), failed.training());
        assertNull(failed.discovery());
        assertNull(failed.truthCheck());
        RunResult found = parse(Files.readAllBytes(ResultJsonFixtures.FOLDER.resolve("with-fingerprint.json")));
        assertEquals("51234 bytes, modified 2024-05-01T10:00:00Z", found.identity().dataFingerprint());
        assertNull(found.truthCheck(), "no truth known");
    }

    private static RunResult parse(byte[] bytes) {
        try {
            return ResultSchema.parse(bytes, null);
        } catch (ResultSchema.InvalidResultException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static String fixture(String name) throws IOException {
        return Files.readString(ResultJsonFixtures.FOLDER.resolve(name));
    }
}
