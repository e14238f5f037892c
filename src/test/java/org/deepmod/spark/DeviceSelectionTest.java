package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which device a task trains on, from the run's request, Spark's GPU addresses and the engine's GPUs. */
class DeviceSelectionTest {

    @ParameterizedTest(name = "{0} with GPUs [{1}] and {2} engine GPU(s): {3}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "auto | none | 0 | cpu()  | cpu (no GPU assigned to this task by Spark)",
        "gpu  | none | 2 | cpu()  | cpu (no GPU assigned to this task by Spark)",
        "auto | ''   | 2 | cpu()  | cpu (no GPU assigned to this task by Spark)",
        "cpu  | 0    | 2 | cpu()  | cpu (the run config asks for cpu)",
        "auto | 0    | 0 | cpu()  | cpu (GPU 0 assigned by Spark, but this executor's PyTorch engine has no CUDA build "
                + "(add the pytorch-native-cu* natives for the cluster's CUDA))",
        "auto | 3    | 2 | cpu()  | cpu (GPU 3 assigned by Spark, but the engine sees 2 GPU(s))",
        "auto | gpu0 | 2 | cpu()  | cpu (GPU address 'gpu0' from Spark is not a device index)",
        "auto | 1    | 2 | gpu(1) | gpu:1 (assigned by Spark)",
        "gpu  | 0    | 1 | gpu(0) | gpu:0 (assigned by Spark)",
        "auto | 1,0  | 2 | gpu(1) | gpu:1 (assigned by Spark of 1,0; a run trains on one)"})
    void choosesTheDeviceAndSaysWhy(String requested, String addresses, int engineGpus, String device, String note) {
        String[] gpus = addresses == null ? null : addresses.isEmpty() ? new String[0] : addresses.split(",");
        DeviceSelection.Choice choice = DeviceSelection.choose(requested, gpus, engineGpus);
        Device expected = device.equals("cpu()") ? Device.cpu()
                : Device.gpu(Integer.parseInt(device.substring(4, device.length() - 1)));
        assertEquals(expected, choice.device());
        assertEquals(note, choice.note());
    }
}
