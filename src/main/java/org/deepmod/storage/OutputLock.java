package org.deepmod.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.deepmod.BadInputException;

/**
 * One sweep at a time per output folder. Two sweeps on one folder both trained every run, and one died when
 * the other removed its temporary files. The lock is a file, {@code <output>/_deepmod.lock}, created only if
 * absent (atomic on HDFS through the namenode, and locally through the operating system's create-new), holding
 * its owner, host, pid and start; its modification time is a heartbeat, renewed every {@link #HEARTBEAT}.
 * A lock whose owner is gone (same host, no such process) or whose heartbeat is older than
 * {@link #STALE_AFTER} is taken over with a message; any other is refused, naming the holder. A holder that
 * finds its lock taken over (it was paused longer than the bound: SIGSTOP, a suspended job) must stop writing:
 * it calls {@link #onLost}, which the command line sets to a one-line exit 2.
 */
public final class OutputLock implements AutoCloseable {
    public static final String NAME = "_deepmod.lock";
    /** The bounds may be shortened for a test of a pause (system properties, seconds); never lengthened silently. */
    static final Duration HEARTBEAT = Duration.ofSeconds(Long.getLong("deepmod.lock.heartbeat", 10));
    static final Duration STALE_AFTER = Duration.ofSeconds(Long.getLong("deepmod.lock.staleAfter", 90));
    /** What a sweep leaves half-written under its output; removed when the JVM ends holding the lock. */
    public static final String TEMPORARY = "_tmp";
    private static volatile java.util.function.Consumer<String> onLost =
            line -> System.err.println("warning: " + line);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final Path file;
    private final String token;
    private final ScheduledExecutorService heartbeat;
    /** Releases the lock when the JVM ends without close() (Ctrl-C), before Hadoop closes its file systems (10). */
    private final Runnable releaseAtExit = () -> {
        if (release()) {
            deleteTemporary();
        }
    };
    private static final int RELEASE_PRIORITY = 40;

    private OutputLock(FileSystem fs, Path file, String token) {
        this.fs = fs;
        this.file = file;
        this.token = token;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deepmod output lock heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        ShutdownHookManager.get().addShutdownHook(releaseAtExit, RELEASE_PRIORITY);
    }

    public Path file() {
        return file;
    }

    /**
     * What a holder does when it finds its lock taken over, given a line naming the new holder. The default
     * only warns (a library caller decides); the command line stops the process with exit 2.
     */
    public static void onLost(java.util.function.Consumer<String> action) {
        onLost = action;
    }

    /** Takes the lock of the output folder (which exists), or throws a {@link BadInputException} naming its holder. */
    public static OutputLock acquire(FileSystem fs, Path output, PrintStream out) {
        Path file = new Path(output, NAME);
        String token = UUID.randomUUID().toString();
        byte[] content = content(token);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (createNew(fs, file, content)) {
                    return new OutputLock(fs, file, token);
                }
                Holder holder = Holder.read(fs, file);
                if (holder == null) {
                    continue; // released between our create and our read: try again
                }
                String stale = holder.staleness();
                if (stale == null) {
                    throw held(output, file, holder);
                }
                out.println("taking over the lock of " + output + " from " + holder.describe() + ": " + stale);
                fs.delete(file, false);
            }
            throw new BadInputException(output + ": cannot take the lock " + file + ": other sweeps keep taking it");

        } catch (IOException e) {
            throw new BadInputException(org.deepmod.storage.HadoopTimeouts.describe(file.toString(), e), e);
        }
    }

    /**
     * Throws the same refusal as {@link #acquire} when a live sweep holds the folder's lock, without taking it:
     * for the command line to stop before Spark starts.
     */
    public static void ensureFree(FileSystem fs, Path output) {
        Path file = new Path(output, NAME);
        try {
            Holder holder = Holder.read(fs, file);
            if (holder != null && holder.staleness() == null) {
                throw held(output, file, holder);
            }
        } catch (IOException e) {
            throw new BadInputException(org.deepmod.storage.HadoopTimeouts.describe(file.toString(), e), e);
        }
    }

    private static BadInputException held(Path output, Path file, Holder holder) {
        return new BadInputException(output + ": another sweep or run is writing to this folder: "
                + holder.describe() + " (lock file " + file + "); wait for it to end, or delete the lock file if "
                + "that command is gone");
    }


    /** Creates the file with this content only if no file is there; false when one is. */
    private static boolean createNew(FileSystem fs, Path file, byte[] content) throws IOException {
        if (fs instanceof RawLocalFileSystem local) {
            // Hadoop's local create(overwrite=false) checks, then creates: two sweeps could both pass the check
            try {
                Files.write(Paths.get(local.pathToFile(file).getPath()), content,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
        try (OutputStream stream = fs.create(file, false)) {
            stream.write(content);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        } catch (org.apache.hadoop.ipc.RemoteException e) {
            if (e.unwrapRemoteException() instanceof org.apache.hadoop.fs.FileAlreadyExistsException) {
                return false;
            }
            throw e;
        }
    }

    private static byte[] content(String token) {
        ObjectNode node = JSON.createObjectNode();
        node.put("owner", System.getProperty("user.name"));
        node.put("host", host());
        node.put("pid", ProcessHandle.current().pid());
        node.put("started", Instant.now().toString());
        node.put("token", token);
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    /**
     * Renews the heartbeat. A lock that is no longer ours (taken over as stale while this process was paused,
     * or deleted) means another command writes here now: {@link #onLost}.
     */
    private void beat() {
        try {
            Holder holder = Holder.read(fs, file);
            if (holder == null || !token.equals(holder.token)) {
                heartbeat.shutdown();
                onLost.accept(file.getParent() + ": this command's lock was " + (holder == null
                        ? "deleted" : "taken over by " + holder.describe()) + " (lock file " + file + ")");
                return;
            }
            fs.setTimes(file, System.currentTimeMillis(), -1);
        } catch (IOException e) {
            System.err.println("warning: cannot renew the lock " + file + ": " + e.getMessage());
        }
    }

    /** Releases the lock if it is still ours. */
    @Override
    public void close() {
        if (!ShutdownHookManager.get().isShutdownInProgress()) {
            ShutdownHookManager.get().removeShutdownHook(releaseAtExit);
        }
        release();
    }

    /** True when the lock was still ours, and is released. */
    private boolean release() {
        heartbeat.shutdownNow();
        try {
            Holder holder = Holder.read(fs, file);
            if (holder != null && token.equals(holder.token)) {
                fs.delete(file, false);
                return true;
            }
        } catch (IOException e) {
            System.err.println("warning: cannot release the lock " + file + ": " + e.getMessage());
        }
        return false;
    }

    /** At exit (Ctrl-C, SIGTERM) with the lock still ours: what this command's writers left half-written. */
    private void deleteTemporary() {
        try {
            fs.delete(new Path(file.getParent(), TEMPORARY), true);
        } catch (IOException e) {
            System.err.println("warning: cannot delete " + new Path(file.getParent(), TEMPORARY) + ": " + e.getMessage());
        }
    }

    /** Who holds a lock, as its file says, and when it last showed a sign of life. */
    private record Holder(String owner, String host, long pid, String started, String token, long heartbeat) {
        static Holder read(FileSystem fs, Path file) throws IOException {
            FileStatus status;
            byte[] bytes;
            if (fs.exists(file) && fs.getFileStatus(file).isDirectory()) {
                throw new BadInputException(file + ": is a folder, not a lock file; remove it (no command can "
                        + "take this output folder's lock while it is there)");
            }
            try (InputStream in = fs.open(file)) {
                status = fs.getFileStatus(file);
                bytes = in.readAllBytes();
            } catch (FileNotFoundException e) {
                return null;
            }
            JsonNode node;
            try {
                node = JSON.readTree(bytes);
            } catch (IOException e) {
                node = null; // being written, or damaged: only its age can tell
            }
            if (node == null || !node.isObject()) {
                return new Holder("?", "?", -1, "?", "", status.getModificationTime());
            }
            return new Holder(node.path("owner").asText("?"), node.path("host").asText("?"), node.path("pid").asLong(-1),
                    node.path("started").asText("?"), node.path("token").asText(""), status.getModificationTime());
        }

        /** Why this lock is stale, or null while its owner may still be at work. */
        String staleness() {
            long age = System.currentTimeMillis() - heartbeat;
            if (age > STALE_AFTER.toMillis()) {
                return "its heartbeat is " + age / 1000 + " s old (more than " + STALE_AFTER.toSeconds() + " s)";
            }
            if (host.equals(host()) && pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                return "process " + pid + " is gone";
            }
            return null;
        }

        String describe() {
            long age = Math.max(0, (System.currentTimeMillis() - heartbeat) / 1000);
            return owner + "@" + host + " pid " + pid + ", started " + started + ", heartbeat " + age + " s ago";
        }
    }
}
