package org.deepmod.experiment;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.deepmod.data.DataFiles;
import org.deepmod.data.InteriorPoints;
import org.deepmod.data.Dataset;
import org.deepmod.data.Noise;
import org.deepmod.data.Normalization;
import org.deepmod.data.Scaling;
import org.deepmod.data.ReadOptions;
import org.deepmod.data.Subsample;
import org.deepmod.data.TrainTestSplit;
import org.deepmod.library.DataUnits;
import org.deepmod.library.Library;
import org.deepmod.library.TermNames;
import org.deepmod.nn.DjlEnvironment;
import org.deepmod.nn.FunctionApproximator;
import org.deepmod.library.EquationFormatter;
import org.deepmod.training.DeepMoD;
import org.deepmod.training.Samples;
import org.deepmod.training.SparseMaskEstimator;
import org.deepmod.training.TraceEntry;
import org.deepmod.training.Trainer;
import org.deepmod.training.TrainingOptions;
import org.deepmod.training.TrainingResult;
import org.deepmod.constraint.Constraint;
import org.deepmod.config.DatasetSpec;
import org.deepmod.config.FileDataset;
import org.deepmod.config.GeneratedDataset;
import org.deepmod.config.RunConfig;
import org.deepmod.config.RunCost;

/**
 * One {@link RunConfig} from data to result, in whichever JVM holds it (deepmod run, or a Spark executor's task),
 * without Spark: data (generate or read, noise, subsample, split), the four modules, training, and the result
 * record. Every random choice follows the run's seed: the
 * noise, the subsample, the split, the initialisation and the estimator each draw their own seed from it.
 */
public final class RunPipeline {
    private RunPipeline() {
    }

    public static RunOutcome run(RunConfig config, RunEnvironment env) {
        return run(config, env, load(config.dataset(), env.hadoop()));
    }

    /**
     * As {@link #run(RunConfig, RunEnvironment)}, on the run's data loaded beforehand: deepmod run loads it
     * before it opens its own files, so that a data file that cannot be read is not taken for output that cannot
     * be written.
     */
    public static RunOutcome run(RunConfig config, RunEnvironment env, LoadedData data) {
        DjlEnvironment.init(env.threads());
        SplittableRandom seeds = new SplittableRandom(config.seed());
        long noiseSeed = seeds.nextLong();
        long sampleSeed = seeds.nextLong();
        long splitSeed = seeds.nextLong();
        long initSeed = seeds.nextLong();
        long estimatorSeed = seeds.nextLong();
        long collocationSeed = seeds.nextLong();

        Prepared prepared = prepareData(config, data.dataset(), noiseSeed, sampleSeed, splitSeed);
        TrainTestSplit.Split split = prepared.split();
        Library library = library(config, split.train().targetDims());
        List<TraceEntry> trace = new ArrayList<>();
        TrainingResult training;
        try (NDManager manager = NDManager.newBaseManager(env.device())) {
            FunctionApproximator network = config.network().create(manager, split.train().coordDims(),
                    split.train().targetDims(), initSeed);
            Constraint constraint = config.constraint().create(manager, library, config.network().precision(),
                    config.seed());
            SparseMaskEstimator estimator = new SparseMaskEstimator(config.estimator().create(estimatorSeed));
            DeepMoD model = new DeepMoD(network, library, estimator, constraint);
            Trainer trainer = new Trainer(trainingOptions(config));
            double[] collocationPoints = config.collocation().any() ? InteriorPoints.uniform(prepared.all(),
                    config.collocation().points(), config.collocation().margin(), collocationSeed) : null;
            training = trainer.train(model, samples(split.train()), samples(split.test()), collocationPoints,
                    config.scheduler().create(), entry -> {
                        trace.add(entry);
                        env.listener().onWrite(entry);
                    });
            return new RunOutcome(result(config, env, training, estimator.lastProbabilities(), library,
                    prepared.scaling(), data.notes()), trace);
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

    /**
     * The training and test points, every point of the data (noisy and normalised as they are), and the
     * normalisation that produced them from the data (identity if none).
     */
    record Prepared(TrainTestSplit.Split split, Dataset all, Scaling scaling) {
    }

    static Prepared prepareData(RunConfig config, Dataset data, long noiseSeed, long sampleSeed, long splitSeed) {
        Dataset noisy = Noise.gaussian(data, config.noise(), noiseSeed);
        // as the reference: noise first, then normalisation over every point, then the subsample
        Normalization.Result normalised = Normalization.apply(noisy, config.normalize().coords(),
                config.normalize().data());
        Dataset sampled = config.samples() == RunConfig.ALL_SAMPLES ? normalised.data()
                : Subsample.random(normalised.data(), config.samples(), sampleSeed);
        return new Prepared(TrainTestSplit.split(sampled, config.trainFraction(), splitSeed), normalised.data(),
                normalised.scaling());
    }

    /**
     * A run's data as generated or read, every value finite, and what reading it dropped that the run's result
     * should say (see {@link DataFiles#read(String, Configuration, ReadOptions, java.util.function.Consumer)}).
     */
    public record LoadedData(Dataset dataset, List<String> notes) {
        public LoadedData {
            notes = List.copyOf(notes);
        }
    }

    /** The dataset a spec names, generated or read; a file that cannot be read throws, naming it. */
    public static LoadedData load(DatasetSpec spec, Configuration hadoop) {
        if (spec instanceof FileDataset file) {
            List<String> coords = new ArrayList<>(file.coords().values());
            List<String> notes = new ArrayList<>();
            Dataset data = DataFiles.read(file.path(), hadoop, new ReadOptions(coords.get(0),
                    coords.subList(1, coords.size()), file.fields(), file.realPartOfComplex()), notes::add);
            data.validateFinite(file.path());
            return new LoadedData(data, notes);
        }
        Dataset data = ((GeneratedDataset) spec).generate();
        data.validateFinite(spec.type());
        return new LoadedData(data, List.of());
    }

    private static Samples samples(Dataset d) {
        return new Samples(d.coordsFlat(), d.coordDims(), d.targetsFlat(), d.targetDims());
    }

    /** The library a config asks for, for data with this many fields. */
    public static Library library(RunConfig config, int outputs) {
        return config.library().create(outputs);
    }

    static TrainingOptions trainingOptions(RunConfig config) {
        RunConfig.Optimizer o = config.optimizer();
        RunConfig.Training t = config.training();
        return TrainingOptions.builder()
                .maxIterations(t.maxIterations())
                .writeIterations(t.writeIterations())
                .convergence(t.patience(), t.delta())
                .convergenceRelative(t.relative())
                .earlyStopping(t.earlyStoppingPatience(), t.earlyStoppingRise())
                .learningRate(o.learningRate())
                .betas(o.beta1(), o.beta2())
                .epsilon(o.epsilon())
                .amsgrad(o.amsgrad())
                .build();
    }

    private static RunResult result(RunConfig config, RunEnvironment env, TrainingResult t, double[] probabilities,
                                    Library library, Scaling scaling, List<String> notes) {
        List<String> terms = t.terms();
        int outputs = t.masks().length;
        double[][] coefficients = config.normalize().any()
                ? DataUnits.coefficients(library, scaling, t.coefficients()) : t.coefficients();
        Map<String, Map<String, Double>> truth = config.dataset().knownTruth();
        List<RunResult.OutputResult> perOutput = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            String field = TermNames.output(k);
            Map<String, Double> fieldTruth = truth == null ? null : truth.getOrDefault(field, Map.of());
            RunResult.TruthCheck check = fieldTruth == null ? null
                    : RunResult.TruthCheck.of(terms, t.masks()[k], coefficients[k], fieldTruth);
            perOutput.add(new RunResult.OutputResult(field, t.masks()[k], coefficients[k],
                    config.normalize().any() ? t.coefficients()[k] : null, t.normalizedCoefficients()[k],
                    t.estimatorCoefficients() == null ? null : t.estimatorCoefficients()[k],
                    EquationFormatter.format(field + "_t", terms, coefficients[k], t.masks()[k]),
                    check == null ? null : check.truth(), check == null ? null : check.correctSupport(),
                    check == null ? null : check.coefficientErrors()));
        }
        RunResult.OutputResult u = perOutput.get(0);
        return new RunResult(new RunResult.Identity(config.runId(), config.name(), config.toTree()), t.status(),
                t.reason(), new RunResult.Training(t.iterations(), t.seconds(), env.deviceNote(), t.mse(), t.reg(),
                        t.testMse(), t.maskUpdates()),
                new RunResult.Discovery(terms, u.mask(), u.coefficients(), u.coefficientsNormalized(),
                        u.estimatorCoefficients(), probabilities, u.equation()),
                truth == null ? null : overall(perOutput), outputs > 1 ? perOutput : null, notes);
    }

    /** Every output's check in one: one field's own maps; several fields', keys qualified "v: u*v". */
    private static RunResult.TruthCheck overall(List<RunResult.OutputResult> perOutput) {
        Map<String, Double> truth = new TreeMap<>();
        Map<String, Double> errors = new TreeMap<>();
        boolean correct = true;
        for (RunResult.OutputResult o : perOutput) {
            String prefix = perOutput.size() == 1 ? "" : o.output() + ": ";
            o.truth().forEach((term, c) -> truth.put(prefix + term, c));
            o.coefficientErrors().forEach((term, e) -> errors.put(prefix + term, e));
            correct &= o.correctSupport();
        }
        return new RunResult.TruthCheck(truth, correct, errors);
    }
}
