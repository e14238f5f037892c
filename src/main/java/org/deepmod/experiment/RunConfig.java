package org.deepmod.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deepmod.BadInputException;
import org.deepmod.constraint.Ridge;
import org.deepmod.library.Library1D;
import org.deepmod.library.Library2D;
import org.deepmod.nn.Activation;
import org.deepmod.sparse.SparseEstimators;

/**
 * One DeepMoD run, as a YAML file gives it (top-level keys {@code name, seed, dataset, noise, samples, split,
 * network, library, estimator, constraint, scheduler, optimizer, training, device}), validated in full before
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
        Network network,
        LibrarySpec library,
        Estimator estimator,
        Constraint constraint,
        Scheduler scheduler,
        Optimizer optimizer,
        Training training,
        String device,
        Normalize normalize) {

    /** How coordinates and data are normalised before training: none, minmax ([−1, 1]) or maxabs (x / max|x|). */
    public record Normalize(String coords, String data) {
        public boolean any() {
            return !coords.equals("none") || !data.equals("none");
        }
    }

    public record Network(String type, int[] hidden, String activation, double omega0, double omegaHidden,
                          String precision) {
    }

    public record LibrarySpec(String type, int poly, int diff) {
    }

    public record Estimator(String name, Map<String, String> parameters) {
    }

    public record Constraint(String type, double lambda) {
    }

    public record Scheduler(String type, int periodicity, int initial, int patience, double delta) {
    }

    public record Optimizer(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
    }

    public record Training(int maxIterations, int writeIterations, int patience, double delta, boolean relative) {
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
    private static final Set<String> NORMALIZATIONS = Set.of("none", "minmax", "maxabs");
    /** The library type that fits a dataset of 0, 1 or 2 space dimensions. */
    private static final List<String> LIBRARY_BY_DIMS = List.of("ode", "1d", "2d");

    /** Parses and validates; throws {@link ConfigException} listing every problem. */
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

        ConfigReader nr = r.child("network", "type");
        String netType = nr.string("type", "mlp", Set.of("mlp", "siren"));
        int[] hidden = nr.integers("hidden", new int[] {50, 50, 50, 50}, 1, 16, 1, 4096);
        String activation = nr.string("activation", netType.equals("siren") ? "sin" : "tanh", new LinkedHashSet<>(Activation.NAMES));
        double omega0 = nr.number("omega0", 30.0, 1e-6, 1e4);
        double omegaHidden = nr.number("omegaHidden", 30.0, 1e-6, 1e4);
        String precision = nr.string("precision", "float32", Set.of("float32", "float64"));
        nr.finish();
        Network network = new Network(netType, hidden, activation, omega0, omegaHidden, precision);

        ConfigReader lr = r.child("library", "type");
        String fitting = LIBRARY_BY_DIMS.get(dataset.spatialDims());
        String libType = lr.string("type", fitting, Set.copyOf(LIBRARY_BY_DIMS));
        int poly = lr.integer("poly", libType.equals("2d") ? 1 : 2, 0, 5);
        int diff = lr.integer("diff", libType.equals("2d") ? 2 : libType.equals("ode") ? 0 : 3, 0, 4);
        lr.finish();
        if (libType.equals("2d") && diff != 2) {
            problems.add("library.diff: a 2d library has derivatives up to second order fixed; leave diff out");
        }
        if (libType.equals("ode") && diff != 0) {
            problems.add("library.diff: an ode library has no x-derivatives; leave diff out");
        }
        if (!libType.equals(fitting)) {
            problems.add("library.type: '" + libType + "' does not fit a dataset with " + dataset.spatialDims()
                    + " space dimension(s)");
        }
        LibrarySpec library = new LibrarySpec(libType, poly, diff);
        checkPoints(dataset, samples, split, library, problems);

        Estimator estimator = readEstimator(r.child("estimator", "name"), seed);

        ConfigReader cr = r.child("constraint", "type");
        String cType = cr.string("type", "least-squares", Set.of("least-squares", "ridge", "grad-params"));
        double lambda = cr.number("lambda", cType.equals("ridge") ? Ridge.DEFAULT_LAMBDA : 0.0, 0.0, 1e6);
        cr.finish();
        Constraint constraint = new Constraint(cType, lambda);

        ConfigReader sr = r.child("scheduler", "type");
        String sType = sr.string("type", "train-test-periodic", Set.of("periodic", "train-test", "train-test-periodic"));
        int periodicity = sr.integer("periodicity", 50, 1, 1_000_000);
        int initial = sr.integer("initial", 0, 0, 100_000_000);
        int patience = sr.integer("patience", 200, 0, 100_000_000);
        double delta = sr.number("delta", 1e-5, 0.0, 1e6);
        sr.finish();
        Scheduler scheduler = new Scheduler(sType, periodicity, initial, patience, delta);

        ConfigReader or = r.child("optimizer");
        double lrate = or.number("lr", 1e-3, 1e-12, 1e3);
        double[] betas = or.numbers("betas", new double[] {0.99, 0.99}, 2, 0.0, 0.999999999);
        double eps = or.number("epsilon", 1e-8, 0.0, 1.0);
        boolean amsgrad = or.bool("amsgrad", true);
        or.finish();
        Optimizer optimizer = new Optimizer(lrate, betas[0], betas[1], eps, amsgrad);

        ConfigReader tr = r.child("training");
        int maxIt = tr.integer("maxIterations", 20_000, 1, 100_000_000);
        int write = tr.integer("writeIterations", 25, 1, 1_000_000);
        ConfigReader conv = tr.child("convergence");
        int cPatience = conv.integer("patience", 200, 0, 100_000_000);
        double cDelta = conv.number("delta", 1e-4, 0.0, 1e6);
        boolean cRelative = conv.bool("relative", false);
        conv.finish();
        tr.finish();
        Training training = new Training(maxIt, write, cPatience, cDelta, cRelative);
        String device = r.string("device", "auto", DEVICES);
        ConfigReader zr = r.child("normalize");
        Normalize normalize = new Normalize(zr.string("coords", "none", NORMALIZATIONS),
                zr.string("data", "none", NORMALIZATIONS));
        zr.finish();
        r.finish();
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return new RunConfig(name, seed, dataset, noise, samples, split, network, library, estimator, constraint,
                scheduler, optimizer, training, device, normalize);
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
        long gridPoints = dataset.isFile() ? -1 : RunCost.gridPoints(dataset);
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
            int fields = dataset.isFile() ? Math.max(1, dataset.fields().size()) : 1;
            return library.type().equals("2d") ? new Library2D(library.poly()).termNames().size()
                    : new Library1D(library.poly(), library.diff(), fields).termNames().size();
        } catch (IllegalArgumentException e) {
            return 0; // a library out of range is reported at its own keys
        }
    }

    private static Estimator readEstimator(ConfigReader er, long seed) {
        String name = er.string("name", "threshold", null);
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : er.unreadKeys()) {
            JsonNode v = er.raw(key);
            if (v == null || !v.isValueNode()) {
                er.problems().add(er.path(key) + ": expected a single value");
            } else {
                params.put(key, v.asText());
            }
        }
        try {
            SparseEstimators.create(name, params, seed); // unknown names and parameters, bad values
        } catch (BadInputException e) {
            er.problems().add(er.path("name") + ": " + e.getMessage());
        }
        return new Estimator(name, params);
    }

    /** The resolved config, defaults filled in, in a fixed key order. */
    public ObjectNode toTree() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("name", name);
        o.put("seed", seed);
        o.set("dataset", dataset.toTree());
        o.put("noise", noise);
        o.put("samples", samples);
        o.put("split", trainFraction);
        ObjectNode n = o.putObject("network");
        n.put("type", network.type());
        var h = n.putArray("hidden");
        for (int w : network.hidden()) {
            h.add(w);
        }
        n.put("activation", network.activation());
        if (network.type().equals("siren")) {
            n.put("omega0", network.omega0());
            n.put("omegaHidden", network.omegaHidden());
        }
        n.put("precision", network.precision());
        ObjectNode l = o.putObject("library");
        l.put("type", library.type());
        l.put("poly", library.poly());
        l.put("diff", library.diff());
        ObjectNode e = o.putObject("estimator");
        e.put("name", estimator.name());
        estimator.parameters().forEach(e::put);
        ObjectNode c = o.putObject("constraint");
        c.put("type", constraint.type());
        if (constraint.type().equals("ridge")) {
            c.put("lambda", constraint.lambda());
        }
        ObjectNode s = o.putObject("scheduler");
        s.put("type", scheduler.type());
        if (!scheduler.type().equals("train-test")) {
            s.put("periodicity", scheduler.periodicity());
        }
        if (scheduler.type().equals("periodic")) {
            s.put("initial", scheduler.initial());
        } else {
            s.put("patience", scheduler.patience());
            s.put("delta", scheduler.delta());
        }
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
        o.put("device", device);
        if (normalize.any()) { // only when asked for, so older run ids stay
            o.putObject("normalize").put("coords", normalize.coords()).put("data", normalize.data());
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
