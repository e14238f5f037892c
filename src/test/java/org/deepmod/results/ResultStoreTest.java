package org.deepmod.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.deepmod.experiment.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results written whole under runs/<runId>.json, listed and read back through Hadoop's FileSystem. */
class ResultStoreTest {
    @TempDir
    Path dir;

    private static RunResult result(String runId, String status) {
        return new RunResult(runId, "r", status, "why", 10, 1.5, "cpu", List.of("u_x", "u_xx"),
                new boolean[] {false, true}, new double[] {0, 0.1}, new double[] {0, 0.5}, null, null, "u_t = 0.1*u_xx",
                0.01, 0.001, 0.02, 2, Map.of("u_xx", 0.1), true, Map.of("u_xx", 0.0),
                null, JsonNodeFactory.instance.objectNode().put("noise", 0.1), null);
    }

    @Test
    void writesListsAndReadsResultsWithoutLeavingTemporaryFiles() throws IOException {
        ResultStore store = new ResultStore(dir.resolve("out").toString(), new Configuration());
        assertEquals(Set.of(), store.existing(), "an output folder that does not exist yet has no results");
        store.write(result("aaaa", "CONVERGED"));
        store.write(result("bbbb", "FAILED"));
        store.write(result("aaaa", "MAX_ITERATIONS")); // a rerun replaces the earlier result
        assertEquals(Set.of("aaaa", "bbbb"), store.existing());
        RunResult back = store.read("aaaa");
        assertEquals("MAX_ITERATIONS", back.status());
        assertArrayEquals(new boolean[] {false, true}, back.mask());
        assertEquals(0.1, back.config().get("noise").asDouble());
        assertEquals(List.of("aaaa"), List.copyOf(store.readAll(List.of("aaaa", "cccc")).keySet()));
        try (Stream<Path> files = Files.list(dir.resolve("out/runs"))) {
            assertEquals(List.of("aaaa.json", "bbbb.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no .crc or partial files");
        }
        store.clearTemporary();
        assertTrue(Files.notExists(dir.resolve("out/_tmp")));
    }
}
