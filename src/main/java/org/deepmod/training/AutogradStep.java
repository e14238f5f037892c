package org.deepmod.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.deepmod.library.LibraryColumns;
import org.deepmod.library.LibraryValues;
import org.deepmod.nn.Jet;
import org.deepmod.nn.DerivativeSet;
import org.deepmod.nn.Scalars;

/**
 * The step through PyTorch's autograd, through the forward jets (float64 networks, GPUs,
 * {@link Trainer.Gradients#AUTOGRAD}). It always carries every derivative: autograd costs the same either way.
 * With collocation points of their own the data term takes the network's value at the training samples and
 * the library its jet at the collocation points.
 * Grad mode is switched on per thread and backward called directly, not through DJL's GradientCollector, whose
 * JVM-wide flag forbids two trainings in one JVM (two Spark tasks in one executor).
 */
final class AutogradStep implements TrainingStep {
    private final DeepMoD model;
    private final NDArray coords;
    /** Where the library is evaluated; null: at {@link #coords}. */
    private final NDArray libraryCoords;
    private final NDArray targets;
    private final DerivativeSet spec;
    private final Scalars scalars;
    private final Adam adam;

    AutogradStep(DeepMoD model, NDArray coords, NDArray libraryCoords, NDArray targets, Scalars scalars, Adam adam) {
        this.model = model;
        this.coords = coords;
        this.libraryCoords = libraryCoords;
        this.targets = targets;
        this.spec = model.library().derivativeSet();
        this.scalars = scalars;
        this.adam = adam;
    }

    @Override
    public StepLoss take(DerivativeSet carried, boolean[][] masks, boolean write, NDManager step) {
        DataType dataType = model.network().dataType();
        JniUtils.setGradMode(true);
        NDArray libraryAt = libraryCoords == null ? coords : libraryCoords;
        Jet jet = model.network().forward(libraryAt, spec);
        NDArray u = libraryCoords == null ? jet.value() : model.network().predict(coords);
        LibraryValues lib = model.library().evaluate(jet, libraryAt, scalars);
        LibraryColumns columns = write || model.constraint().needsLibraryColumns() ? LibraryColumns.copyOf(lib) : null;
        NDArray xi = model.constraint().coefficients(columns, masks, step, dataType);
        NDArray mse = Trainer.summedMse(u, targets);
        NDArray reg = Trainer.summedMse(lib.timeDerivatives(), lib.theta().matMul(xi));
        NDArray loss = mse.add(reg);
        double lossValue = loss.toType(DataType.FLOAT64, false).getDouble();
        JniUtils.setGradMode(false);
        return new StepLoss(lossValue, () -> Trainer.value(mse), () -> Trainer.value(reg), columns, () -> {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
            adam.step(step);
        });
    }
}
