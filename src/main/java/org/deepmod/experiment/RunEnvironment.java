package org.deepmod.experiment;

import ai.djl.Device;
import org.apache.hadoop.conf.Configuration;
import org.deepmod.training.TrainingListener;

/**
 * Where and how a run trains: the DJL device (with the reason it was chosen, which the result records),
 * intra-op threads, the Hadoop configuration for reading data files (local or hdfs://), and a listener
 * for progress.
 */
public record RunEnvironment(Device device, String deviceNote, int threads, Configuration hadoop,
                             TrainingListener listener) {

    public static RunEnvironment cpu() {
        return new RunEnvironment(Device.cpu(), "cpu", 1, new Configuration(), TrainingListener.NONE);
    }

    public RunEnvironment withListener(TrainingListener l) {
        return new RunEnvironment(device, deviceNote, threads, hadoop, l);
    }
}
