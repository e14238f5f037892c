package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.deepmod.cli.CliRun;
import org.deepmod.cli.Main;
import org.deepmod.config.SweepFiles;
import org.deepmod.storage.OutputLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operational mistakes a user makes, each a one-line error naming the place and exit code 2, before
 * anything trains. Unwritable outputs are a regular file where a folder is expected and a folder under a regular
 * file: the tests run as root, for whom a chmod'ed folder is still writable.
 */
class UserErrorsTest {
    @TempDir
    static Path dir;

    /** One case: its command line (made in the folder), and what the message must name. */
    record Case(String name, Function<Path, String[]> args, Function<Path, String> names) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Path file(Path folder, String name, String text) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A named pipe (mkfifo): reading it blocks until something writes to it. */
    private static Path fifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("mkfifo " + path);
            }
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sweepFile(Path d) {
        return file(d, "tiny.yaml", SweepFiles.tiny("seeds: 2\n")).toString();
    }

    private static String runFile(Path d) {
        return file(d, "run.yaml", "name: tiny\nsamples: 300\nnetwork: {hidden: [16, 16]}\n"
                + "training: {maxIterations: 100}\n").toString();
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case("sweep --out a regular file",
                d -> new String[] {"sweep", sweepFile(d), "--out", file(d, "taken", "x").toString()},
                d -> d.resolve("taken") + ": is a file, not a folder"),
            new Case("sweep --out a folder under a regular file",
                d -> new String[] {"sweep", sweepFile(d), "--out", file(d, "plain", "x") + "/sub"},
                d -> d.resolve("plain/sub") + ": cannot write results there"),
            new Case("run --out a regular file",
                d -> new String[] {"run", runFile(d), "--out", file(d, "taken", "x").toString()},
                d -> d.resolve("taken") + ": is a file, not a folder"),
            new Case("run --out a folder under a regular file",
                d -> new String[] {"run", runFile(d), "--out", file(d, "plain", "x") + "/sub"},
                d -> d.resolve("plain/sub") + ": cannot write results there"),
            new Case("sweep on a folder another sweep holds",
                d -> {
                    file(d.resolve("held"), OutputLock.NAME, "{\"owner\": \"ann\", \"host\": \"" + OutputLock.host()
                            + "\", \"pid\": " + ProcessHandle.current().pid() + ", \"token\": \"t\"}");
                    return new String[] {"sweep", sweepFile(d), "--out", d.resolve("held").toString()};
                },
                d -> d.resolve("held") + ": another sweep or run is writing to this folder: ann@"),
            new Case("run --out '' (an unset variable)",
                d -> new String[] {"run", runFile(d), "--out", ""},
                d -> "--out '': an empty folder name"),
            new Case("sweep --out blank",
                d -> new String[] {"sweep", sweepFile(d), "--out", "  "},
                d -> "--out '  ': an empty folder name"),
            new Case("run on a folder a live sweep holds",
                d -> {
                    file(d.resolve("held"), OutputLock.NAME, "{\"owner\": \"ann\", \"host\": \"" + OutputLock.host()
                            + "\", \"pid\": " + ProcessHandle.current().pid() + ", \"token\": \"t\"}");
                    return new String[] {"run", runFile(d), "--out", d.resolve("held").toString()};
                },
                d -> d.resolve("held") + ": another sweep or run is writing to this folder: ann@"),
            new Case("report on a folder a live sweep holds",
                d -> {
                    file(d.resolve("held"), OutputLock.NAME, "{\"owner\": \"ann\", \"host\": \"" + OutputLock.host()
                            + "\", \"pid\": " + ProcessHandle.current().pid() + ", \"token\": \"t\"}");
                    file(d.resolve("held/runs"), "r.json", "{}");
                    return new String[] {"report", d.resolve("held").toString()};
                },
                d -> d.resolve("held") + ": another sweep or run is writing to this folder: ann@"),
            new Case("a lock path that is a folder",
                d -> {
                    try {
                        Files.createDirectories(d.resolve("odd").resolve(OutputLock.NAME));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return new String[] {"run", runFile(d), "--out", d.resolve("odd").toString()};
                },
                d -> d.resolve("odd").resolve(OutputLock.NAME) + ": is a folder, not a lock file"),
            new Case("a config that is a named pipe (reading it blocked forever)",
                d -> new String[] {"run", fifo(d.resolve("pipe.yaml")).toString(), "--out", d.resolve("o").toString()},
                d -> d.resolve("pipe.yaml") + ": not a regular file (a named pipe or a device)"),
            new Case("a data file that is a named pipe",
                d -> new String[] {"run", file(d, "run.yaml", "name: p\nsamples: 300\ndataset: {type: file, path: "
                        + fifo(d.resolve("data.csv")) + "}\n").toString(), "--out", d.resolve("o").toString()},
                d -> d.resolve("data.csv") + ": not a regular file (a named pipe or a device)"),
            new Case("a data file that is a device (zero.csv, a link to /dev/zero)",
                d -> {
                    try {
                        Files.createSymbolicLink(d.resolve("zero.csv"), Path.of("/dev/zero"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return new String[] {"run", file(d, "run.yaml", "name: p\nsamples: 300\ndataset: {type: file, "
                            + "path: " + d.resolve("zero.csv") + "}\n").toString(), "--out", d.resolve("o").toString()};
                },
                d -> d.resolve("zero.csv") + ": not a regular file (a named pipe or a device)"),
            new Case("sparse --param given twice",
                d -> new String[] {"sparse", "--estimator", "threshold", "--param", "threshold=0.1", "--param",
                        "threshold=0.2", "--theta", file(d, "theta.csv", "u\n1\n").toString(),
                        "--target", file(d, "ut.csv", "1\n").toString()},
                d -> "--param threshold=0.2: threshold is given twice (also threshold=0.1)"),
            new Case("sweep --retry-failed without --resume",
                d -> new String[] {"sweep", sweepFile(d), "--retry-failed", "--out", d.resolve("o").toString()},
                d -> "--retry-failed: only with --resume"),
            new Case("report on a folder that does not exist",
                d -> new String[] {"report", d.resolve("nowhere").toString()},
                d -> d.resolve("nowhere") + ": no such folder"),
            new Case("report on a binary result.json",
                d -> {
                    try {
                        Files.createDirectories(d.resolve("bin"));
                        Files.write(d.resolve("bin/result.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return new String[] {"report", d.resolve("bin").toString()};
                },
                d -> d.resolve("bin/result.json") + ": not a valid result: not JSON"),
            new Case("report on a result.json of {}",
                d -> new String[] {"report", file(d.resolve("empty"), "result.json", "{}").getParent().toString()},
                d -> d.resolve("empty/result.json") + ": not a valid result: runId: missing"),
            new Case("report on a summary.json of {}",
                d -> new String[] {"report", file(d.resolve("sum"), "summary.json", "{}").getParent().toString()},
                d -> d.resolve("sum/summary.json") + ": not a sweep summary"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void exitsTwoWithOneLineNamingThePlace(Case c) throws IOException {
        Path d = Files.createDirectories(dir.resolve(c.name().replaceAll("\\W+", "-")));
        CliRun r = CliRun.of(c.args().apply(d));
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(c.names().apply(d)), "expected '" + c.names().apply(d) + "' in: " + r.err());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
    }
}
