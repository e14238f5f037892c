package org.deepmod.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deepmod.constraint.Constraint;
import org.deepmod.library.LibraryColumns;
import org.deepmod.library.LibraryValues;
import org.deepmod.nn.FunctionApproximator;
import org.deepmod.nn.NDArrayCopies;
import org.deepmod.nn.Jet;
import org.deepmod.nn.DerivativeSet;
import org.deepmod.nn.Scalars;

/**
 * Trains a {@link DeepMoD} model full-batch: loss = Σ_k MSE_k + Reg_k with Reg_k = mean (u_t − Θ(ξ∘g))²
 * (MSE over the training samples, Reg over them too or over collocation points of its own);
 * at every write iteration the test MSE, the sparsity scheduler (which may call the estimator for a new
 * mask) and the convergence test.
 *
 * <p>How a step takes its gradient is chosen once, before the loop: by hand for float32 networks on the CPU
 * ({@link HandWrittenStep}: no autograd graph at all), else through autograd ({@link AutogradStep}). Each step
 * runs in its own NDManager scope with the parameters, data and optimiser state temporarily attached, so that
 * nothing accumulates across iterations.
 */
public final class Trainer {
    /** How the network's parameter gradient is taken. */
    public enum Gradients {
        /** By hand ({@link HandWrittenStep}) where the network has a hand-written backward, autograd elsewhere. */
        HAND_WRITTEN,
        /** Autograd through the forward jets always: the reference the hand-written step is checked against. */
        AUTOGRAD
    }

    private final TrainingOptions options;
    private final Gradients gradients;

    public Trainer(TrainingOptions options) {
        this(options, Gradients.HAND_WRITTEN);
    }

    public Trainer(TrainingOptions options, Gradients gradients) {
        this.options = options;
        this.gradients = gradients;
    }

    public TrainingResult train(DeepMoD model, Samples train, Samples test, SparsityScheduler scheduler,
                                TrainingListener listener) {
        return train(model, train, test, null, scheduler, listener);
    }

    /**
     * As {@link #train(DeepMoD, Samples, Samples, SparsityScheduler, TrainingListener)}, the library (the
     * residual term of the loss, the constraint's fit and the estimator's view) evaluated at
     * {@code collocationPoints} (row-major coordinates, as the samples') instead of at the training samples, which
     * then enter the data term alone; null: at the training samples. The network is continuous, so the data can
     * be as many points as there are while the derivatives, which cost most, are taken where they are wanted.
     */
    public TrainingResult train(DeepMoD model, Samples train, Samples test, double[] collocationPoints,
                                SparsityScheduler scheduler, TrainingListener listener) {
        long start = System.nanoTime();
        FunctionApproximator network = model.network();
        DataType dataType = network.dataType();
        DerivativeSet spec = model.library().derivativeSet();
        boolean previousGradMode = JniUtils.isGradMode();
        try (NDManager manager = NDManager.newBaseManager(network.device())) {
            Scalars scalars = new Scalars(manager, dataType);
            Data data = new Data(manager, dataType, train, test, collocationPoints);
            List<NDArray> parameters = model.trainableParameters();
            Adam adam = new Adam(parameters, manager, options.learningRate(), options.beta1(), options.beta2(),
                    options.epsilon(), options.amsgrad());
            NDArray[] attached = data.withParameters(parameters);
            StateCheckpoints checkpoints = new StateCheckpoints(parameters, adam);
            boolean byHand = gradients == Gradients.HAND_WRITTEN && network.differentiatesByHand(data.coords);
            String obstacle = byHand ? model.library().handWrittenObstacle() : null;
            String pathNote = obstacle == null ? "" : "; trained through autograd: " + obstacle;
            TrainingStep stepper = byHand && obstacle == null
                    ? new HandWrittenStep(model, data.coords, data.libraryCoords, data.targetArray(), adam)
                    : new AutogradStep(model, data.coords, data.libraryCoords, data.targets, scalars, adam);
            Convergence convergence = new Convergence(options.convergencePatience(), options.convergenceDelta(),
                    options.convergenceRelative());
            EarlyStopping earlyStopping = new EarlyStopping(options.earlyStoppingPatience(),
                    options.earlyStoppingRise());
            StateCheckpoints bestTest = new StateCheckpoints(parameters, adam);
            Masks masks = new Masks(model);
            RunStatus status = RunStatus.MAX_ITERATIONS;
            String reason = "reached the iteration cap of " + options.maxIterations();
            int iteration = 0;
            double initialLoss = Double.NaN;
            for (; iteration < options.maxIterations(); iteration++) {
                boolean write = iteration % options.writeIterations() == 0;
                try (NDManager step = manager.newSubManager()) {
                    step.tempAttachAll(attached);
                    // between write iterations (where the estimator may run and needs every column) a step
                    // carries only the derivatives of the active terms
                    StepLoss loss = stepper.take(write ? spec : masks.carried, masks.active, write, step);
                    if (iteration == 0) {
                        initialLoss = loss.value();
                    }
                    if (loss.diverged(initialLoss)) {
                        status = RunStatus.DIVERGED;
                        reason = "the loss became " + loss.value() + " at iteration " + iteration
                                + (Double.isFinite(loss.value())
                                ? " (" + StepLoss.DIVERGENCE_FACTOR + " times its initial value)" : "");
                        break;
                    }
                    loss.update().run();
                    if (!write) {
                        continue;
                    }
                    LibraryColumns columns = loss.columns();
                    double testMse = testMse(network, data.testCoords, data.testTargets);
                    checkpoints.restored = false;
                    double[][] estimated = null;
                    if (scheduler.shouldUpdate(iteration, testMse, checkpoints)) {
                        if (checkpoints.restored) {
                            // the mask must come from the restored network, not the one that just stepped
                            columns = columnsAt(model, data.libraryPoints(), scalars);
                        }
                        estimated = masks.update(columns, step, dataType);
                        convergence.maskUpdated();
                        earlyStopping.maskUpdated();
                    }
                    // where the scheduler just restored its best network, testMse is the replaced network's
                    EarlyStopping.Decision decision = checkpoints.restored ? EarlyStopping.Decision.CONTINUE
                            : earlyStopping.watch(iteration, testMse);
                    if (decision == EarlyStopping.Decision.KEEP) {
                        bestTest.save();
                    } else if (decision == EarlyStopping.Decision.STOP) {
                        // the equation is read from the network that predicted the held-out samples best
                        bestTest.restore();
                        columns = columnsAt(model, data.libraryPoints(), scalars);
                        estimated = masks.update(columns, step, dataType);
                    }
                    double[][] normalized = normalizedCoefficients(model, columns, masks.active);
                    double l1 = 0;
                    double[] flat = new double[normalized.length * normalized[0].length];
                    for (int k = 0; k < normalized.length; k++) {
                        for (int j = 0; j < normalized[k].length; j++) {
                            l1 += Math.abs(normalized[k][j]);
                            flat[k * normalized[k].length + j] = normalized[k][j];
                        }
                    }
                    listener.onWrite(new TraceEntry(iteration, loss.value(), loss.mse(), loss.reg(), testMse, l1,
                            copy(masks.active), normalized, estimated));
                    if (decision == EarlyStopping.Decision.STOP) {
                        status = RunStatus.CONVERGED;
                        reason = String.format(Locale.ROOT, "stopped early: the test MSE stayed more than %.3g"
                                + " above its lowest (%.4g, iteration %d) for %d iterations, the network fitting the"
                                + " noise; the equation is read from the network of iteration %d",
                                options.earlyStoppingRise(), earlyStopping.lowest(), earlyStopping.lowestIteration(),
                                options.earlyStoppingPatience(), earlyStopping.lowestIteration());
                        iteration++;
                        break;
                    }
                    if (convergence.converged(iteration, l1, flat)) {
                        status = RunStatus.CONVERGED;
                        reason = "coefficients stable within " + options.convergenceDelta()
                                + (options.convergenceRelative() ? " (relative)" : "") + " for "
                                + options.convergencePatience() + " iterations";
                        iteration++;
                        break;
                    }
                }
            }
            try (NDManager step = manager.newSubManager()) {
                step.tempAttachAll(attached);
                return finish(model, new Outcome(status, reason + pathNote, iteration, start), masks, data, scalars, step);
            }
        } finally {
            JniUtils.setGradMode(previousGradMode);
        }
    }

    /** How the loop ended. */
    private record Outcome(RunStatus status, String reason, int iterations, long startNanos) {
    }

    /** The training and test data as arrays of the network's type, on its device. */
    private static final class Data {
        final NDArray coords;
        final NDArray targets;
        final NDArray testCoords;
        final NDArray testTargets;

        /** Where the library is evaluated; null: at {@link #coords}. */
        final NDArray libraryCoords;

        Data(NDManager manager, DataType dataType, Samples train, Samples test, double[] collocationPoints) {
            coords = train.coordsArray(manager, dataType);
            libraryCoords = collocationPoints == null ? null : manager.create(collocationPoints,
                    new Shape(collocationPoints.length / train.coordDims(), train.coordDims()))
                    .toType(dataType, false);
            targets = train.targetsArray(manager, dataType);
            testCoords = test.size() > 0 ? test.coordsArray(manager, dataType) : null;
            testTargets = test.size() > 0 ? test.targetsArray(manager, dataType) : null;
        }

        /** Where the library is evaluated. */
        NDArray libraryPoints() {
            return libraryCoords == null ? coords : libraryCoords;
        }

        /** The training targets as floats on the JVM, for the hand-written loss. */
        float[] targetArray() {
            return targets.toType(DataType.FLOAT32, false).toFloatArray();
        }

        /** These arrays and the parameters: what every step's scope attaches. */
        NDArray[] withParameters(List<NDArray> parameters) {
            List<NDArray> scoped = new ArrayList<>(parameters);
            scoped.add(coords);
            scoped.add(targets);
            if (testCoords != null) {
                scoped.add(testCoords);
                scoped.add(testTargets);
            }
            if (libraryCoords != null) {
                scoped.add(libraryCoords);
            }
            return scoped.toArray(new NDArray[0]);
        }
    }

    /** The active terms per output, what a step between write iterations carries, and the estimator's last word. */
    private static final class Masks {
        private final DeepMoD model;
        final boolean[][] active;
        private final boolean[][] candidates;
        DerivativeSet carried;
        double[][] estimatorCoefficients;
        int updates;

        Masks(DeepMoD model) {
            this.model = model;
            candidates = model.library().candidates();
            active = new boolean[model.library().outputs()][model.library().termCount()];
            for (int k = 0; k < active.length; k++) {
                if (candidates == null) {
                    Arrays.fill(active[k], true);
                } else {
                    System.arraycopy(candidates[k], 0, active[k], 0, active[k].length);
                }
            }
            carried = model.library().derivativeSet(active);
        }

        /** The estimator's new masks from {@code columns}, ξ fitted under them; returns its coefficients. */
        double[][] update(LibraryColumns columns, NDManager step, DataType dataType) {
            double[][] estimated = new double[active.length][];
            for (int k = 0; k < active.length; k++) {
                // a term the output may not use reaches the estimator as a zero column: never selected
                estimated[k] = model.estimator().normalizedCoefficients(
                        candidates == null ? columns : columns.keeping(candidates[k]), k);
                for (int j = 0; j < active[k].length; j++) {
                    active[k][j] = estimated[k][j] != 0.0;
                }
            }
            estimatorCoefficients = estimated;
            updates++;
            model.constraint().coefficients(columns, active, step, dataType); // ξ under the new mask
            carried = model.library().derivativeSet(active);
            return estimated;
        }
    }

    /** Coefficients and losses of the final network under the final mask. */
    private static TrainingResult finish(DeepMoD model, Outcome outcome, Masks masks, Data data, Scalars scalars,
                                         NDManager step) {
        FunctionApproximator network = model.network();
        JniUtils.setGradMode(false);
        Jet jet = network.forward(data.libraryPoints(), model.library().derivativeSet());
        LibraryValues lib = model.library().evaluate(jet, data.libraryPoints(), scalars);
        LibraryColumns columns = LibraryColumns.copyOf(lib);
        NDArray xi = model.constraint().coefficients(columns, masks.active, step, network.dataType());
        double mse = value(summedMse(data.libraryCoords == null ? jet.value() : network.predict(data.coords),
                data.targets));
        double reg = value(summedMse(lib.timeDerivatives(), lib.theta().matMul(xi)));
        double testMse = testMse(network, data.testCoords, data.testTargets);
        double[][] coefficients = Constraint.masked(model.constraint().lastCoefficients(), masks.active);
        double[][] normalized = new double[coefficients.length][];
        for (int k = 0; k < coefficients.length; k++) {
            normalized[k] = columns.normalize(coefficients[k], k);
        }
        RunStatus status = outcome.status();
        String reason = outcome.reason();
        if (status != RunStatus.DIVERGED && !(Double.isFinite(mse) && Double.isFinite(reg))) {
            status = RunStatus.DIVERGED;
            reason = "the final losses are not finite";
        }
        double seconds = (System.nanoTime() - outcome.startNanos()) / 1e9;
        return new TrainingResult(status, reason, outcome.iterations(), seconds, model.library().termNames(),
                copy(masks.active), coefficients, normalized, masks.estimatorCoefficients, mse, reg, testMse,
                masks.updates);
    }

    /** The float64 library of the current network at {@code coords}, every derivative carried. */
    private static LibraryColumns columnsAt(DeepMoD model, NDArray coords, Scalars scalars) {
        return LibraryColumns.copyOf(model.library().evaluate(model.network().forward(coords, model.library().derivativeSet()),
                coords, scalars));
    }

    private static double[][] normalizedCoefficients(DeepMoD model, LibraryColumns columns, boolean[][] masks) {
        double[][] xi = Constraint.masked(model.constraint().lastCoefficients(), masks);
        double[][] out = new double[xi.length][];
        for (int k = 0; k < xi.length; k++) {
            out[k] = columns.normalize(xi[k], k);
        }
        return out;
    }

    private static double testMse(FunctionApproximator network, NDArray coords, NDArray targets) {
        if (coords == null) {
            return Double.NaN;
        }
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return value(summedMse(network.predict(coords), targets));
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    /** Σ_k mean_i (a_ik − b_ik)²: the loss terms are means over samples, summed over outputs. */
    static NDArray summedMse(NDArray a, NDArray b) {
        return a.sub(b).square().mean(new int[] {0}).sum();
    }

    static double value(NDArray scalar) {
        return scalar.toType(DataType.FLOAT64, false).getDouble();
    }

    private static boolean[][] copy(boolean[][] masks) {
        boolean[][] out = new boolean[masks.length][];
        for (int k = 0; k < masks.length; k++) {
            out[k] = masks[k].clone();
        }
        return out;
    }

    /** In-memory checkpoints of the trainable parameters and the optimiser state. */
    private static final class StateCheckpoints implements SparsityScheduler.Checkpoints {
        private final List<NDArray> parameters;
        private final Adam adam;
        private double[][] savedParameters;
        private double[][] savedOptimizer;
        boolean restored;

        StateCheckpoints(List<NDArray> parameters, Adam adam) {
            this.parameters = parameters;
            this.adam = adam;
        }

        @Override
        public void save() {
            savedParameters = new double[parameters.size()][];
            for (int i = 0; i < parameters.size(); i++) {
                savedParameters[i] = NDArrayCopies.toDoubles(parameters.get(i));
            }
            savedOptimizer = adam.snapshot();
        }

        @Override
        public void restore() {
            if (savedParameters == null) {
                return;
            }
            for (int i = 0; i < parameters.size(); i++) {
                NDArrayCopies.assign(parameters.get(i), savedParameters[i]);
            }
            adam.restore(savedOptimizer);
            restored = true;
        }
    }
}
