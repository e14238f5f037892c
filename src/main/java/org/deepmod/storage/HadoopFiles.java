package org.deepmod.storage;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deepmod.BadInputException;

/**
 * Opens data files through Hadoop's FileSystem, so that file:, plain local paths (against fs.defaultFS) and
 * hdfs:// all work. The FileSystem instances are Hadoop's cached ones and are not closed here.
 */
public final class HadoopFiles {

    private HadoopFiles() {
    }

    /** The whole file; binary formats need random access to their end (zip) or are decoded at once (npy). */
    public static byte[] readAll(String file, Configuration conf) {
        try {
            OpenFile open = open(file, conf);
            if (open.status.getLen() > Integer.MAX_VALUE - 8) {
                throw new BadInputException(file + ": " + open.status.getLen() + " bytes is too large to read at "
                        + "once; split the data or use fewer points");
            }
            byte[] bytes = new byte[(int) open.status.getLen()];
            try (FSDataInputStream in = open.fs.open(open.path)) {
                in.readFully(bytes);
            }
            return bytes;
        } catch (IOException | FSError e) {
            throw readFailure(file, e);
        }
    }

    /**
     * A failed read of a file as one exception naming it, for the readers of its content too: an unreachable file
     * system as bad input, any other failure as an UncheckedIOException. Hadoop's local file system reports a
     * disk's I/O error as an FSError, an Error wrapping the IOException, which would pass every handler of I/O
     * failures and name no file: it is unwrapped here.
     */
    public static RuntimeException readFailure(String file, Throwable failure) {
        IOException io = failure instanceof IOException e ? e
                : failure.getCause() instanceof IOException e ? e : new IOException(failure.toString(), failure);
        return failure(file, "cannot read", io);
    }

    /** A UTF-8 reader over the file; the caller closes it. */
    public static BufferedReader openText(String file, Configuration conf) {
        try {
            OpenFile open = open(file, conf);
            return new BufferedReader(new InputStreamReader(open.fs.open(open.path), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failure(file, "cannot open", e);
        }
    }

    /** An unreachable file system is the user's to fix (a wrong host, a namenode down): one line, exit 2. */
    private static RuntimeException failure(String file, String what, IOException e) {
        if (HadoopTimeouts.isUnreachable(e)) {
            return new BadInputException(HadoopTimeouts.unreachable(file, e), e);
        }
        return new UncheckedIOException(file + ": " + what + ": " + e.getMessage(), e);
    }

    private record OpenFile(FileSystem fs, Path path, FileStatus status) {
    }

    /** The file system and status of an existing regular file; else a message naming the file. */
    private static OpenFile open(String file, Configuration conf) throws IOException {
        Path path = path(file);
        FileSystem fs;
        try {
            fs = FileSystem.get(path.toUri(), HadoopTimeouts.apply(new Configuration(conf)));
        } catch (IllegalArgumentException e) { // an unknown host, from the client's constructor
            throw new BadInputException(HadoopTimeouts.isUnreachable(e) ? HadoopTimeouts.unreachable(file, e)
                    : file + ": " + e.getMessage(), e);
        }
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new BadInputException(file + ": file not found", e);
        }
        if (status.isDirectory()) {
            throw new BadInputException(file + ": is a directory, not a data file");
        }
        if ("file".equals(fs.getUri().getScheme())) {
            // Hadoop calls a named pipe or a device a file, and reading a pipe blocks until someone writes to it
            java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(path).toUri());
            if (!java.nio.file.Files.isRegularFile(local)) {
                throw new BadInputException(file + ": not a regular file (a named pipe or a device); give a data file");
            }
        }
        return new OpenFile(fs, path, status);
    }

    private static Path path(String file) {
        try {
            return new Path(file);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("'" + file + "' is not a usable path: " + e.getMessage(), e);
        }
    }
}
