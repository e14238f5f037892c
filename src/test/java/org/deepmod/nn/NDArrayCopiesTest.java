package org.deepmod.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checkpoints write parameters in place: the same array, new values, in its own data type. */
class NDArrayCopiesTest {
    @BeforeAll
    static void engine() {
        DjlEnvironment.init();
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64"})
    void assignOverwritesInPlace(DataType type) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray parameter = m.zeros(new Shape(2, 3), type);
            parameter.setRequiresGradient(true);
            double[] values = {0.1, -2.5, 3.0, 1e-7, -0.0, 42.0};
            NDArrayCopies.assign(parameter, values);
            double[] back = NDArrayCopies.toDoubles(parameter);
            double tolerance = type == DataType.FLOAT32 ? 1e-6 : 0;
            assertArrayEquals(values, back, tolerance);
            assertEquals(3.0, parameter.toType(DataType.FLOAT64, false).getDouble(0, 2), tolerance);
        }
    }
}
