package org.deepmod.spark;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deepmod.BadInputException;
import org.deepmod.experiment.SweepPlan;

/**
 * Data file paths as the driver sees them, made absolute ({@code data/x.npz} becomes
 * {@code file:/home/me/project/data/x.npz}) because executors run in other working folders, and checked to
 * exist before any run starts: a missing file is a mistake in the sweep, not a hundred FAILED runs.
 */
public final class HadoopDataPaths implements SweepPlan.DataPaths {
    private final Configuration conf;

    public HadoopDataPaths(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public String resolve(String path) {
        Path p = new Path(path);
        try {
            FileSystem fs = p.getFileSystem(conf);
            Path qualified = fs.makeQualified(p);
            if (!fs.isFile(qualified)) {
                throw new BadInputException(path + ": no such data file (" + qualified + ")");
            }
            return qualified.toString();
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(path + ": cannot be reached: " + e.getMessage(), e);
        }
    }
}
