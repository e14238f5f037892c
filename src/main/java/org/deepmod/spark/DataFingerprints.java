package org.deepmod.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.deepmod.config.FileDataset;

/**
 * What identifies the content of a run's data file without reading it: its size and modification time, from
 * one status call (local or HDFS). A runId hashes the config, and so the data file's path but not its content;
 * a result records the fingerprint of the file its run read, and a resumed sweep compares it with the file's
 * now, so that a file corrected in place is noticed and its runs trained again. A hash of the content would
 * also see a change that keeps the size and the time, at the cost of reading every file at every resume.
 */
final class DataFingerprints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Configuration conf;
    private final Map<String, String> byPath = new HashMap<>();

    DataFingerprints(Configuration conf) {
        this.conf = conf;
    }

    /** The data file a run's config reads, if it reads one. */
    static Optional<String> dataFile(String configJson) {
        try {
            JsonNode dataset = JSON.readTree(configJson).path("dataset");
            return FileDataset.TYPE.equals(dataset.path("type").asText()) && dataset.path("path").isTextual()
                    ? Optional.of(dataset.path("path").asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The fingerprint of the file now (each path looked at once); "unreadable: ..." when it cannot be seen. */
    String of(String file) {
        return byPath.computeIfAbsent(file, f -> fingerprint(f, conf));
    }

    static String fingerprint(String file, Configuration conf) {
        try {
            Path path = new Path(file);
            FileStatus status = path.getFileSystem(conf).getFileStatus(path);
            return status.getLen() + " bytes, modified " + Instant.ofEpochMilli(status.getModificationTime());
        } catch (IOException | IllegalArgumentException e) {
            return "unreadable: " + e.getClass().getSimpleName();
        }
    }
}
