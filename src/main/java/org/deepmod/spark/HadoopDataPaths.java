package org.deepmod.spark;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deepmod.BadInputException;
import org.deepmod.storage.HadoopTimeouts;
import org.deepmod.config.SweepPlan;

/**
 * Data file paths as the driver sees them, made absolute ({@code data/x.npz} becomes
 * {@code file:/home/me/project/data/x.npz}) because executors run in other working folders, and checked to
 * exist before any run starts: a missing file is a mistake in the sweep, not a hundred FAILED runs.
 */
public final class HadoopDataPaths implements SweepPlan.DataPaths {
    private final Configuration conf;
    /**
     * Each path is looked at once, its answer (or its problem) kept: every run of a sweep names the same file,
     * and an unreachable namenode would otherwise cost its timeout once per run.
     */
    private final Map<String, Supplier<String>> resolved = new HashMap<>();

    public HadoopDataPaths(Configuration conf) {
        this.conf = HadoopTimeouts.apply(new Configuration(conf));
    }

    @Override
    public String resolve(String path) {
        return resolved.computeIfAbsent(path, this::lookUp).get();
    }

    private Supplier<String> lookUp(String path) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            Path qualified = fs.makeQualified(p);
            if (!fs.isFile(qualified)) {
                return problem(path + ": no such data file (" + qualified + ")");
            }
            String answer = qualified.toString();
            return () -> answer;
        } catch (IOException | IllegalArgumentException e) {
            return problem(HadoopTimeouts.isUnreachable(e) ? HadoopTimeouts.unreachable(path, e)
                    : path + ": cannot be reached: " + e.getMessage());
        }
    }

    private static Supplier<String> problem(String message) {
        return () -> {
            throw new BadInputException(message);
        };
    }
}
