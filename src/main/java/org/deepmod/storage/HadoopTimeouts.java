package org.deepmod.storage;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.RpcException;

/**
 * Bounds on how long an HDFS client waits for a namenode. Hadoop's own defaults wait two minutes for an answer
 * (ipc.client.rpc-timeout.ms) and retry a connection 45 times on timeouts, so a namenode that accepts but never
 * answers held `deepmod run` for 127 s and a sweep's planning for 123 s. With these, an unreachable namenode
 * fails in about 10 s (an answer) or 3 x 5 s (a connection). A value the user set (core-site.xml,
 * {@code --conf spark.hadoop.*}) is kept.
 */
public final class HadoopTimeouts {
    /** The settings and their values; also passed to executors as spark.hadoop.* by the sweep's session. */
    public static final Map<String, String> DEFAULTS = Map.of(
            "ipc.client.connect.timeout", "5000",
            "ipc.client.connect.max.retries", "2",
            "ipc.client.connect.max.retries.on.timeouts", "2",
            "ipc.client.rpc-timeout.ms", "10000",
            "dfs.client.socket-timeout", "20000");

    private HadoopTimeouts() {
    }

    /** Adds the bounds the configuration does not set itself; returns it. */
    public static Configuration apply(Configuration conf) {
        for (Map.Entry<String, String> e : DEFAULTS.entrySet()) {
            if (conf.get(e.getKey()) == null || isHadoopDefault(conf, e.getKey())) {
                conf.set(e.getKey(), e.getValue());
            }
        }
        return conf;
    }

    /** A value from Hadoop's own *-default.xml is no choice of the user's: ours replaces it. */
    private static boolean isHadoopDefault(Configuration conf, String key) {
        String[] sources = conf.getPropertySources(key);
        if (sources == null || sources.length == 0) {
            return false;
        }
        String source = sources[sources.length - 1];
        return source.endsWith("-default.xml");
    }

    /**
     * Whether this failure means the file system's server cannot be reached (no such host, nothing listening,
     * no answer in time), as opposed to a problem with the file itself.
     */
    public static boolean isUnreachable(Throwable e) {
        return unreachableCause(e) != null;
    }

    /**
     * The exception in the chain that says the server cannot be used, or null: no such host, nothing listening,
     * no answer in time, or an answer in another protocol (an HTTP or SSH server on the port: Hadoop reads its
     * first bytes as a huge RPC length, RpcException; a server that closes at once, Hadoop's "End of File
     * Exception between local host ..."). Without the last two, {@code run} blamed its output folder, exit 1.
     */
    private static Throwable unreachableCause(Throwable e) {
        Throwable found = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof SocketTimeoutException || t instanceof NoRouteToHostException
                    || t instanceof RpcException || isClosedWithoutAnswer(t)) {
                found = t;
            }
        }
        return found;
    }

    /** Hadoop's NetUtils wraps an end of stream on its connection (not in a file) in this message. */
    private static boolean isClosedWithoutAnswer(Throwable t) {
        return t instanceof EOFException && t.getMessage() != null
                && t.getMessage().startsWith("End of File Exception between local host");
    }

    /** One line for an unreachable server: the URI, then what happened, without Hadoop's wiki links. */
    public static String unreachable(String uri, Throwable e) {
        Throwable cause = unreachableCause(e);
        cause = cause == null ? e : cause;
        String what = cause instanceof UnknownHostException ? "unknown host " + cause.getMessage()
                : cause instanceof SocketTimeoutException ? "no answer within the client's timeouts, "
                        + "ipc.client.rpc-timeout.ms and ipc.client.connect.timeout"
                : cause instanceof ConnectException ? "connection refused"
                : cause instanceof RpcException ? "the answer is not Hadoop RPC: another service on that port?"
                : isClosedWithoutAnswer(cause) ? "the connection was closed without an answer: another service "
                        + "on that port?"
                : cause.getClass().getSimpleName();
        return uri + ": cannot be reached (" + what + ")";
    }

    /** An IOException as one line: the unreachable message, else its own first line. */
    public static String describe(String uri, IOException e) {
        if (isUnreachable(e)) {
            return unreachable(uri, e);
        }
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return uri + ": " + e.getClass().getSimpleName() + ": " + message;
    }
}
