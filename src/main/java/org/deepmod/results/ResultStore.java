package org.deepmod.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.deepmod.BadInputException;
import org.deepmod.storage.HadoopTimeouts;
import org.deepmod.experiment.ResultSchema;
import org.deepmod.experiment.RunResult;
import org.deepmod.storage.OutputFolder;
import org.deepmod.storage.OutputFiles;
import org.deepmod.storage.OutputLock;

/**
 * A sweep's run results, {@code <output>/runs/<runId>.json}, through Hadoop's FileSystem so that the output
 * folder may be local or {@code hdfs://}. A result is written whole to {@code <output>/_tmp/} and renamed
 * into place, so a reader (a resumed driver, a report) sees either no file or a complete one, never half a
 * result from a task that died while writing. Results are checked when read ({@link ResultSchema}): a file
 * that is not a valid result is reported, never counted, and a sweep sets it aside ({@link #setAside}).
 */
public final class ResultStore {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SUFFIX = ".json";
    /** Under runs/: result files that were not valid results, set aside. */
    public static final String INVALID = "_invalid";

    private final FileSystem fs;
    private final Path output;
    private final Path runs;
    private final Path tmp;

    public ResultStore(String output, Configuration conf) {
        OutputFolder.checkName(output);
        try {
            Path out = new Path(output);
            FileSystem fileSystem = out.getFileSystem(HadoopTimeouts.apply(new Configuration(conf)));
            // The checksummed local file system would leave a .crc beside every result.
            this.fs = fileSystem instanceof LocalFileSystem local ? local.getRaw() : fileSystem;
            this.output = fs.makeQualified(out);
            this.runs = new Path(this.output, "runs");
            this.tmp = new Path(this.output, OutputLock.TEMPORARY);
        } catch (IOException | IllegalArgumentException e) { // an unknown host, a path that is no URI
            throw new BadInputException(HadoopTimeouts.isUnreachable(e) ? HadoopTimeouts.unreachable(output, e)
                    : output + ": not a usable output folder: " + e.getMessage(), e);
        }
    }

    /** Creates the output folder and proves it writable before anything trains ({@link OutputFolder}). */
    public void probe() {
        OutputFolder.probe(fs, output);
    }

    /** Throws, naming the holder, when another sweep holds this folder ({@link OutputLock}); takes nothing. */
    public void ensureUnlocked() {
        OutputLock.ensureFree(fs, output);
    }

    /** Takes this folder's lock ({@link OutputLock}) or throws, naming its holder. */
    public OutputLock lock(java.io.PrintStream out) {
        return OutputLock.acquire(fs, output, out);
    }

    public Path output() {
        return output;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    public Path pathOf(String runId) {
        return new Path(runs, runId + SUFFIX);
    }

    /** Writes a result atomically, replacing an earlier result of the same run. */
    public void write(RunResult result) {
        Path file = pathOf(result.identity().runId());
        try {
            fs.mkdirs(runs);
            writeAtomically(file, JSON.writeValueAsBytes(result));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the result: " + e.getMessage(), e);
        }
    }

    /** Writes a file beside the runs folder (summary.json) whole, the same way as a result. */
    public void writeText(String name, String text) {
        writeFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a file under the output folder ({@code report/index.html}, {@code runs/<runId>/mask.png}) whole,
     * the same way as a result, making its folder.
     */
    public void writeFile(String relativePath, byte[] bytes) {
        Path target = new Path(output, relativePath);
        try {
            fs.mkdirs(target.getParent());
            writeAtomically(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Files under the output folder as a report writes them: each is stored whole when its stream closes. */
    public OutputFiles files(String folder) {
        return name -> new java.io.ByteArrayOutputStream() {
            @Override
            public void close() {
                writeFile(folder.isEmpty() ? name : folder + "/" + name, toByteArray());
            }
        };
    }

    /** A new file under the output folder, written as it goes (a run's trace), replacing one of that name. */
    public OutputStream stream(String relativePath) {
        Path target = new Path(output, relativePath);
        try {
            return fs.create(target, true);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** The folder of a run's artefacts (trace.jsonl.gz, mask.png, loss.png), beside its result. */
    public Path artefactsOf(String runId) {
        return new Path(runs, runId);
    }

    /** The runIds whose artefact folder exists, from one listing of the runs folder. */
    public Set<String> withArtefacts() {
        Set<String> ids = new TreeSet<>();
        try {
            for (FileStatus s : fs.listStatus(runs)) {
                if (s.isDirectory()) {
                    ids.add(s.getPath().getName());
                }
            }
        } catch (FileNotFoundException e) {
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(runs + ": cannot list: " + e.getMessage(), e);
        }
        return ids;
    }

    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path partial = new Path(tmp, target.getName() + "-" + UUID.randomUUID());
        try (OutputStream out = fs.create(partial, false)) {
            out.write(bytes);
        } catch (IOException | org.apache.hadoop.fs.FSError e) {
            // a full disk: Hadoop's local file system throws FSError, an Error, where HDFS throws IOException
            deleteQuietly(partial);
            throw e instanceof IOException io ? io : new IOException(e.getCause() != null
                    ? e.getCause().getMessage() : e.getMessage(), e);
        }
        if (!fs.rename(partial, target)) {
            // HDFS does not rename onto an existing file: a rerun without --resume replaces the old result.
            fs.delete(target, false);
            if (!fs.rename(partial, target)) {
                fs.delete(partial, false);
                throw new IOException("cannot rename " + partial + " to " + target);
            }
        }
    }

    private void deleteQuietly(Path file) {
        try {
            fs.delete(file, false);
        } catch (IOException | RuntimeException e) {
            // what cannot be deleted now is removed with _tmp/ at the sweep's end
        }
    }

    /** Removes what crashed attempts left half-written; call when no task of the sweep runs any more. */
    public void clearTemporary() {
        try {
            fs.delete(tmp, true);
        } catch (IOException e) {
            throw new UncheckedIOException(tmp + ": cannot delete: " + e.getMessage(), e);
        }
    }

    /** The runIds with a result, from one listing of the runs folder. */
    public Set<String> existing() {
        Set<String> ids = new TreeSet<>();
        try {
            for (FileStatus s : fs.listStatus(runs)) {
                String name = s.getPath().getName();
                if (s.isFile() && name.endsWith(SUFFIX)) {
                    ids.add(name.substring(0, name.length() - SUFFIX.length()));
                }
            }
        } catch (FileNotFoundException e) {
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(runs + ": cannot list: " + e.getMessage(), e);
        }
        return ids;
    }

    /** A result file that is not a valid result, and why. */
    public record Invalid(String runId, Path file, String reason) {
        public String describe() {
            return file + ": " + reason;
        }
    }

    /** Results read: the valid ones by runId, in the order asked, and the files that are not. */
    public record Read(Map<String, RunResult> valid, List<Invalid> invalid) {
    }

    /** The result of a run, checked ({@link ResultSchema}); a file that is no valid result is bad input, named. */
    public RunResult read(String runId) {
        try {
            return parse(runId);
        } catch (ResultSchema.InvalidResultException e) {
            throw new BadInputException(pathOf(runId) + ": not a valid result: " + e.getMessage());
        }
    }

    private RunResult parse(String runId) throws ResultSchema.InvalidResultException {
        Path p = pathOf(runId);
        byte[] bytes;
        try (InputStream in = fs.open(p)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": cannot read the result: " + e.getMessage(), e);
        }
        return ResultSchema.parse(bytes, runId);
    }

    /** The results of these runs that exist, by runId, in the given order; invalid files are left out. */
    public Map<String, RunResult> readAll(Collection<String> runIds) {
        return readValid(runIds).valid();
    }

    /** The results of these runs that exist, split into valid ones and files that are not valid results. */
    public Read readValid(Collection<String> runIds) {
        Set<String> present = existing();
        Map<String, RunResult> valid = new LinkedHashMap<>();
        List<Invalid> invalid = new ArrayList<>();
        for (String id : runIds) {
            if (present.contains(id)) {
                try {
                    valid.put(id, parse(id));
                } catch (ResultSchema.InvalidResultException e) {
                    invalid.add(new Invalid(id, pathOf(id), e.getMessage()));
                }
            }
        }
        return new Read(valid, invalid);
    }

    /**
     * Moves an invalid result out of the runs folder, to {@code runs/_invalid/<runId>-<time>.json} with the
     * reason beside it ({@code .reason.txt}), so that its run counts as missing and is trained again, and the
     * file stays for whoever wants to see what went wrong. Returns where it went.
     */
    public Path setAside(Invalid bad) {
        Path folder = new Path(runs, INVALID);
        String stem = bad.runId() + "-" + System.currentTimeMillis();
        Path target = new Path(folder, stem + SUFFIX);
        try {
            fs.mkdirs(folder);
            if (!fs.rename(bad.file(), target)) {
                throw new IOException("cannot rename " + bad.file() + " to " + target);
            }
            try (OutputStream out = fs.create(new Path(folder, stem + ".reason.txt"), true)) {
                out.write((bad.file() + ": " + bad.reason() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(bad.file() + ": cannot move the invalid result aside: " + e.getMessage(), e);
        }
    }
}
