package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.deepmod.UserText;
import org.deepmod.cli.CliRun;
import org.deepmod.cli.Main;
import org.deepmod.config.SweepFiles;
import org.deepmod.data.ComplexMatFiles;
import org.deepmod.storage.OutputLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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

    /**
     * One case: its command line (made in the folder), what the message must name, and text of the input it must
     * not quote (empty: nothing to check).
     */
    record Case(String name, Function<Path, String[]> args, Function<Path, String> names, String neverQuoted) {
        Case(String name, Function<Path, String[]> args, Function<Path, String> names) {
            this(name, args, names, "");
        }

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

    private static Path bytes(Path folder, String name, byte[] content) {
        try {
            Files.createDirectories(folder);
            return Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path link(Path link, String target) {
        try {
            return Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG's first bytes: not UTF-8 (0x89), with control characters, as a binary file's header would be. */
    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, '\r',
        'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5c, 0x72, (byte) 0xa8, 0x66};

    /** NumPy's magic and version 1.0, then a 100-byte header of control characters and invalid UTF-8. */
    private static byte[] garbageNpy() {
        byte[] bytes = new byte[10 + 100];
        System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 100, 0}, 0, bytes, 0, 10);
        for (int i = 10; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 2 == 0 ? 0x1b : 0xff);
        }
        return bytes;
    }

    /**
     * A .npy whose header is valid and promises 100 points of t, x, u (2 400 bytes of float64) of which 80 bytes
     * follow: a copy cut short. Nothing before the read looks inside a data file, so only the read finds it.
     */
    private static byte[] cutNpy() {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (100, 3), }";
        String header = dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n";
        byte[] bytes = new byte[128 + 80];
        System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0}, 0,
                bytes, 0, 10);
        System.arraycopy(header.getBytes(StandardCharsets.US_ASCII), 0, bytes, 10, header.length());
        return bytes;
    }

    /**
     * {@code unreadable.npy}: a data file that exists and is a regular file, as every check before the read sees,
     * but whose read is refused (permission denied). Where chmod denies it (not root), a real .npy made unreadable;
     * as root, who reads a chmod'ed file, a link to a write-only kernel attribute (sysfs), which the kernel opens
     * for reading to no one. Skips the case where neither is at hand.
     */
    private static Path unreadable(Path folder) {
        Path data = bytes(folder, "unreadable.npy", cutNpy());
        try {
            Files.setPosixFilePermissions(data, java.util.Set.of());
            if (!canOpen(data)) {
                return data;
            }
            Files.delete(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String attribute : new String[] {"/sys/bus/platform/uevent", "/sys/bus/pci/uevent",
            "/sys/bus/cpu/uevent"}) {
            if (Files.isRegularFile(Path.of(attribute)) && !canOpen(Path.of(attribute))) {
                return link(data, attribute);
            }
        }
        Assumptions.assumeTrue(false, "no file here whose read is refused: running as root without sysfs");
        return data;
    }

    private static boolean canOpen(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A run config reading this data file. */
    private static String runOn(Path d, String data) {
        return file(d, "run.yaml", "name: p\nsamples: 300\ndataset: {type: file, path: " + data + "}\n").toString();
    }

    /**
     * A port that answers in another protocol: an HTTP server's reply to whatever is sent (Hadoop reads "HTTP" as
     * an RPC length of 1.2 GB), and one that closes every connection at once. Threads of this JVM, daemon.
     */
    private static final int HTTP_PORT = serve(true);
    private static final int CLOSING_PORT = serve(false);

    private static int serve(boolean http) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (true) {
                    try (Socket s = server.accept()) {
                        if (http) {
                            s.getInputStream().read(new byte[4096]);
                            s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                        }
                    } catch (IOException e) {
                        // the client went away first: the next one
                    }
                }
            }, http ? "http port" : "closing port");
            t.setDaemon(true);
            t.start();
            return server.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * chattr +i: a folder even root cannot write in (root writes in a chmod'ed one); undone after the class.
     * Skips the case where the file system has no such attribute.
     */
    private static Path immutable(Path folder) {
        Assumptions.assumeTrue(chattr("+i", folder) == 0, "chattr +i is not supported here");
        return folder;
    }

    private static int chattr(String flag, Path path) {
        try {
            Process p = new ProcessBuilder("chattr", "-R", flag, path.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @AfterAll
    static void letTheTemporaryFolderBeDeleted() {
        chattr("-i", dir);
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
            new Case("a config of binary bytes",
                d -> new String[] {"run", bytes(d, "bin.yaml", PNG_START).toString(), "--out", d.resolve("o").toString()},
                d -> d.resolve("bin.yaml") + ": not a text file (its bytes are not UTF-8)"),
            new Case("a config of 2 MB on one line (a data file given by mistake)",
                d -> new String[] {"run", file(d, "big.yaml", "noise: " + "7".repeat(2_000_000) + "\n").toString(),
                        "--out", d.resolve("o").toString()},
                d -> d.resolve("big.yaml") + ": 2000008 bytes is too large for a config file (at most 1048576)"),
            new Case("a .csv of binary bytes",
                d -> new String[] {"run", runOn(d, bytes(d, "png.csv", PNG_START).toString()), "--out",
                        d.resolve("o").toString()},
                d -> d.resolve("png.csv") + ": not a text file (line 1 holds bytes that are not UTF-8 text)", "PNG"),
            new Case("a .npy whose header is binary bytes",
                d -> new String[] {"run", runOn(d, bytes(d, "garbage.npy", garbageNpy()).toString()), "--out",
                        d.resolve("o").toString()},
                d -> d.resolve("garbage.npy") + ": malformed .npy header, no readable 'descr' in (a header of bytes "
                        + "that are not text)"),
            new Case("a .csv that is a link to /etc/passwd",
                d -> new String[] {"run", runOn(d, link(d.resolve("passwd.csv"), "/etc/passwd").toString()), "--out",
                        d.resolve("o").toString()},
                d -> d.resolve("passwd.csv") + ": missing column 't': line 1 is not a header row of column names",
                "root:"),
            new Case("discover on a .csv of binary bytes",
                d -> new String[] {"discover", bytes(d, "png.csv", PNG_START).toString(), "--out", d.resolve("o").toString()},
                d -> d.resolve("png.csv") + ": not a text file (line 1 holds bytes that are not UTF-8 text)", "PNG"),
            new Case("discover on a .csv that is a link to /etc/passwd",
                d -> new String[] {"discover", link(d.resolve("passwd.csv"), "/etc/passwd").toString(), "--out",
                        d.resolve("o").toString()},
                d -> d.resolve("passwd.csv") + ": line 1 is not a header row of column names", "root:"),
            new Case("a data file on a port that answers HTTP",
                d -> new String[] {"run", runOn(d, "hdfs://127.0.0.1:" + HTTP_PORT + "/data.npz"), "--out",
                        d.resolve("o").toString()},
                d -> "hdfs://127.0.0.1:" + HTTP_PORT + "/data.npz: cannot be reached (the answer is not Hadoop RPC"),
            new Case("a data file on a port that closes at once",
                d -> new String[] {"run", runOn(d, "hdfs://127.0.0.1:" + CLOSING_PORT + "/data.npz"), "--out",
                        d.resolve("o").toString()},
                d -> "hdfs://127.0.0.1:" + CLOSING_PORT + "/data.npz: cannot be reached (the connection was closed"),
            new Case("report on a folder on a port that answers HTTP",
                d -> new String[] {"report", "hdfs://127.0.0.1:" + HTTP_PORT + "/sweeps/out"},
                d -> "hdfs://127.0.0.1:" + HTTP_PORT + "/sweeps/out/" + OutputLock.NAME + ": cannot be reached"),
            new Case("report on a sweep folder that cannot be written",
                d -> {
                    file(d.resolve("ro/runs"), "r.json", "{}");
                    return new String[] {"report", immutable(d.resolve("ro")).toString()};
                },
                d -> d.resolve("ro") + ": cannot write results there"),
            new Case("a .mat whose imaginary part is more than a solver's noise",
                d -> new String[] {"run", file(d, "run.yaml", "name: p\nsamples: 100\ndataset: {type: file, path: "
                        + ComplexMatFiles.pdeFindShaped(d.resolve("half-imaginary.mat"), 0.5) + ", fields: [usol]}\n")
                        .toString(), "--out", d.resolve("o").toString()},
                d -> "taken as numerical noise); set 'complex: real' in the dataset to use the real part"),
            new Case("a data file whose read is refused (permission denied) after the checks passed",
                d -> new String[] {"run", runOn(d, unreadable(d).toString()), "--out", d.resolve("o").toString()},
                d -> d.resolve("unreadable.npy") + ": cannot read: "),
            new Case("discover on a data file whose read is refused",
                d -> new String[] {"discover", unreadable(d).toString(), "--out", d.resolve("o").toString()},
                d -> d.resolve("unreadable.npy") + ": cannot read: "),
            new Case("a .npy cut short after its header",
                d -> new String[] {"run", runOn(d, bytes(d, "cut.npy", cutNpy()).toString()), "--out",
                        d.resolve("o").toString()},
                d -> d.resolve("cut.npy") + ": truncated: the header promises shape (100, 3) of <f8 (2400 bytes "
                        + "of data) but only 80 bytes follow"),
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
        assertTrue(UserText.isText(r.err().strip()), "no binary bytes quoted: " + r.err());
        assertFalse(!c.neverQuoted().isEmpty() && r.err().contains(c.neverQuoted()), "the input not quoted: " + r.err());
    }
}
