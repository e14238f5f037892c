package org.deepmod.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.deepmod.library.LibraryColumns;
import org.deepmod.library.HandWrittenTerms;
import org.deepmod.nn.JetWithGradients;
import org.deepmod.nn.DerivativeSet;
import org.deepmod.nn.JetTape;

/**
 * The step differentiated by hand, without any autograd graph: the network's pass and parameter gradient from
 * its {@link JetTape}, the library and loss and their gradients on the JVM ({@link HandWrittenTerms},
 * {@link HandWrittenLoss}), the update by {@link Adam#step(Map)}.
 *
 * <p>With collocation points of their own the step takes two passes: the data term's at the training samples,
 * carrying u_t alone (the cheapest pass a network has), and the library's at the collocation points, carrying
 * the derivatives the terms need. A network keeps one pass's activations, so the data pass is differentiated
 * before the library pass starts.
 */
final class HandWrittenStep implements TrainingStep {
    private final DeepMoD model;
    private final NDArray coords;
    /** Where the library is evaluated; null: at {@link #coords}. */
    private final NDArray libraryCoords;
    private final DerivativeSet dataSpec;
    private final HandWrittenTerms terms;
    private final float[] targets;
    private final Adam adam;

    HandWrittenStep(DeepMoD model, NDArray coords, NDArray libraryCoords, float[] targets, Adam adam) {
        this.model = model;
        this.coords = coords;
        this.libraryCoords = libraryCoords;
        this.dataSpec = model.library().derivativeSet(new boolean[model.library().outputs()][model.library().termCount()]);
        NDArray libraryAt = libraryCoords == null ? coords : libraryCoords;
        this.terms = new HandWrittenTerms(model.library(), libraryAt.toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
                .toDoubleArray(), Math.toIntExact(libraryAt.getShape().get(1)));
        this.targets = targets;
        this.adam = adam;
    }

    @Override
    public StepLoss take(DerivativeSet carried, boolean[][] masks, boolean write, NDManager step) {
        JetWithGradients data = null;
        Map<NDArray, float[]> dataGradients = null;
        if (libraryCoords != null) {
            JetTape dataTape = model.network().tape(coords, dataSpec);
            data = dataTape.outputs();
            HandWrittenLoss.addDataGradient(data, targets);
            dataGradients = dataTape.parameterGradients();
        }
        JetTape tape = model.network().tape(libraryCoords == null ? coords : libraryCoords, carried);
        JetWithGradients jet = tape.outputs();
        LibraryColumns columns = terms.evaluate(jet);
        double[][] xi = model.constraint().columnCoefficients(columns, masks);
        HandWrittenLoss loss = HandWrittenLoss.of(data == null ? jet : data, targets, columns, xi);
        Map<NDArray, float[]> fromData = dataGradients;
        return new StepLoss(loss.total(), loss::mse, loss::reg, columns, () -> {
            if (fromData == null) {
                loss.backward(jet, targets, terms, xi);
            } else {
                loss.backwardLibrary(jet, terms, xi);
            }
            Map<NDArray, float[]> gradients = new IdentityHashMap<>(tape.parameterGradients());
            if (fromData != null) {
                fromData.forEach((parameter, g) -> add(gradients.get(parameter), g));
            }
            List<NDArray> coefficients = model.constraint().parameters();
            if (!coefficients.isEmpty()) {
                gradients.put(coefficients.get(0),
                        model.constraint().parameterGradient(loss.coefficientGradient(columns, masks)));
            }
            adam.step(gradients);
        });
    }

    private static void add(float[] into, float[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] += values[i];
        }
    }
}
