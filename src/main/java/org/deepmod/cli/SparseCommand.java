package org.deepmod.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deepmod.BadInputException;
import org.deepmod.sparse.NormalizedFit;
import org.deepmod.sparse.UnitNormFit;
import org.deepmod.sparse.SparseEstimator;
import org.deepmod.sparse.SparseEstimators;
import org.deepmod.sparse.ZeroColumns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deepmod sparse}: one sparse estimator on a library and target read from CSV; JSON on standard output. */
@Command(name = "sparse", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit one sparse estimator to a library; print JSON with \"terms\",",
                "\"coefficients\" (data units), \"coefficientsNormalized\", \"mask\" and, for",
                "methods that have them, \"probabilities\". The estimator sees DeePyMoD's",
                "normalisation (unit-norm columns and target) unless --raw, so thresholds",
                "are in normalised units. Bad input exits with code 2.", ""},
        footerHeading = "%nEstimators, with their parameters as name=default:%n")
public final class SparseCommand implements Callable<Integer> {

    @Option(names = "--estimator", required = true, paramLabel = "NAME",
            description = "the estimator, by name (listed below)")
    String estimator;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "an estimator parameter; repeat for several")
    List<String> parameters = new java.util.ArrayList<>();

    @Option(names = "--theta", required = true, paramLabel = "THETA.csv",
            description = "the library: a header row of term names, then one row per sample")
    Path thetaFile;

    @Option(names = "--target", required = true, paramLabel = "UT.csv",
            description = "the target u_t: one column, one row per sample (a header row is optional)")
    Path targetFile;

    @Option(names = "--raw", description = "fit the library and target as given, without normalisation")
    boolean raw;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "seed of the randomised methods (default: ${DEFAULT-VALUE})")
    long seed;

    private CommandSpec spec;

    /** Picocli hands over the spec before any help is printed: the estimator list goes in the footer then. */
    @Spec
    void setSpec(CommandSpec spec) {
        this.spec = spec;
        spec.usageMessage().footer(SparseEstimators.describe().replace("%", "%%"));
    }

    /** NAME=VALUE pairs; a name given twice is refused (a map kept the last value without a word). */
    static Map<String, String> parameterMap(List<String> given) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String p : given) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--param " + p + ": expected NAME=VALUE");
            }
            String name = p.substring(0, eq).trim();
            String earlier = map.put(name, p.substring(eq + 1).trim());
            if (earlier != null) {
                throw new BadInputException("--param " + p + ": " + name + " is given twice (also " + name + "="
                        + earlier + "); give it once");
            }
        }
        return map;
    }

    @Override
    public Integer call() throws IOException {
        SparseEstimator sparse = SparseEstimators.create(estimator, parameterMap(parameters), seed);
        Table theta = Table.read(thetaFile, true);
        Table target = Table.read(targetFile, false);
        if (target.names.size() != 1) {
            throw new BadInputException(targetFile + ": the target must be a single column, found "
                    + target.names.size());
        }
        if (target.rows.size() != theta.rows.size()) {
            throw new BadInputException(targetFile + " has " + target.rows.size() + " rows but " + thetaFile + " has "
                    + theta.rows.size());
        }
        theta.rejectZeroColumns(thetaFile);
        double[] ut = target.column(0);
        if (java.util.Arrays.stream(ut).allMatch(v -> v == 0.0)) {
            throw new BadInputException(targetFile + ": the target is identically zero");
        }
        double[][] x = theta.rows.toArray(new double[0][]);
        NormalizedFit fit;
        try {
            fit = raw ? UnitNormFit.fitRaw(sparse, x, ut, ZeroColumns.REJECT)
                    : UnitNormFit.fit(sparse, x, ut, ZeroColumns.REJECT);
        } catch (BadInputException e) {
            throw new BadInputException(thetaFile + ": " + e.getMessage(), e);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("estimator", estimator);
        json.put("normalized", fit.normalized());
        json.put("terms", theta.names);
        json.put("coefficients", fit.coefficients());
        if (fit.normalized()) {
            json.put("coefficientsNormalized", fit.normalizedCoefficients());
        }
        json.put("mask", fit.mask());
        if (fit.probabilities() != null) {
            json.put("probabilities", fit.probabilities());
        }
        spec.commandLine().getOut().println(
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }

    /** A numeric CSV: column names and rows, every value checked with the file, line and column in the message. */
    private static final class Table {
        final List<String> names;
        final List<double[]> rows = new ArrayList<>();

        private Table(List<String> names) {
            this.names = names;
        }

        /** Reads a file whose first line is a header ({@code headerRequired}) or, for the target, may be one. */
        static Table read(Path file, boolean headerRequired) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String first = nextContentLine(reader);
                if (first == null) {
                    throw new BadInputException(file + " is empty");
                }
                List<String> fields = split(first);
                boolean header = headerRequired || !isNumber(fields.get(0));
                Table table = new Table(header ? header(file, fields) : defaultNames(fields.size()));
                int lineNumber = 1;
                if (!header) {
                    table.add(file, lineNumber, fields);
                }
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lineNumber++;
                    if (!line.isBlank()) {
                        table.add(file, lineNumber, split(line));
                    }
                }
                if (table.rows.isEmpty()) {
                    throw new BadInputException(file + " has a header but no rows of values");
                }
                return table;
            } catch (IOException e) {
                throw new BadInputException(file + ": cannot read (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + ")", e);
            }
        }

        double[] column(int j) {
            return rows.stream().mapToDouble(row -> row[j]).toArray();
        }

        void rejectZeroColumns(Path file) {
            for (int j = 0; j < names.size(); j++) {
                final int column = j;
                if (rows.stream().allMatch(row -> row[column] == 0.0)) {
                    throw new BadInputException(file + ": column '" + names.get(j) + "' is identically zero");
                }
            }
        }

        private void add(Path file, int lineNumber, List<String> fields) {
            if (fields.size() != names.size()) {
                throw new BadInputException(file + " line " + lineNumber + ": " + fields.size()
                        + " values, but the header names " + names.size() + " columns");
            }
            double[] row = new double[fields.size()];
            for (int j = 0; j < row.length; j++) {
                String where = file + " line " + lineNumber + ", column '" + names.get(j) + "'";
                try {
                    row[j] = Double.parseDouble(fields.get(j));
                } catch (NumberFormatException e) {
                    throw new BadInputException(where + ": '" + fields.get(j) + "' is not a number");
                }
                if (!Double.isFinite(row[j])) {
                    throw new BadInputException(where + ": " + fields.get(j) + " is not a finite number");
                }
            }
            rows.add(row);
        }

        private static List<String> header(Path file, List<String> fields) {
            HashSet<String> seen = new HashSet<>();
            for (int j = 0; j < fields.size(); j++) {
                if (fields.get(j).isEmpty()) {
                    throw new BadInputException(file + " line 1: the name of column " + (j + 1) + " is empty");
                }
                if (!seen.add(fields.get(j))) {
                    throw new BadInputException(file + " line 1: the term '" + fields.get(j) + "' appears twice");
                }
            }
            return List.copyOf(fields);
        }

        private static List<String> defaultNames(int count) {
            List<String> names = new ArrayList<>();
            for (int j = 0; j < count; j++) {
                names.add(count == 1 ? "u_t" : "column " + (j + 1));
            }
            return names;
        }

        private static String nextContentLine(BufferedReader reader) throws IOException {
            String line = reader.readLine();
            return line == null || line.isBlank() ? null : line;
        }

        /** Comma-separated fields, trimmed, with optional double quotes around a field. */
        private static List<String> split(String line) {
            List<String> fields = new ArrayList<>();
            for (String field : line.split(",", -1)) {
                String trimmed = field.trim();
                if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                    trimmed = trimmed.substring(1, trimmed.length() - 1);
                }
                fields.add(trimmed);
            }
            return fields;
        }

        private static boolean isNumber(String field) {
            try {
                Double.parseDouble(field);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
