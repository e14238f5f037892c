package org.deepmod.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.deepmod.BadInputException;
import org.deepmod.data.Normalization;
import org.deepmod.training.TrainingOptions;

/**
 * One DeepMoD run, as a YAML file gives it (top-level keys {@code name, seed, dataset, noise, samples, split,
 * network, library, estimator, constraint, scheduler, optimizer, training, device, normalize, collocation}), validated in full before
 * anything trains: every problem is reported at once with its path. Missing keys take the reference's
 * defaults. {@link #toTree()} is the resolved config (defaults filled in); its canonical JSON hashes to the
 * {@link #runId()}.
 */
public record RunConfig(
        String name,
        long seed,
        DatasetSpec dataset,
        double noise,
        int samples,
        double trainFraction,
        NetworkSpec network,
        LibrarySpec library,
        EstimatorSpec estimator,
        ConstraintSpec constraint,
        SchedulerSpec scheduler,
        Optimizer optimizer,
        Training training,
        String device,
        Normalize normalize,
        Collocation collocation) {

    /**
     * Where the library is evaluated (the loss's residual term, the constraint's fit and the estimator's view): at
     * the training samples ({@code points} 0, the reference's way), or at {@code points} collocation points drawn
     * once, uniformly inside the data's coordinate box less {@code margin} of each coordinate's range at either end.
     * With collocation points the training samples enter the data term alone, which needs no derivatives but u_t,
     * so a run can fit many more samples for little more time: the network is continuous, its derivatives can be
     * read anywhere, and they are least constrained at the edges of the data.
     */
    public record Collocation(int points, double margin) {
        static final Collocation TRAINING_SAMPLES = new Collocation(0, 0.0);

        public boolean any() {
            return points > 0;
        }

        static Collocation read(ConfigReader r) {
            Collocation c = new Collocation(r.integer("points", 0, 0, 10_000_000), r.number("margin", 0.0, 0.0, 0.45));
            r.finish();
            return c;
        }

        ObjectNode writeTo(ObjectNode z) {
            return z.put("points", points).put("margin", margin);
        }
    }

    /** How coordinates and data are normalised before training: none, minmax ([−1, 1]) or maxabs (x / max|x|). */
    public record Normalize(Normalization.Method coords, Normalization.Method data) {
        public boolean any() {
            return coords != Normalization.Method.NONE || data != Normalization.Method.NONE;
        }

        private static Set<String> configNames() {
            Set<String> names = new LinkedHashSet<>();
            for (Normalization.Method m : Normalization.Method.values()) {
                names.add(configName(m));
            }
            return names;
        }

        private static String configName(Normalization.Method m) {
            return m.name().toLowerCase(Locale.ROOT);
        }

        static Normalize read(ConfigReader r) {
            Set<String> names = configNames();
            String none = configName(Normalization.Method.NONE);
            Normalize n = new Normalize(Normalization.Method.byName(r.string("coords", none, names)),
                    Normalization.Method.byName(r.string("data", none, names)));
            r.finish();
            return n;
        }

        ObjectNode writeTo(ObjectNode z) {
            return z.put("coords", configName(coords)).put("data", configName(data));
        }
    }

    public record Optimizer(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
    }

    /**
     * The loop's settings. {@code earlyStoppingPatience} and {@code earlyStoppingRise}: {@code training.earlyStopping},
     * the rule that stops a network fitting the noise ({@link org.deepmod.training.EarlyStopping}); patience 0 is off.
     */
    public record Training(int maxIterations, int writeIterations, int patience, double delta, boolean relative,
                           int earlyStoppingPatience, double earlyStoppingRise) {
    }

    /** samples = 0: use every point. */
    public static final int ALL_SAMPLES = 0;

    /**
     * The fewest random samples a run may ask for: with the default split 0.8 that leaves 80 training points
     * (five folds of 16 for the cross-validated estimators, each fold's fit on 64 points, more than the
     * default library's 12 terms) and 20 test points. Below it the library fit is barely determined and
     * the test MSE rests on a handful of points.
     */
    public static final int MIN_SAMPLES = 100;

    private static final Set<String> DEVICES = Set.of("auto", "cpu", "gpu");

    /** Parses and validates; throws {@link ConfigException} listing every problem. */
    /**
     * A file's truth names terms of the library: a term it cannot hold ({@code u_xxxxx}) or a typo
     * ({@code "u*ux"}) made every run count as missing the true terms.
     */
    private static void checkTruth(DatasetSpec dataset, LibrarySpec library, List<String> problems) {
        Map<String, Map<String, Double>> truth = dataset instanceof FileDataset file ? file.truth() : null;
        if (truth == null || !problems.isEmpty()) {
            return;
        }
        List<String> names = library.create(dataset.fieldCount()).termNames();
        truth.forEach((field, terms) -> terms.keySet().stream().filter(term -> !names.contains(term)).forEach(term ->
                problems.add("dataset.truth" + (truth.size() > 1 ? "." + field : "") + "." + term
                        + ": not a term of the library (its terms: " + String.join(", ", names) + ")")));
    }

    public static RunConfig parse(JsonNode root, String source) {
        List<String> problems = new ArrayList<>();
        ConfigReader r = new ConfigReader(root, "", problems);
        String name = r.string("name", "run", null);
        long seed = r.longValue("seed", 0);
        DatasetSpec dataset = DatasetSpec.read(r.child("dataset", "type"));
        double noise = r.number("noise", 0.0, 0.0, 10.0);
        int samples = r.integer("samples", ALL_SAMPLES, 0, 100_000_000);
        double split = r.number("split", 0.8, 0.05, 1.0);
        if (split == 1.0) {
            problems.add("split: 1.0 is out of range [0.05, 1): every point would train and the test set be empty");
        }

        NetworkSpec network = NetworkSpec.read(r.child("network", "type"));
        LibrarySpec library = LibrarySpec.read(r.child("library", "type"), dataset.spatialDims());
        checkPoints(dataset, samples, split, library, problems);
        checkTruth(dataset, library, problems);
        EstimatorSpec estimator = EstimatorSpec.read(r.child("estimator", "name"), seed);
        ConstraintSpec constraint = ConstraintSpec.read(r.child("constraint", "type"));
        SchedulerSpec scheduler = SchedulerSpec.read(r.child("scheduler", "type"));

        ConfigReader or = r.child("optimizer");
        TrainingOptions d = TrainingOptions.DEFAULTS;
        double lrate = or.number("lr", d.learningRate(), 1e-12, 1e3);
        double[] betas = or.numbers("betas", new double[] {d.beta1(), d.beta2()}, 2, 0.0, 0.999999999);
        double eps = or.number("epsilon", d.epsilon(), 0.0, 1.0);
        boolean amsgrad = or.bool("amsgrad", d.amsgrad());
        or.finish();
        Optimizer optimizer = new Optimizer(lrate, betas[0], betas[1], eps, amsgrad);

        ConfigReader tr = r.child("training");
        int maxIt = tr.integer("maxIterations", d.maxIterations(), 1, 100_000_000);
        int write = tr.integer("writeIterations", d.writeIterations(), 1, 1_000_000);
        ConfigReader conv = tr.child("convergence");
        int cPatience = conv.integer("patience", d.convergencePatience(), 0, 100_000_000);
        double cDelta = conv.number("delta", d.convergenceDelta(), 0.0, 1e6);
        boolean cRelative = conv.bool("relative", d.convergenceRelative());
        conv.finish();
        ConfigReader early = tr.child("earlyStopping");
        int sPatience = early.integer("patience", d.earlyStoppingPatience(), 0, 100_000_000);
        double sRise = early.number("rise", d.earlyStoppingRise(), 0.0, 1e6);
        early.finish();
        tr.finish();
        Training training = new Training(maxIt, write, cPatience, cDelta, cRelative, sPatience, sRise);
        String device = r.string("device", "auto", DEVICES);
        Normalize normalize = Normalize.read(r.child("normalize"));
        Collocation collocation = Collocation.read(r.child("collocation"));
        r.finish();
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return new RunConfig(name, seed, dataset, noise, samples, split, network, library, estimator, constraint,
                scheduler, optimizer, training, device, normalize, collocation);
    }

    /**
     * At least {@link #MIN_SAMPLES} random samples; and where the number of points is known before the data
     * is read (random samples, or a generated grid): no more samples than the grid has, and more training
     * points than library terms, so that the fit is determined. (A file's points are counted when it is read.)
     */
    private static void checkPoints(DatasetSpec dataset, int samples, double split, LibrarySpec library,
                                    List<String> problems) {
        if (samples != ALL_SAMPLES && samples < MIN_SAMPLES) {
            problems.add("samples: " + samples + " is below the minimum of " + MIN_SAMPLES + " (0 means every point)");
            return;
        }
        long gridPoints = dataset instanceof GeneratedDataset generated ? generated.gridPoints() : -1;
        if (samples != ALL_SAMPLES && gridPoints > 0 && samples > gridPoints) {
            problems.add("samples: " + samples + " is more than the " + gridPoints + " points of the dataset's grid");
            return;
        }
        long points = samples != ALL_SAMPLES ? samples : gridPoints;
        int terms = termCount(dataset, library);
        long train = (long) Math.floor(split * points);
        if (points > 0 && terms > 0 && train <= terms) {
            problems.add("samples: " + points + " points with split " + split + " leave " + train + " training points"
                    + " for a library of " + terms + " terms; the fit needs more points than terms");
        }
    }

    private static int termCount(DatasetSpec dataset, LibrarySpec library) {
        try {
            return library.termCount(Math.max(1, dataset.fieldCount()));
        } catch (IllegalArgumentException | BadInputException e) {
            return 0; // a library out of range is reported at its own keys
        }
    }

    /** The resolved config, defaults filled in, in a fixed key order. */
    public ObjectNode toTree() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("name", name);
        o.put("seed", seed);
        dataset.writeTo(o.putObject("dataset"));
        o.put("noise", noise);
        o.put("samples", samples);
        o.put("split", trainFraction);
        network.writeTo(o.putObject("network"));
        library.writeTo(o.putObject("library"));
        estimator.writeTo(o.putObject("estimator"));
        constraint.writeTo(o.putObject("constraint"));
        scheduler.writeTo(o.putObject("scheduler"));
        ObjectNode op = o.putObject("optimizer");
        op.put("lr", optimizer.learningRate());
        op.putArray("betas").add(optimizer.beta1()).add(optimizer.beta2());
        op.put("epsilon", optimizer.epsilon());
        op.put("amsgrad", optimizer.amsgrad());
        ObjectNode t = o.putObject("training");
        t.put("maxIterations", training.maxIterations());
        t.put("writeIterations", training.writeIterations());
        ObjectNode cv = t.putObject("convergence");
        cv.put("patience", training.patience());
        cv.put("delta", training.delta());
        cv.put("relative", training.relative());
        if (training.earlyStoppingPatience() > 0) { // only when asked for, so older run ids stay
            t.putObject("earlyStopping").put("patience", training.earlyStoppingPatience())
                    .put("rise", training.earlyStoppingRise());
        }
        o.put("device", device);
        if (normalize.any()) { // only when asked for, so older run ids stay
            normalize.writeTo(o.putObject("normalize"));
        }
        if (collocation.any()) { // only when asked for, so older run ids stay
            collocation.writeTo(o.putObject("collocation"));
        }
        return o;
    }

    /** A stable identifier: the first 16 hex digits of SHA-256 over the canonical JSON (sorted keys). */
    public String runId() {
        return hash(toTree());
    }

    static String hash(JsonNode tree) {
        try {
            ObjectMapper canonical = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
            Object plain = canonical.treeToValue(tree, Object.class);
            byte[] json = canonical.writeValueAsBytes(plain);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", digest[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
