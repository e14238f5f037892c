package org.deepmod.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.deepmod.constraint.Constraint;
import org.deepmod.library.HostLibrary;
import org.deepmod.library.HostTerms;
import org.deepmod.library.LibraryValues;
import org.deepmod.nn.FunctionApproximator;
import org.deepmod.nn.HostArrays;
import org.deepmod.nn.HostJet;
import org.deepmod.nn.Jet;
import org.deepmod.nn.JetSpec;
import org.deepmod.nn.JetTape;
import org.deepmod.nn.Scalars;

/**
 * Trains a {@link DeepMoD} model full-batch: loss = Σ_k MSE_k + Reg_k with Reg_k = mean (u_t − Θ(ξ∘g))²;
 * at every write iteration the test MSE, the sparsity scheduler (which may call the estimator for a new
 * mask) and the convergence test.
 *
 * <p>Float32 networks on the CPU are differentiated by hand ({@link JetTape}, {@link HostTerms},
 * {@link HostLoss}): no autograd graph at all. Elsewhere autograd is switched on per thread ({@code JniUtils.setGradMode}) and backward is called directly,
 * not through DJL's GradientCollector, whose JVM-wide flag forbids two trainings in one JVM (two Spark
 * tasks in one executor). Each step runs in its own NDManager scope with the parameters, data and
 * optimiser state temporarily attached, so that nothing accumulates across iterations.
 */
public final class Trainer {
    /**
     * A loss this many times its first value means the optimiser has left the basin for good: a healthy run
     * starts from its largest loss, an untrained network. (A too large
     * learning rate saturates tanh and blows up the output weights long before anything becomes NaN.)
     */
    static final double DIVERGENCE_FACTOR = 1e3;

    /** How the network's parameter gradient is taken. */
    public enum Gradients {
        /**
         * The step differentiated by hand (network: {@link JetTape}; library and loss: {@link HostTerms},
         * {@link HostLoss}) where the network has a tape, autograd elsewhere.
         */
        FUSED,
        /** Autograd through the forward jets always: the reference the fused path is checked against. */
        AUTOGRAD
    }

    private final TrainingOptions options;
    private final Gradients gradients;

    public Trainer(TrainingOptions options) {
        this(options, Gradients.FUSED);
    }

    public Trainer(TrainingOptions options, Gradients gradients) {
        this.options = options;
        this.gradients = gradients;
    }

    public TrainingResult train(DeepMoD model, Samples train, Samples test, SparsityScheduler scheduler,
                                TrainingListener listener) {
        long start = System.nanoTime();
        FunctionApproximator network = model.network();
        DataType dataType = network.dataType();
        JetSpec spec = model.library().jetSpec();
        int terms = model.library().terms();
        int outputs = model.library().outputs();
        boolean previousGradMode = JniUtils.isGradMode();
        try (NDManager manager = NDManager.newBaseManager(network.device())) {
            Scalars scalars = new Scalars(manager, dataType);
            NDArray trainCoords = train.coordsArray(manager, dataType);
            NDArray trainTargets = train.targetsArray(manager, dataType);
            NDArray testCoords = test.size() > 0 ? test.coordsArray(manager, dataType) : null;
            NDArray testTargets = test.size() > 0 ? test.targetsArray(manager, dataType) : null;
            List<NDArray> parameters = model.trainableParameters();
            Adam adam = new Adam(parameters, manager, options.learningRate(), options.beta1(), options.beta2(),
                    options.epsilon(), options.amsgrad());
            List<NDArray> scoped = new ArrayList<>(parameters);
            scoped.addAll(Arrays.asList(trainCoords, trainTargets));
            if (testCoords != null) {
                scoped.addAll(Arrays.asList(testCoords, testTargets));
            }
            NDArray[] attached = scoped.toArray(new NDArray[0]);
            StateCheckpoints checkpoints = new StateCheckpoints(parameters, adam);
            HostTerms hostTerms = new HostTerms(model.library());
            float[] hostTargets = trainTargets.toType(DataType.FLOAT32, false).toFloatArray();
            Convergence convergence = new Convergence(options.convergencePatience(), options.convergenceDelta(),
                    options.convergenceRelative());

            boolean[][] masks = new boolean[outputs][terms];
            for (boolean[] m : masks) {
                Arrays.fill(m, true);
            }
            // Between write iterations (where the estimator may run and needs every column) a step carries only
            // the derivatives of the active terms: after Burgers' first mask update one channel of five less.
            JetSpec maskedSpec = model.library().jetSpec(masks);
            double[][] estimatorCoefficients = null;
            int maskUpdates = 0;
            RunStatus status = RunStatus.MAX_ITERATIONS;
            String reason = "reached the iteration cap of " + options.maxIterations();
            int iteration = 0;
            double initialLoss = Double.NaN;
            for (; iteration < options.maxIterations(); iteration++) {
                boolean write = iteration % options.writeIterations() == 0;
                try (NDManager step = manager.newSubManager()) {
                    step.tempAttachAll(attached);
                    JetTape tape = gradients == Gradients.FUSED
                            ? network.tape(trainCoords, write ? spec : maskedSpec) : null;
                    StepLoss loss = tape != null
                            ? handWrittenStep(tape, model, hostTerms, hostTargets, masks, adam)
                            : autogradStep(network, model, trainCoords, trainTargets, spec, scalars, masks, write,
                                    step, dataType, adam);
                    if (iteration == 0) {
                        initialLoss = loss.value();
                    }
                    if (loss.diverged(initialLoss)) {
                        status = RunStatus.DIVERGED;
                        reason = "the loss became " + loss.value() + " at iteration " + iteration
                                + (Double.isFinite(loss.value()) ? " (" + DIVERGENCE_FACTOR + " times its initial value)" : "");
                        break;
                    }
                    loss.update().run();
                    HostLibrary host = loss.host();
                    if (!write) {
                        continue;
                    }
                    double testMse = testMse(network, testCoords, testTargets);
                    checkpoints.restored = false;
                    boolean update = scheduler.shouldUpdate(iteration, testMse, checkpoints);
                    double[][] estimated = null;
                    if (update) {
                        if (checkpoints.restored) {
                            // the mask must come from the restored network, not the one that just stepped
                            host = HostLibrary.copyOf(model.library().evaluate(network.forward(trainCoords, spec),
                                    scalars));
                        }
                        estimated = new double[outputs][];
                        for (int k = 0; k < outputs; k++) {
                            estimated[k] = model.estimator().normalizedCoefficients(host, k);
                            for (int j = 0; j < terms; j++) {
                                masks[k][j] = estimated[k][j] != 0.0;
                            }
                        }
                        estimatorCoefficients = estimated;
                        maskUpdates++;
                        convergence.maskUpdated();
                        model.constraint().coefficients(host, masks, step, dataType); // ξ under the new mask
                        maskedSpec = model.library().jetSpec(masks);
                    }
                    double[][] normalized = normalizedCoefficients(model, host, masks);
                    double l1 = 0;
                    double[] flat = new double[outputs * terms];
                    for (int k = 0; k < outputs; k++) {
                        for (int j = 0; j < terms; j++) {
                            l1 += Math.abs(normalized[k][j]);
                            flat[k * terms + j] = normalized[k][j];
                        }
                    }
                    listener.onWrite(new TraceEntry(iteration, loss.value(), loss.mse(), loss.reg(), testMse, l1,
                            copy(masks), normalized, estimated));
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
            return finish(model, status, reason, iteration, start, masks, estimatorCoefficients, maskUpdates,
                    trainCoords, trainTargets, testCoords, testTargets, scalars, attached, manager);
        } finally {
            JniUtils.setGradMode(previousGradMode);
        }
    }

    /**
     * A step's losses, the float64 library it saw (null when the step did not need one), and the parameter
     * update it leads to, run once the loss is known not to diverge. The losses are read lazily: on the
     * autograd path each is a device-to-host copy, needed only at write iterations.
     */
    private record StepLoss(double value, DoubleSupplier mseValue, DoubleSupplier regValue, HostLibrary host,
                            Runnable update) {
        double mse() {
            return mseValue.getAsDouble();
        }

        double reg() {
            return regValue.getAsDouble();
        }

        /** Not finite, or {@link #DIVERGENCE_FACTOR} times the first step's loss. */
        boolean diverged(double initial) {
            return !Double.isFinite(value) || value > DIVERGENCE_FACTOR * initial;
        }
    }

    /**
     * The step of a network with a hand-written backward: library, loss and their gradient on the JVM
     * ({@link HostTerms}, {@link HostLoss}), the network's gradient from the tape, the update by
     * {@link Adam#step(Map)}. No autograd graph is built at all.
     */
    private static StepLoss handWrittenStep(JetTape tape, DeepMoD model, HostTerms terms, float[] targets,
                                            boolean[][] masks, Adam adam) {
        HostJet jet = tape.outputs();
        HostLibrary host = terms.evaluate(jet);
        double[][] xi = model.constraint().hostCoefficients(host, masks);
        HostLoss loss = HostLoss.of(jet, targets, host, xi);
        return new StepLoss(loss.total(), loss::mse, loss::reg, host, () -> {
            loss.backward(jet, targets, terms, xi);
            Map<NDArray, float[]> gradients = new IdentityHashMap<>(tape.parameterGradients());
            List<NDArray> coefficients = model.constraint().parameters();
            if (!coefficients.isEmpty()) {
                gradients.put(coefficients.get(0),
                        model.constraint().parameterGradient(loss.coefficientGradient(host, masks)));
            }
            adam.step(gradients);
        });
    }

    /** The step through PyTorch's autograd (float64 networks, GPUs, {@link Gradients#AUTOGRAD}). */
    private static StepLoss autogradStep(FunctionApproximator network, DeepMoD model, NDArray coords,
                                         NDArray targets, JetSpec spec, Scalars scalars, boolean[][] masks,
                                         boolean write, NDManager step, DataType dataType, Adam adam) {
        JniUtils.setGradMode(true);
        Jet jet = network.forward(coords, spec);
        LibraryValues lib = model.library().evaluate(jet, scalars);
        HostLibrary host = write || model.constraint().needsHostLibrary() ? HostLibrary.copyOf(lib) : null;
        NDArray xi = model.constraint().coefficients(host, masks, step, dataType);
        NDArray mse = summedMse(jet.value(), targets);
        NDArray reg = summedMse(lib.timeDerivatives(), lib.theta().matMul(xi));
        NDArray loss = mse.add(reg);
        double lossValue = loss.toType(DataType.FLOAT64, false).getDouble();
        JniUtils.setGradMode(false);
        return new StepLoss(lossValue, () -> value(mse), () -> value(reg), host, () -> {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
            adam.step(step);
        });
    }

    /** Coefficients and losses of the final network under the final mask. */
    private TrainingResult finish(DeepMoD model, RunStatus status, String reason, int iterations, long start,
                                  boolean[][] masks, double[][] estimatorCoefficients, int maskUpdates,
                                  NDArray trainCoords, NDArray trainTargets, NDArray testCoords,
                                  NDArray testTargets, Scalars scalars, NDArray[] attached, NDManager manager) {
        FunctionApproximator network = model.network();
        try (NDManager step = manager.newSubManager()) {
            step.tempAttachAll(attached);
            JniUtils.setGradMode(false);
            Jet jet = network.forward(trainCoords, model.library().jetSpec());
            LibraryValues lib = model.library().evaluate(jet, scalars);
            HostLibrary host = HostLibrary.copyOf(lib);
            NDArray xi = model.constraint().coefficients(host, masks, step, network.dataType());
            double mse = value(summedMse(jet.value(), trainTargets));
            double reg = value(summedMse(lib.timeDerivatives(), lib.theta().matMul(xi)));
            double testMse = testMse(network, testCoords, testTargets);
            double[][] coefficients = Constraint.masked(model.constraint().lastCoefficients(), masks);
            double[][] normalized = new double[coefficients.length][];
            for (int k = 0; k < coefficients.length; k++) {
                normalized[k] = host.normalize(coefficients[k], k);
            }
            if (status != RunStatus.DIVERGED && !(Double.isFinite(mse) && Double.isFinite(reg))) {
                status = RunStatus.DIVERGED;
                reason = "the final losses are not finite";
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new TrainingResult(status, reason, iterations, seconds, model.library().termNames(),
                    copy(masks), coefficients, normalized, estimatorCoefficients, mse, reg, testMse, maskUpdates);
        }
    }

    private static double[][] normalizedCoefficients(DeepMoD model, HostLibrary host, boolean[][] masks) {
        double[][] xi = Constraint.masked(model.constraint().lastCoefficients(), masks);
        double[][] out = new double[xi.length][];
        for (int k = 0; k < xi.length; k++) {
            out[k] = host.normalize(xi[k], k);
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
    private static NDArray summedMse(NDArray a, NDArray b) {
        return a.sub(b).square().mean(new int[] {0}).sum();
    }

    private static double value(NDArray scalar) {
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
                savedParameters[i] = HostArrays.toDoubles(parameters.get(i));
            }
            savedOptimizer = adam.snapshot();
        }

        @Override
        public void restore() {
            if (savedParameters == null) {
                return;
            }
            for (int i = 0; i < parameters.size(); i++) {
                HostArrays.assign(parameters.get(i), savedParameters[i]);
            }
            adam.restore(savedOptimizer);
            restored = true;
        }
    }
}
