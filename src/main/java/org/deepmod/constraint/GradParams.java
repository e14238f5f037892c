package org.deepmod.constraint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.deepmod.library.LibraryColumns;
import org.deepmod.nn.NDArrayCopies;

/** ξ as trainable parameters (initialised N(0, 1), seeded), learnt by the optimiser through the Reg loss. */
public final class GradParams implements Constraint {
    private final NDArray xi; // [F, K]
    private final int terms;
    private final int outputs;

    public GradParams(NDManager manager, int terms, int outputs, DataType dataType, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] init = new double[terms * outputs];
        for (int i = 0; i < init.length; i++) {
            init[i] = gaussian(random);
        }
        this.terms = terms;
        this.outputs = outputs;
        this.xi = manager.create(init, new Shape(terms, outputs)).toType(dataType, false);
        xi.setName("xi");
        xi.setRequiresGradient(true);
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Override
    public NDArray coefficients(LibraryColumns host, boolean[][] masks, NDManager step, DataType dataType) {
        float[] m = new float[terms * outputs];
        for (int j = 0; j < terms; j++) {
            for (int k = 0; k < outputs; k++) {
                m[j * outputs + k] = masks[k][j] ? 1f : 0f;
            }
        }
        NDArray mask = step.create(m, new Shape(terms, outputs)).toType(dataType, false);
        return xi.mul(mask);
    }

    @Override
    public double[][] columnCoefficients(LibraryColumns host, boolean[][] masks) {
        return Constraint.masked(lastCoefficients(), masks);
    }

    /** ξ is stored F x K; a masked coefficient gets no gradient (it is multiplied by 0 in the loss). */
    @Override
    public float[] parameterGradient(double[][] coefficientGradient) {
        float[] flat = new float[terms * outputs];
        for (int j = 0; j < terms; j++) {
            for (int k = 0; k < outputs; k++) {
                flat[j * outputs + k] = (float) coefficientGradient[k][j];
            }
        }
        return flat;
    }

    @Override
    public double[][] lastCoefficients() {
        double[] flat = NDArrayCopies.toDoubles(xi);
        double[][] out = new double[outputs][terms];
        for (int j = 0; j < terms; j++) {
            for (int k = 0; k < outputs; k++) {
                out[k][j] = flat[j * outputs + k];
            }
        }
        return out;
    }

    @Override
    public List<NDArray> parameters() {
        return List.of(xi);
    }

    @Override
    public boolean needsLibraryColumns() {
        return false;
    }
}
