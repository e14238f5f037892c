package org.deepmod.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deepmod.BadInputException;
import org.deepmod.data.DataFiles;
import org.deepmod.data.Dataset;
import org.deepmod.data.ReadOptions;
import org.deepmod.experiment.DiscoverySetup;
import org.deepmod.config.SweepConfig;
import org.deepmod.library.EquationFormatter;
import org.deepmod.results.ResultStore;
import org.deepmod.spark.SweepJob;
import org.deepmod.spark.SweepOutputs;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.SweepSummary.FieldStatistics;
import org.deepmod.results.SweepSummary.TermStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "discover", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Which equation does a data file hold? Reads FILE (.mat, .npy, .npz or .csv, as a run config's "
                + "file dataset does), takes time t and space x[, y] and the fields by their names unless told, "
                + "and sweeps N seeds of the default set-up for the data's dimension (network, library and "
                + "stability selection, from org/deepmod/discover/defaults-<1d|2d|ode>.yaml). Prints per field the "
                + "consensus equation and every selected term's selection frequency with its Wilson 95 %% interval "
                + "and its coefficient's median and 5-95 %% range over the seeds; writes the report and the sweep "
                + "file it ran (DIR/discover.yaml; edit it and run it again with deepmod sweep).",
                "Exit codes: 0 every run finished; 3 some runs FAILED or DIVERGED; 2 bad input (a bad file, a "
                        + "missing variable, a grid that does not fit its coordinates: one line naming them); "
                        + "130 Ctrl-C; 1 anything else."})
public final class DiscoverCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the data file, local or hdfs://")
    String file;

    @Option(names = "--fields", paramLabel = "NAME[,NAME]", split = ",",
            description = "the file's variables (columns) that are the fields, 1 to 3, in the order u, v, w "
                    + "(default: every variable that is not a coordinate)")
    List<String> fields;

    @Option(names = "--coords", paramLabel = "t=NAME[,x=NAME[,y=NAME]]", split = ",",
            description = "which of the file's variables are time and space (default: t, time, tt or T for time; "
                    + "x and y where the file has them; needed for a .npy table, whose columns have no names)")
    Map<String, String> coords;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "10",
            description = "seeds to train, 0 to N-1 (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--library", paramLabel = "key=value[,key=value]", split = ",",
            description = "library settings over the default for the dimension, e.g. poly=3,diff=2")
    List<String> library = new ArrayList<>();

    @Option(names = "--truth", paramLabel = "[FIELD:]TERM=VALUE[,TERM=VALUE]",
            description = "the true equation, if known (then success rates and coefficient errors too): "
                    + "u_xx=0.1,u*u_x=-1; with several fields once per field, v:v_xx=0.2 (fields are u, v, w)")
    List<String> truth = new ArrayList<>();

    @Option(names = "--set", paramLabel = "path=value",
            description = "any run config setting over the defaults, as deepmod run --set: training.maxIterations=2000")
    List<String> settings = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (spark://host:7077, local[4]); default: spark-submit's, else local[*]")
    String master;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output folder, local or hdfs:// (default: out/discover-<file name>)")
    String out;

    @Option(names = "--conf", paramLabel = "key=value", description = "a Spark setting, e.g. --conf spark.task.cpus=2")
    List<String> conf = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (seeds < 1) {
            throw new BadInputException("--seeds " + seeds + ": expected at least 1");
        }
        Configuration hadoop = new Configuration();
        String stem = new Path(file).getName().replaceFirst("\\.[^.]*$", "");
        String output = out != null ? out : "out/discover-" + stem;
        List<String> variables = DataReading.ofUserInput(() -> DataFiles.variables(file, hadoop));
        DiscoverySetup.Layout layout = DiscoverySetup.layout(file, variables, coords, fields);
        // a grid that does not fit its coordinates fails here, in one line
        Dataset data = DataReading.ofUserInput(() -> read(layout, hadoop));
        System.out.printf("%s: %d points, %s%n", file, data.size(), String.join("; ", layout.choices().isEmpty()
                ? List.of("coordinates and fields as given") : layout.choices()));

        String dataPath = absolute(file);
        ObjectNode sweep = DiscoverySetup.sweep("discover-" + stem, output, dataPath, data.size(), layout, seeds, library,
                truth(layout), settings);
        String sweepFile = writeSweepFile(output, sweep, hadoop);
        System.out.printf("sweep: %d seed(s) of the %s defaults; the sweep file is %s%n", seeds,
                layout.spatialDims() == 0 ? "ODE" : layout.spatialDims() + "-D", sweepFile);
        SweepConfig config = SweepConfig.parse(sweep, sweepFile, "discover-" + stem, null);
        SweepJob.Outcome outcome = SweepCommand.run(config, master, output, conf,
                new SweepJob.Options(null, false, 0, 10_000, false));
        System.out.println();
        System.out.print(consensus(outcome.summary()));
        System.out.println("report: " + SweepOutputs.reportPath(new ResultStore(output, hadoop)) + "; sweep file: "
                + sweepFile);
        return SweepCommand.exitCode(outcome, 0);
    }

    private Dataset read(DiscoverySetup.Layout layout, Configuration hadoop) {
        List<String> space = new ArrayList<>(layout.coords().values()).subList(1, layout.coords().size());
        // what reading drops (a complex array's imaginary part) is said here, and in each run's result
        return DataFiles.read(file, hadoop, new ReadOptions(layout.coords().get("t"), space, layout.fields()),
                note -> System.out.println("note: " + note));
    }

    /** The true terms per canonical field (u, v, w) from --truth. */
    private Map<String, Map<String, Double>> truth(DiscoverySetup.Layout layout) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        List<String> names = Dataset.canonicalTargetNames(layout.fields().size());
        for (String given : truth) {
            int colon = given.indexOf(':');
            String field = colon < 0 ? names.get(0) : given.substring(0, colon);
            if (!names.contains(field)) {
                throw new BadInputException("--truth " + given + ": no field '" + field + "'; the fields are " + names);
            }
            if (colon < 0 && names.size() > 1) {
                throw new BadInputException("--truth " + given + ": with " + names.size() + " fields say whose "
                        + "equation it is: " + names.get(0) + ":TERM=VALUE,...");
            }
            Map<String, Double> terms = out.computeIfAbsent(field, k -> new LinkedHashMap<>());
            for (String term : given.substring(colon + 1).split(",")) {
                int eq = term.lastIndexOf('=');
                try {
                    terms.put(term.substring(0, eq).strip(), Double.parseDouble(term.substring(eq + 1).strip()));
                } catch (RuntimeException e) {
                    throw new BadInputException("--truth " + given + ": '" + term + "' is not TERM=NUMBER");
                }
            }
        }
        return out;
    }

    private static String absolute(String path) {
        Path p = new Path(path);
        if (p.toUri().getScheme() != null) {
            return path;
        }
        return java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
    }

    /** DIR/discover.yaml; beside the data's own file system when DIR is not local (hdfs://...). */
    private String writeSweepFile(String output, ObjectNode sweep, Configuration hadoop) throws IOException {
        String text = DiscoverySetup.yaml(sweep, "deepmod discover " + file);
        Path target = new Path(output, "discover.yaml");
        FileSystem fs = target.getFileSystem(hadoop);
        try (OutputStream o = fs.create(target, true)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return "file".equals(fs.getScheme()) ? target.toUri().getPath() : target.toString();
    }

    /** Per field: the consensus equation, then every term selected at least once, most often first. */
    static String consensus(SweepSummary summary) {
        StringBuilder sb = new StringBuilder();
        SweepSummary.Configuration c = summary.configurations().get(0);
        sb.append(String.format(Locale.ROOT, "Consensus over %d run(s) (%d finished; a term needs %.0f%% of the "
                + "finished runs):%n", c.runs(), c.runs() - c.failed(), 100 * summary.consensusThreshold()));
        for (FieldStatistics f : c.fields()) {
            sb.append(System.lineSeparator());
            if (f.consensus() == null) {
                sb.append(f.field()).append(": no run finished").append(System.lineSeparator());
                continue;
            }
            sb.append("  ").append(f.consensus().equation());
            if (f.consensus().correctSupport() != null) {
                sb.append(f.consensus().correctSupport() ? "   (the true terms)" : "   (NOT the true terms)");
            }
            sb.append(System.lineSeparator());
            sb.append(String.format(Locale.ROOT, "    %-12s %9s %10s %17s %11s %11s %11s%n", "term", "selected",
                    "frequency", "95 % interval", "median", "5 %", "95 %"));
            List<TermStatistics> terms = new ArrayList<>(f.terms().stream().filter(t -> t.selected() > 0).toList());
            terms.sort(Comparator.comparingDouble(TermStatistics::frequency).reversed());
            for (TermStatistics t : terms) {
                sb.append(String.format(Locale.ROOT, "    %-12s %9s %9.1f%% %7.1f%% - %5.1f%% %11s %11s %11s%n",
                        t.term(), t.selected() + "/" + f.finished(), 100 * t.frequency(),
                        100 * t.frequencyInterval().low(), 100 * t.frequencyInterval().high(), number(t.median()),
                        number(t.p5()), number(t.p95())));
            }
            if (f.successRate() != null) {
                sb.append(String.format(Locale.ROOT, "    found the true terms: %d/%d = %.1f%% (95 %% interval "
                        + "%.1f%% - %.1f%%)%n", f.correct(), c.runs(), 100 * f.successRate(),
                        100 * f.successInterval().low(), 100 * f.successInterval().high()));
            }
        }
        return sb.toString();
    }

    private static String number(Double v) {
        return v == null ? "-" : EquationFormatter.coefficient(v);
    }
}
