package org.deepmod.experiment;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.deepmod.data.DataFiles;
import org.deepmod.data.Dataset;
import org.deepmod.data.Noise;
import org.deepmod.data.ReadOptions;
import org.deepmod.data.Subsample;
import org.deepmod.data.TrainTestSplit;
import org.deepmod.library.Library;
import org.deepmod.library.Library1D;
import org.deepmod.library.Library2D;
import org.deepmod.library.TermNames;
import org.deepmod.nn.Activation;
import org.deepmod.nn.DjlEnvironment;
import org.deepmod.nn.FunctionApproximator;
import org.deepmod.nn.JetMlp;
import org.deepmod.report.EquationFormatter;
import org.deepmod.sparse.SparseEstimators;
import org.deepmod.training.DeepMoD;
import org.deepmod.training.Samples;
import org.deepmod.training.SparseMaskEstimator;
import org.deepmod.training.SparsityScheduler;
import org.deepmod.training.TraceEntry;
import org.deepmod.training.TrainTest;
import org.deepmod.training.Periodic;
import org.deepmod.training.Trainer;
import org.deepmod.training.TrainingOptions;
import org.deepmod.training.TrainingResult;
import org.deepmod.constraint.Constraint;
import org.deepmod.constraint.GradParams;
import org.deepmod.constraint.LeastSquares;
import org.deepmod.constraint.Ridge;

/**
 * Runs one {@link RunConfig} in this JVM, without Spark: data (generate or read, noise, subsample, split),
 * the four modules, training, and the result record. Every random choice follows the run's seed: the
 * noise, the subsample, the split, the initialisation and the estimator each draw their own seed from it.
 */
public final class LocalRunner {
    private LocalRunner() {
    }

    public static RunOutcome run(RunConfig config, RunEnvironment env) {
        DjlEnvironment.init(env.threads());
        SplittableRandom seeds = new SplittableRandom(config.seed());
        long noiseSeed = seeds.nextLong();
        long sampleSeed = seeds.nextLong();
        long splitSeed = seeds.nextLong();
        long initSeed = seeds.nextLong();
        long estimatorSeed = seeds.nextLong();

        TrainTestSplit.Split split = prepareData(config, env, noiseSeed, sampleSeed, splitSeed);
        Library library = library(config, split.train().targetDims());
        List<TraceEntry> trace = new ArrayList<>();
        TrainingResult training;
        try (NDManager manager = NDManager.newBaseManager(env.device())) {
            FunctionApproximator network = network(config, manager, split.train(), initSeed);
            Constraint constraint = constraint(config, manager, library);
            SparseMaskEstimator estimator = new SparseMaskEstimator(SparseEstimators.create(
                    config.estimator().name(), config.estimator().parameters(), estimatorSeed));
            DeepMoD model = new DeepMoD(network, library, estimator, constraint);
            Trainer trainer = new Trainer(trainingOptions(config));
            training = trainer.train(model, samples(split.train()), samples(split.test()), scheduler(config),
                    entry -> {
                        trace.add(entry);
                        env.listener().onWrite(entry);
                    });
            return new RunOutcome(result(config, env, training, estimator.lastProbabilities()), trace);
        }
    }

    /**
     * Refuses a run whose data and training arrays cannot fit in {@code heapBytes} (the estimate of
     * {@link RunCost#memoryBytes}), before anything is generated or read: otherwise it dies part-way with an
     * OutOfMemoryError.
     */
    public static void checkMemory(RunConfig config, String source, long heapBytes) {
        double needed = RunCost.memoryBytes(config);
        if (needed > heapBytes) {
            throw new org.deepmod.BadInputException(String.format(java.util.Locale.ROOT,
                    "%s: the run needs about %.1f GB of memory for its %s, more than the %.1f GB this JVM may use; "
                            + "lower samples or the grid's counts, or raise the heap (bin/deepmod: DEEPMOD_HEAP=%dg)",
                    source, needed / 1e9, config.samples() == RunConfig.ALL_SAMPLES ? "points (samples: 0, every "
                            + "point of the grid)" : config.samples() + " samples", heapBytes / 1e9,
                    (long) Math.ceil(needed * 1.25 / (1L << 30))));
        }
    }

    static TrainTestSplit.Split prepareData(RunConfig config, RunEnvironment env, long noiseSeed, long sampleSeed,
                                            long splitSeed) {
        DatasetSpec spec = config.dataset();
        Dataset data;
        if (spec.isFile()) {
            data = DataFiles.read(spec.path(), env.hadoop(), ReadOptions.defaults()
                    .withSpatialDims(spec.spatialDims())
                    .withFieldNames(spec.fields().toArray(new String[0])));
        } else {
            data = spec.grid().sample(spec.solution());
        }
        data.validateFinite(spec.isFile() ? spec.path() : spec.type());
        Dataset noisy = Noise.gaussian(data, config.noise(), noiseSeed);
        Dataset sampled = config.samples() == RunConfig.ALL_SAMPLES ? noisy
                : Subsample.random(noisy, config.samples(), sampleSeed);
        return TrainTestSplit.split(sampled, config.trainFraction(), splitSeed);
    }

    private static Samples samples(Dataset d) {
        return new Samples(d.coordsFlat(), d.coordDims(), d.targetsFlat(), d.targetDims());
    }

    /** The library a config asks for, for data with this many fields. */
    public static Library library(RunConfig config, int outputs) {
        RunConfig.LibrarySpec l = config.library();
        if (l.type().equals("2d")) {
            if (outputs != 1) {
                throw new org.deepmod.BadInputException("library: a 2d library takes one field, the data has " + outputs);
            }
            return new Library2D(l.poly());
        }
        return new Library1D(l.poly(), l.diff(), outputs);
    }

    private static FunctionApproximator network(RunConfig config, NDManager manager, Dataset train, long seed) {
        RunConfig.Network n = config.network();
        DataType type = n.precision().equals("float64") ? DataType.FLOAT64 : DataType.FLOAT32;
        if (n.type().equals("siren")) {
            return JetMlp.siren(manager, train.coordDims(), n.hidden(), train.targetDims(), n.omega0(),
                    n.omegaHidden(), type, seed);
        }
        return JetMlp.mlp(manager, train.coordDims(), n.hidden(), train.targetDims(),
                Activation.byName(n.activation()), type, seed);
    }

    private static Constraint constraint(RunConfig config, NDManager manager, Library library) {
        RunConfig.Constraint c = config.constraint();
        switch (c.type()) {
            case "ridge": return new Ridge(c.lambda());
            case "grad-params":
                return new GradParams(manager, library.terms(), library.outputs(),
                        config.network().precision().equals("float64") ? DataType.FLOAT64 : DataType.FLOAT32,
                        config.seed());
            default: return new LeastSquares();
        }
    }

    static SparsityScheduler scheduler(RunConfig config) {
        RunConfig.Scheduler s = config.scheduler();
        switch (s.type()) {
            case "periodic": return new Periodic(s.periodicity(), s.initial());
            case "train-test": return TrainTest.trainTest(s.patience(), s.delta());
            default: return TrainTest.trainTestPeriodic(s.periodicity(), s.patience(), s.delta());
        }
    }

    static TrainingOptions trainingOptions(RunConfig config) {
        RunConfig.Optimizer o = config.optimizer();
        RunConfig.Training t = config.training();
        return TrainingOptions.builder()
                .maxIterations(t.maxIterations())
                .writeIterations(t.writeIterations())
                .convergence(t.patience(), t.delta())
                .convergenceRelative(t.relative())
                .learningRate(o.learningRate())
                .betas(o.beta1(), o.beta2())
                .epsilon(o.epsilon())
                .amsgrad(o.amsgrad())
                .build();
    }

    private static RunResult result(RunConfig config, RunEnvironment env, TrainingResult t, double[] probabilities) {
        List<String> terms = t.terms();
        int outputs = t.masks().length;
        List<RunResult.OutputResult> perOutput = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            String lhs = TermNames.output(k) + "_t";
            perOutput.add(new RunResult.OutputResult(TermNames.output(k), t.masks()[k], t.coefficients()[k],
                    t.normalizedCoefficients()[k], t.estimatorCoefficients() == null ? null : t.estimatorCoefficients()[k],
                    EquationFormatter.format(lhs, terms, t.coefficients()[k], t.masks()[k])));
        }
        RunResult.OutputResult u = perOutput.get(0);
        Map<String, Double> truth = config.dataset().knownTruth();
        Boolean correct = null;
        Map<String, Double> errors = null;
        if (truth != null && outputs == 1) {
            Set<String> selected = new LinkedHashSet<>();
            for (int j = 0; j < terms.size(); j++) {
                if (u.mask()[j]) {
                    selected.add(terms.get(j));
                }
            }
            correct = selected.equals(truth.keySet());
            errors = new TreeMap<>();
            for (Map.Entry<String, Double> e : truth.entrySet()) {
                int j = terms.indexOf(e.getKey());
                double found = j < 0 ? 0.0 : u.coefficients()[j];
                errors.put(e.getKey(), Math.abs(found - e.getValue()) / Math.abs(e.getValue()));
            }
        }
        return new RunResult(config.runId(), config.name(), t.status().name(), t.reason(), t.iterations(),
                t.seconds(), env.deviceNote(), terms, u.mask(), u.coefficients(), u.coefficientsNormalized(),
                u.estimatorCoefficients(), probabilities, u.equation(), t.mse(), t.reg(), t.testMse(),
                t.maskUpdates(), truth == null ? null : new TreeMap<>(truth), correct, errors,
                outputs > 1 ? perOutput : null, config.toTree(), null);
    }
}
