package org.deepmod.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deepmod.library.HostLibrary;
import org.deepmod.library.LibraryValues;
import org.deepmod.nn.FunctionApproximator;
import org.deepmod.nn.HostArrays;
import org.deepmod.nn.Jet;
import org.deepmod.nn.JetSpec;
import org.deepmod.nn.JetTape;
import org.deepmod.nn.Scalars;

/**
 * Trains a {@link DeepMoD} model full-batch: loss = Σ_k MSE_k + Reg_k with Reg_k = mean (u_t − Θ(ξ∘g))²;
 * at every write iteration the test MSE, the sparsity scheduler (which may call the estimator for a new
 * mask) and the convergence test.
 *
 * <p>Autograd is switched on per thread ({@code JniUtils.setGradMode}) and backward is called directly,
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
        /** The network's hand-written backward ({@link JetTape}) where it has one, autograd elsewhere. */
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
            Convergence convergence = new Convergence(options.convergencePatience(), options.convergenceDelta(),
                    options.convergenceRelative());

            boolean[][] masks = new boolean[outputs][terms];
            for (boolean[] m : masks) {
                Arrays.fill(m, true);
            }
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
                    JniUtils.setGradMode(true);
                    JetTape tape = gradients == Gradients.FUSED ? network.tape(trainCoords, spec) : null;
                    Jet jet = tape != null ? tape.jet() : network.forward(trainCoords, spec);
                    LibraryValues lib = model.library().evaluate(jet, scalars);
                    HostLibrary host = write || model.constraint().needsHostLibrary()
                            ? HostLibrary.copyOf(lib) : null;
                    NDArray xi = model.constraint().coefficients(host, masks, step, dataType);
                    NDArray mse = summedMse(jet.value(), trainTargets);
                    NDArray reg = summedMse(lib.timeDerivatives(), lib.theta().matMul(xi));
                    NDArray loss = mse.add(reg);
                    double lossValue = loss.toType(DataType.FLOAT64, false).getDouble();
                    if (iteration == 0) {
                        initialLoss = lossValue;
                    }
                    if (!Double.isFinite(lossValue) || lossValue > DIVERGENCE_FACTOR * initialLoss) {
                        status = RunStatus.DIVERGED;
                        reason = "the loss became " + lossValue + " at iteration " + iteration
                                + (Double.isFinite(lossValue) ? " (" + DIVERGENCE_FACTOR + " times its initial value)" : "");
                        break;
                    }
                    JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                    JniUtils.setGradMode(false);
                    adam.step(step, tape != null ? tape.parameterGradients() : Map.of());
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
                    listener.onWrite(new TraceEntry(iteration, lossValue, value(mse), value(reg), testMse, l1,
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
            double[][] coefficients = masked(model.constraint().lastCoefficients(), masks);
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
        double[][] xi = masked(model.constraint().lastCoefficients(), masks);
        double[][] out = new double[xi.length][];
        for (int k = 0; k < xi.length; k++) {
            out[k] = host.normalize(xi[k], k);
        }
        return out;
    }

    private static double[][] masked(double[][] xi, boolean[][] masks) {
        double[][] out = new double[masks.length][];
        for (int k = 0; k < masks.length; k++) {
            out[k] = new double[masks[k].length];
            for (int j = 0; j < masks[k].length; j++) {
                out[k][j] = masks[k][j] ? xi[k][j] : 0.0;
            }
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
