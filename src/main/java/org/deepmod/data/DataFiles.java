package org.deepmod.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.deepmod.BadInputException;
import org.deepmod.storage.HadoopFiles;

/**
 * Reads a data file into a {@link Dataset}, through Hadoop's FileSystem (file:, plain local paths and hdfs://
 * all work), choosing the format by extension:
 * <ul>
 *   <li>{@code .npz}: named arrays t, x[, y], u[, v, w] of equal shape, or axis vectors beside gridded fields
 *       (a grid is flattened to points in C order, see {@link NamedArrays});</li>
 *   <li>{@code .npy}: one 2-D array whose columns are t, x[, y], then the fields; or, dtype object, a pickled
 *       dict of named arrays as DeePyMoD saves its examples (read by a restricted unpickler);</li>
 *   <li>{@code .mat}: a MATLAB level-5 MAT-file's named variables (PDE-FIND's benchmark files);</li>
 *   <li>{@code .csv}: a header row, then columns named t, x[, y] and the fields.</li>
 * </ul>
 * Names and the spatial dimension come from {@link ReadOptions}; the dataset always uses the canonical names
 * t, x[, y] and u[, v, w]. Bad input (missing or truncated file, pickled or non-numeric arrays, NaN or
 * infinite values, arrays of different shapes, missing columns, unparsable numbers) throws a
 * {@link BadInputException} whose message names the file and, where there is one, the array, line, column or
 * index.
 */
public final class DataFiles {

    private DataFiles() {
    }

    public static Dataset read(String path, Configuration conf) {
        return read(path, conf, ReadOptions.defaults());
    }

    /** As {@link #read(String, Configuration, ReadOptions, Consumer)}, for a caller that records no notes. */
    public static Dataset read(String path, Configuration conf, ReadOptions options) {
        return read(path, conf, options, note -> { });
    }

    /**
     * @param notes told, one sentence each naming the file and array, what reading dropped that a run's result
     *              should say: the imaginary part of a complex array, with its largest size relative to the real
     *              part
     */
    public static Dataset read(String path, Configuration conf, ReadOptions options, Consumer<String> notes) {
        return switch (extension(path)) {
            case "npz" -> NpzReader.read(path, HadoopFiles.readAll(path, conf), options, notes);
            case "npy" -> readNpy(path, HadoopFiles.readAll(path, conf), options, notes);
            case "mat" -> NamedArrays.assemble(path, MatReader.arrays(path, HadoopFiles.readAll(path, conf)), options,
                    notes);
            case "csv" -> readCsv(path, conf, options);
            default -> throw unknownType(path);
        };
    }

    /**
     * The names of the variables (arrays, columns) a data file holds, in the file's order; empty for a plain .npy
     * table, whose columns have no names. Bad files fail as {@link #read} fails.
     */
    public static java.util.List<String> variables(String path, Configuration conf) {
        return switch (extension(path)) {
            case "npz" -> java.util.List.copyOf(NpzArchive.entries(HadoopFiles.readAll(path, conf), path).keySet());
            case "npy" -> {
                byte[] bytes = HadoopFiles.readAll(path, conf);
                yield NpyFormat.descr(bytes, path).endsWith("O")
                        ? java.util.List.copyOf(PickledNpyReader.arrays(path, bytes).keySet()) : java.util.List.of();
            }
            case "mat" -> java.util.List.copyOf(MatReader.arrays(path, HadoopFiles.readAll(path, conf)).keySet());
            case "csv" -> csvHeader(path, conf);
            default -> throw unknownType(path);
        };
    }

    private static java.util.List<String> csvHeader(String path, Configuration conf) {
        try (BufferedReader in = HadoopFiles.openText(path, conf)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw new BadInputException(path + ": empty; expected a header row naming the columns");
            }
            String[] names = CsvReader.headerNames(path, header);
            if (!CsvReader.looksLikeHeader(names)) { // the names are listed in messages: never another file's line
                throw CsvReader.notAHeader(path, "");
            }
            return java.util.List.of(names);
        } catch (IOException | FSError e) {
            throw HadoopFiles.readFailure(path, e);
        }
    }

    /** A numeric table, or (dtype object) a pickled dict of named arrays as DeePyMoD saves its examples. */
    private static Dataset readNpy(String path, byte[] bytes, ReadOptions options, Consumer<String> notes) {
        if (NpyFormat.descr(bytes, path).endsWith("O")) {
            return NamedArrays.assemble(path, PickledNpyReader.arrays(path, bytes), options, notes);
        }
        return NpyReader.read(path, bytes, options, notes);
    }

    private static Dataset readCsv(String path, Configuration conf, ReadOptions options) {
        try (BufferedReader in = HadoopFiles.openText(path, conf)) {
            return CsvReader.read(path, in, options);
        } catch (IOException | FSError e) {
            throw HadoopFiles.readFailure(path, e);
        }
    }

    private static BadInputException unknownType(String path) {
        return new BadInputException(path + ": unknown data file type; expected a .npz, .npy, .mat or .csv file");
    }

    /** Lower-case extension of the last path segment, "" if none. */
    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
