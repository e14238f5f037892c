package org.deepmod.constraint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Collections;
import java.util.List;
import org.deepmod.library.LibraryColumns;

/**
 * The fourth DeepMoD module: the coefficients ξ of the active terms, which the regression loss
 * ‖u_t − Θ(ξ∘mask)‖² uses at each step.
 */
public interface Constraint {

    /**
     * ξ for this step as an F x K array in {@code step} (0 where masked), to multiply Θ with.
     *
     * @param host  the float64 copy of this step's Θ and u_t (null if {@link #needsLibraryColumns()} is false)
     * @param masks [K][F] active terms per output
     */
    NDArray coefficients(LibraryColumns host, boolean[][] masks, NDManager step, DataType dataType);

    /**
     * ξ for a step whose loss is computed on the JVM, as [K][F] (0 where masked).
     *
     * @param host  as for {@link #coefficients}
     */
    double[][] columnCoefficients(LibraryColumns host, boolean[][] masks);

    /**
     * The gradient of the trained {@link #parameters()} (in their layout) from the loss's gradient with
     * respect to the masked coefficients ([K][F]); only called when there are such parameters.
     */
    default float[] parameterGradient(double[][] coefficientGradient) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " trains no parameters");
    }

    /** The last coefficients as [K][F] (0 where masked), in the units of the network's variables. */
    double[][] lastCoefficients();

    /** Arrays the optimiser trains besides the network (GradParams' ξ); usually none. */
    default List<NDArray> parameters() {
        return Collections.emptyList();
    }

    /** Whether {@link #coefficients} needs the host copy of Θ every step. */
    default boolean needsLibraryColumns() {
        return true;
    }

    /** A copy of ξ ([K][F]) with the coefficients the masks switch off set to 0. */
    static double[][] masked(double[][] xi, boolean[][] masks) {
        double[][] out = new double[masks.length][];
        for (int k = 0; k < masks.length; k++) {
            out[k] = new double[masks[k].length];
            for (int j = 0; j < masks[k].length; j++) {
                out[k][j] = masks[k][j] ? xi[k][j] : 0.0;
            }
        }
        return out;
    }
}
