package org.deepmod.spark;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * When a failing run is given up: Spark retries a failed task up to {@code spark.task.maxFailures} times in
 * all (4 by default on a cluster); {@code local[N]} tries once and {@code local[N,F]} F times, whatever the
 * setting says. A run's task rethrows before its last attempt (so that Spark retries it, possibly on another
 * executor) and records the run as FAILED on the last one, so that the sweep goes on.
 */
public final class Retries {
    private static final Pattern LOCAL_N = Pattern.compile("local(\\[[0-9*]+])?");
    private static final Pattern LOCAL_N_F = Pattern.compile("local\\[\\s*([0-9]+|\\*)\\s*,\\s*([0-9]+)\\s*]");

    private Retries() {
    }

    /** The attempts Spark gives each task under this master and configuration. */
    public static int maxAttempts(String master, SparkConf conf) {
        String m = master.trim().toLowerCase(Locale.ROOT);
        Matcher withFailures = LOCAL_N_F.matcher(m);
        if (withFailures.matches()) {
            return Integer.parseInt(withFailures.group(2));
        }
        if (LOCAL_N.matcher(m).matches()) {
            return 1;
        }
        return conf.getInt("spark.task.maxFailures", 4);
    }

    /** True on the attempt after which Spark would give the task up (attempts count from 0). */
    public static boolean isLastAttempt(int attemptNumber, int maxAttempts) {
        return attemptNumber + 1 >= maxAttempts;
    }
}
