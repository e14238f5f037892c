package org.deepmod.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.deepmod.training.RunStatus;

/** Results written whole under runs/<runId>.json, listed and read back through Hadoop's FileSystem. */
class ResultStoreTest {
    @TempDir
    Path dir;

    private static RunResult result(String runId, RunStatus status) {
        JsonNode config = JsonNodeFactory.instance.objectNode().put("noise", 0.1);
        return new RunResult(new RunResult.Identity(runId, "r", config), status, "why", new RunResult.Training(10, 1.5, "cpu", 0.01, 0.001, 0.02, 2),
                new RunResult.Discovery(List.of("u_x", "u_xx"), new boolean[] {false, true}, new double[] {0, 0.1},
                        new double[] {0, 0.5}, null, null, "u_t = 0.1*u_xx"),
                new RunResult.TruthCheck(Map.of("u_xx", 0.1), true, Map.of("u_xx", 0.0)), null);
    }

    @Test
    void writesListsAndReadsResultsWithoutLeavingTemporaryFiles() throws IOException {
        ResultStore store = new ResultStore(dir.resolve("out").toString(), new Configuration());
        assertEquals(Set.of(), store.existing(), "an output folder that does not exist yet has no results");
        store.write(result("aaaa", RunStatus.CONVERGED));
        store.write(result("bbbb", RunStatus.FAILED));
        store.write(result("aaaa", RunStatus.MAX_ITERATIONS)); // a rerun replaces the earlier result
        assertEquals(Set.of("aaaa", "bbbb"), store.existing());
        RunResult back = store.read("aaaa");
        assertEquals(RunStatus.MAX_ITERATIONS, back.status());
        assertArrayEquals(new boolean[] {false, true}, back.discovery().mask());
        assertEquals(0.1, back.identity().config().get("noise").asDouble());
        assertEquals(List.of("aaaa"), List.copyOf(store.readAll(List.of("aaaa", "cccc")).keySet()));
        try (Stream<Path> files = Files.list(dir.resolve("out/runs"))) {
            assertEquals(List.of("aaaa.json", "bbbb.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no .crc or partial files");
        }
        store.clearTemporary();
        assertTrue(Files.notExists(dir.resolve("out/_tmp")));
    }
}
