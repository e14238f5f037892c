package org.deepmod.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.deepmod.library.LibraryColumns;
import org.deepmod.library.HandWrittenTerms;
import org.deepmod.nn.JetWithGradients;
import org.deepmod.nn.JetSpec;
import org.deepmod.nn.JetTape;

/**
 * The step differentiated by hand, without any autograd graph: the network's pass and parameter gradient from
 * its {@link JetTape}, the library and loss and their gradients on the JVM ({@link HandWrittenTerms},
 * {@link HandWrittenLoss}), the update by {@link Adam#step(Map)}.
 */
final class HandWrittenStep implements TrainingStep {
    private final DeepMoD model;
    private final NDArray coords;
    private final HandWrittenTerms terms;
    private final float[] targets;
    private final Adam adam;

    HandWrittenStep(DeepMoD model, NDArray coords, float[] targets, Adam adam) {
        this.model = model;
        this.coords = coords;
        this.terms = new HandWrittenTerms(model.library(), coords.toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
                .toDoubleArray(), Math.toIntExact(coords.getShape().get(1)));
        this.targets = targets;
        this.adam = adam;
    }

    @Override
    public StepLoss take(JetSpec carried, boolean[][] masks, boolean write, NDManager step) {
        JetTape tape = model.network().tape(coords, carried);
        JetWithGradients jet = tape.outputs();
        LibraryColumns columns = terms.evaluate(jet);
        double[][] xi = model.constraint().columnCoefficients(columns, masks);
        HandWrittenLoss loss = HandWrittenLoss.of(jet, targets, columns, xi);
        return new StepLoss(loss.total(), loss::mse, loss::reg, columns, () -> {
            loss.backward(jet, targets, terms, xi);
            Map<NDArray, float[]> gradients = new IdentityHashMap<>(tape.parameterGradients());
            List<NDArray> coefficients = model.constraint().parameters();
            if (!coefficients.isEmpty()) {
                gradients.put(coefficients.get(0),
                        model.constraint().parameterGradient(loss.coefficientGradient(columns, masks)));
            }
            adam.step(gradients);
        });
    }
}
