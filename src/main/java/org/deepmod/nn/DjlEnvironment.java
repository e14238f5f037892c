package org.deepmod.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Prepares DJL in this JVM before the first {@link Engine} use: offline (natives come from the
 * pytorch-native-cpu jar, nothing is downloaded), no call home, one intra-op thread unless told otherwise.
 * Two spinning OpenMP pools on two cores are up to 100x slower, so one thread per task is the default.
 */
public final class DjlEnvironment {
    private static volatile boolean initialised;

    private DjlEnvironment() {
    }

    /** Idempotent; safe to call from every task. */
    public static synchronized void init(int intraOpThreads) {
        if (!initialised) {
            System.setProperty("ai.djl.offline", "true");
            System.setProperty("OPT_OUT_TRACKING", "true");
            if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
                System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(Math.max(1, intraOpThreads)));
            }
            if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
                System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            }
            checkCache();
            Engine.getEngine("PyTorch");
            initialised = true;
        }
        JniUtils.setNumThreads(Math.max(1, intraOpThreads));
    }

    /**
     * DJL extracts libtorch into its cache folder on first use; an unwritable one (a container's HOME) ended
     * in an EngineException with its stack trace. One line instead, saying what to set.
     */
    public static void checkCache() {
        String dir = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        java.nio.file.Path cache = java.nio.file.Path.of(dir != null ? dir
                : System.getProperty("user.home") + "/.djl.ai");
        try {
            java.nio.file.Files.createDirectories(cache);
            java.nio.file.Files.deleteIfExists(java.nio.file.Files.createTempFile(cache, "probe", ""));
        } catch (java.io.IOException | RuntimeException e) {
            throw new org.deepmod.BadInputException("DJL's native library cache " + cache + " cannot be written ("
                    + e.getClass().getSimpleName() + "): set DJL_CACHE_DIR to a writable folder", e);
        }
    }

    public static void init() {
        init(1);
    }
}
