package org.deepmod.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deepmod.BadInputException;
import org.deepmod.storage.HadoopTimeouts;

/**
 * An output folder checked before anything trains: created, then a file written in it and deleted. Without
 * this a sweep whose {@code --out} named a regular file trained every run and lost every result at the end,
 * and {@code run --out} ended in a stack trace. Through Hadoop's FileSystem, so local folders and hdfs:// alike.
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * Refuses an empty or blank folder name: {@code --out "$UNSET"} wrote a run's files into the working folder,
     * over a user's own result.json.
     */
    public static void checkName(String folder) {
        if (folder == null || folder.isBlank()) {
            throw new BadInputException("--out '" + (folder == null ? "" : folder) + "': an empty folder name (an unset "
                    + "variable?); name the folder for the results");
        }
    }

    /** Creates the folder if needed and proves it writable, or throws a one-line {@link BadInputException}. */
    public static void probe(FileSystem fs, Path folder) {
        Path probe = new Path(folder, "_probe-" + UUID.randomUUID());
        try {
            if (fs.exists(folder) && !fs.getFileStatus(folder).isDirectory()) {
                throw new BadInputException(folder + ": is a file, not a folder for the results");
            }
            if (!fs.mkdirs(folder)) {
                throw new BadInputException(folder + ": cannot create the folder");
            }
            try (OutputStream out = fs.create(probe, false)) {
                out.write('.');
            }
            fs.delete(probe, false);
        } catch (org.apache.hadoop.fs.FSError e) { // a full local disk: an Error, not an IOException
            deleteQuietly(fs, probe);
            throw new BadInputException(folder + ": cannot write results there (" + e.getCause().getMessage() + ")", e);
        } catch (IOException e) {
            throw new BadInputException(HadoopTimeouts.isUnreachable(e) ? HadoopTimeouts.unreachable(folder.toString(), e)
                    : folder + ": cannot write results there (" + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
        }
    }

    private static void deleteQuietly(FileSystem fs, Path file) {
        try {
            fs.delete(file, false);
        } catch (IOException e) {
            // the empty probe file stays; it is named _probe-* and harmless
        }
    }
}
