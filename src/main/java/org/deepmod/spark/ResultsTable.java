package org.deepmod.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.PlannedRun;
import org.deepmod.config.SweepAxis;
import org.deepmod.results.RunFields;
import org.deepmod.results.ResultStore;

/**
 * The sweep's results as a Spark table, one row per run with a result: its axes (one column each, the path's
 * dots as underscores: {@code estimator_threshold}), the seed, status, terms, mask, coefficients (in the data's
 * units, normalised, the estimator's), iterations, seconds, device, MSE, Reg, test MSE, correct support and
 * coefficient errors for u, and {@code fields}: per field (u, v, ...) its mask, coefficients, estimator
 * coefficients, truth, correct support and coefficient errors ({@link RunFields}). Written as {@code results.parquet} and {@code results.csv} (arrays as
 * JSON text there), each a single file rather than Spark's folder of parts, for the people who open them.
 */
public final class ResultsTable {
    public static final String PARQUET = "results.parquet";
    public static final String CSV = "results.csv";

    private ResultsTable() {
    }

    /** The columns every row has; an axis named like one of them ({@code device}) gets an axis_ prefix. */
    static final List<String> RESULT_COLUMNS = List.of("runId", "planIndex", "configuration", "seed", "status",
            "reason", "iterations", "seconds", "device", "terms", "mask", "coefficients", "coefficientsNormalized",
            "estimatorCoefficients", "equation", "mse", "reg", "testMse", "correctSupport", "coefficientErrors",
            "fields");

    /** One element of the fields column. */
    static final StructType FIELD = new StructType(new StructField[] {
        field("field", DataTypes.StringType, false),
        field("mask", DataTypes.createArrayType(DataTypes.BooleanType), false),
        field("coefficients", DataTypes.createArrayType(DataTypes.DoubleType), true),
        field("estimatorCoefficients", DataTypes.createArrayType(DataTypes.DoubleType), true),
        field("truth", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), true),
        field("correctSupport", DataTypes.BooleanType, true),
        field("coefficientErrors", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), true)});

    /** The column an axis path gets: estimator.threshold becomes estimator_threshold. */
    public static String column(String axisPath) {
        String name = axisPath.replace('.', '_');
        return RESULT_COLUMNS.contains(name) ? "axis_" + name : name;
    }

    static Dataset<Row> build(SparkSession spark, List<PlannedRun> runs, Map<String, RunResult> results,
                              List<String> axisPaths) {
        List<String> axes = axisPaths.stream().filter(p -> !p.equals(SweepAxis.SEED)).toList();
        List<StructField> fields = new ArrayList<>();
        fields.add(field("runId", DataTypes.StringType, false));
        fields.add(field("planIndex", DataTypes.IntegerType, false));
        fields.add(field("configuration", DataTypes.StringType, false));
        for (String axis : axes) {
            fields.add(field(column(axis), DataTypes.StringType, false));
        }
        fields.add(field("seed", DataTypes.LongType, false));
        fields.add(field("status", DataTypes.StringType, false));
        fields.add(field("reason", DataTypes.StringType, true));
        fields.add(field("iterations", DataTypes.IntegerType, false));
        fields.add(field("seconds", DataTypes.DoubleType, false));
        fields.add(field("device", DataTypes.StringType, true));
        fields.add(field("terms", DataTypes.createArrayType(DataTypes.StringType), true));
        fields.add(field("mask", DataTypes.createArrayType(DataTypes.BooleanType), true));
        fields.add(field("coefficients", DataTypes.createArrayType(DataTypes.DoubleType), true));
        fields.add(field("coefficientsNormalized", DataTypes.createArrayType(DataTypes.DoubleType), true));
        fields.add(field("estimatorCoefficients", DataTypes.createArrayType(DataTypes.DoubleType), true));
        fields.add(field("equation", DataTypes.StringType, true));
        fields.add(field("mse", DataTypes.DoubleType, true));
        fields.add(field("reg", DataTypes.DoubleType, true));
        fields.add(field("testMse", DataTypes.DoubleType, true));
        fields.add(field("correctSupport", DataTypes.BooleanType, true));
        fields.add(field("coefficientErrors", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType),
                true));
        fields.add(field("fields", DataTypes.createArrayType(FIELD), true));
        StructType schema = new StructType(fields.toArray(new StructField[0]));

        List<Row> rows = new ArrayList<>();
        for (PlannedRun run : runs) {
            RunResult r = results.get(run.runId());
            if (r == null) {
                continue;
            }
            List<Object> v = new ArrayList<>();
            v.add(run.runId());
            v.add(run.index());
            v.add(run.configuration());
            for (String axis : axes) {
                v.add(run.axes().get(axis));
            }
            List<RunFields> perField = RunFields.of(r);
            RunFields u = perField.isEmpty() ? null : perField.get(0);
            RunResult.Training t = r.training();
            RunResult.Discovery d = r.discovery() == null ? RunResult.Discovery.NONE : r.discovery();
            v.addAll(Arrays.asList(run.seed(), r.status().name(), r.reason(), t.iterations(), t.seconds(), t.device(),
                    d.terms(), booleans(d.mask()), doubles(d.coefficients()), doubles(d.coefficientsNormalized()),
                    doubles(d.estimatorCoefficients()), d.equation(), t.mse(), t.reg(), t.testMse(),
                    RunFields.correct(perField), u == null ? null : u.coefficientErrors(),
                    perField.isEmpty() ? null : perField.stream().map(ResultsTable::fieldRow).toList()));
            rows.add(RowFactory.create(v.toArray()));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static Row fieldRow(RunFields f) {
        return RowFactory.create(f.field(), booleans(f.mask()), doubles(f.coefficients()),
                doubles(f.estimatorCoefficients()), f.truth(), f.correctSupport(), f.coefficientErrors());
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    private static List<Boolean> booleans(boolean[] a) {
        if (a == null) {
            return null;
        }
        List<Boolean> out = new ArrayList<>(a.length);
        for (boolean b : a) {
            out.add(b);
        }
        return out;
    }

    private static List<Double> doubles(double[] a) {
        return a == null ? null : Arrays.stream(a).boxed().toList();
    }

    /** Writes results.parquet and results.csv into the output folder (through Hadoop, so hdfs:// works). */
    static void write(Dataset<Row> table, ResultStore store) {
        writeParquet(table, store, PARQUET);
        Path parts = new Path(store.output(), "_tmp/results-parts");
        List<Column> csv = new ArrayList<>();
        for (StructField f : table.schema().fields()) {
            Column c = functions.col(f.name());
            boolean nested = f.dataType() instanceof org.apache.spark.sql.types.ArrayType
                    || f.dataType() instanceof org.apache.spark.sql.types.MapType;
            csv.add(nested ? functions.to_json(c).as(f.name()) : c);
        }
        table.select(csv.toArray(new Column[0])).coalesce(1).write().mode(SaveMode.Overwrite)
                .option("header", true).csv(parts.toString());
        moveSinglePart(store, parts, ".csv", CSV);
    }

    /** Writes a table as one parquet file of the output folder (statistics.parquet). */
    static void writeParquet(Dataset<Row> table, ResultStore store, String name) {
        Path parts = new Path(store.output(), "_tmp/" + name + "-parts");
        table.coalesce(1).write().mode(SaveMode.Overwrite).parquet(parts.toString());
        moveSinglePart(store, parts, ".parquet", name);
    }

    private static void moveSinglePart(ResultStore store, Path parts, String suffix, String name) {
        FileSystem fs = store.fileSystem();
        Path target = new Path(store.output(), name);
        try {
            fs.delete(target, true);
            for (FileStatus s : fs.listStatus(parts)) {
                String file = s.getPath().getName();
                if (file.startsWith("part-") && file.endsWith(suffix)) {
                    if (!fs.rename(s.getPath(), target)) {
                        throw new IOException("cannot rename " + s.getPath() + " to " + target);
                    }
                    break;
                }
            }
            fs.delete(parts, true);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write: " + e.getMessage(), e);
        }
    }
}
