package org.deepmod.spark;

import ai.djl.Device;

/**
 * Chooses the device a run trains on from what Spark gave its task, as a pure function so that every case can
 * be tested without a GPU. Spark assigns GPUs per task ({@code spark.executor.resource.gpu.amount},
 * {@code spark.task.resource.gpu.amount}, fractions allowed) and hands their addresses to the task; whatever
 * stands in the way of using one (none assigned, no CUDA build of the engine, an address the engine does not
 * see) means CPU, and the note says why: it goes into the result's {@code device}.
 */
public final class DeviceSelection {
    private DeviceSelection() {
    }

    /** The device and the note the result records ("gpu:1 (assigned by Spark)", "cpu (no GPU ...)"). */
    public record Choice(Device device, String note) {
        public boolean isGpu() {
            return device.isGpu();
        }
    }

    /**
     * @param requested    the run config's {@code device}: auto, cpu or gpu
     * @param gpuAddresses the task's GPU addresses from {@code TaskContext.resourcesJMap().get("gpu")}, or null
     * @param engineGpus   the GPUs the DJL engine in this JVM can use (0 for the pytorch-native-cpu build)
     */
    public static Choice choose(String requested, String[] gpuAddresses, int engineGpus) {
        if ("cpu".equals(requested)) {
            return cpu("the run config asks for cpu");
        }
        if (gpuAddresses == null || gpuAddresses.length == 0) {
            return cpu("no GPU assigned to this task by Spark");
        }
        String address = gpuAddresses[0].trim();
        int index;
        try {
            index = Integer.parseInt(address);
        } catch (NumberFormatException e) {
            return cpu("GPU address '" + address + "' from Spark is not a device index");
        }
        if (engineGpus <= 0) {
            return cpu("GPU " + index + " assigned by Spark, but this executor's PyTorch engine has no CUDA build "
                    + "(add the pytorch-native-cu* natives for the cluster's CUDA)");
        }
        if (index < 0 || index >= engineGpus) {
            return cpu("GPU " + index + " assigned by Spark, but the engine sees " + engineGpus + " GPU(s)");
        }
        String shared = gpuAddresses.length > 1
                ? " of " + String.join(",", gpuAddresses) + "; a run trains on one" : "";
        return new Choice(Device.gpu(index), "gpu:" + index + " (assigned by Spark" + shared + ")");
    }

    private static Choice cpu(String why) {
        return new Choice(Device.cpu(), "cpu (" + why + ")");
    }
}
