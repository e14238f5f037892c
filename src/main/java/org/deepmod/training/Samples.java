package org.deepmod.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Points to train or test on, row-major: coordinates N x (1+d) with time first, targets N x K. */
public record Samples(double[] coords, int coordDims, double[] targets, int targetDims) {

    public Samples {
        if (coords.length % coordDims != 0 || targets.length % targetDims != 0
                || coords.length / coordDims != targets.length / targetDims) {
            throw new IllegalArgumentException("coordinates and targets disagree in their number of points");
        }
    }

    public int size() {
        return coords.length / coordDims;
    }

    NDArray coordsArray(NDManager manager, DataType dataType) {
        return manager.create(coords, new Shape(size(), coordDims)).toType(dataType, false);
    }

    NDArray targetsArray(NDManager manager, DataType dataType) {
        return manager.create(targets, new Shape(size(), targetDims)).toType(dataType, false);
    }
}
