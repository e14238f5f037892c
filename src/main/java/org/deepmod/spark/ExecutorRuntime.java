package org.deepmod.spark;

import ai.djl.engine.Engine;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.deepmod.experiment.RunEnvironment;
import org.deepmod.nn.DjlEnvironment;
import org.deepmod.training.TrainingListener;

/**
 * What a run needs from the executor it lands on: DJL started offline with one intra-op thread per task
 * core ({@code spark.task.cpus}; two tasks sharing an executor's cores must not both spin a pool over all of
 * them), and the device chosen from the task's Spark GPU resources. Training itself avoids DJL's JVM-wide
 * GradientCollector (see {@code training.Trainer}), so concurrent tasks in one executor JVM do not collide.
 */
final class ExecutorRuntime {
    private ExecutorRuntime() {
    }

    static RunEnvironment environment(String requestedDevice, Configuration hadoop) {
        TaskContext task = TaskContext.get();
        int threads = task == null ? 1 : Math.max(1, task.cpus());
        DjlEnvironment.init(threads);
        DeviceSelection.Choice device = DeviceSelection.choose(requestedDevice, gpuAddresses(task),
                Engine.getEngine("PyTorch").getGpuCount());
        return new RunEnvironment(device.device(), device.note(), threads, hadoop, TrainingListener.NONE);
    }

    private static String[] gpuAddresses(TaskContext task) {
        if (task == null) {
            return null;
        }
        Map<String, ResourceInformation> resources = task.resourcesJMap();
        ResourceInformation gpu = resources == null ? null : resources.get("gpu");
        return gpu == null ? null : gpu.addresses();
    }
}
