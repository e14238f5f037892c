package org.deepmod.storage;

import java.io.IOException;
import java.io.OutputStream;

/** Where pictures, pages and other whole files go (a local folder, or one on HDFS through Hadoop): each file is created whole, by name. */
@FunctionalInterface
public interface OutputFiles {
    /** A new file of the report folder; closing the stream completes it. */
    OutputStream create(String name) throws IOException;

    /** Files in a local folder (created if missing). */
    static OutputFiles in(java.nio.file.Path folder) {
        return name -> {
            java.nio.file.Files.createDirectories(folder);
            return new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(folder.resolve(name)));
        };
    }
}
