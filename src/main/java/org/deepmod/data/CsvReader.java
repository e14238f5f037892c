package org.deepmod.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.deepmod.BadInputException;
import org.deepmod.UserText;

/**
 * Reads comma-separated values with a header row naming the columns; the columns named in
 * {@link ReadOptions} (in any order, other columns ignored) become t, x[, y] and u[, v, w]. A header that
 * starts with '#' (np.savetxt's {@code header=}) is accepted; blank lines are skipped. Line numbers in
 * messages count from 1, the header being line 1.
 */
final class CsvReader {

    private static final Set<String> NON_FINITE = Set.of("nan", "inf", "+inf", "-inf", "infinity", "+infinity",
            "-infinity");

    private CsvReader() {
    }

    static Dataset read(String file, BufferedReader in, ReadOptions options) throws IOException {
        String header = in.readLine();
        if (header == null || header.isBlank()) {
            throw new BadInputException(file + ": empty; expected a header row naming the columns "
                    + options.allNames());
        }
        String[] columns = headerNames(file, header);
        List<String> wanted = options.allNames();
        int[] positions = new int[wanted.size()];
        for (int k = 0; k < wanted.size(); k++) {
            positions[k] = position(file, columns, wanted.get(k));
        }

        Column[] values = new Column[wanted.size()];
        Arrays.setAll(values, k -> new Column());
        int lineNumber = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != columns.length) {
                throw new BadInputException(file + ": line " + lineNumber + " has " + cells.length + " values but the "
                        + "header has " + columns.length + " columns");
            }
            for (int k = 0; k < wanted.size(); k++) {
                values[k].add(number(file, lineNumber, wanted.get(k), cells[positions[k]]));
            }
        }
        if (values[0].size == 0) {
            throw new BadInputException(file + ": no data rows after the header");
        }

        int coords = 1 + options.spatialDims();
        double[][] coordColumns = new double[coords][];
        double[][] fieldColumns = new double[wanted.size() - coords][];
        for (int k = 0; k < wanted.size(); k++) {
            if (k < coords) {
                coordColumns[k] = values[k].toArray();
            } else {
                fieldColumns[k - coords] = values[k].toArray();
            }
        }
        return Dataset.ofColumns(coordColumns, fieldColumns, Dataset.canonicalCoordNames(options.spatialDims()),
                Dataset.canonicalTargetNames(fieldColumns.length));
    }

    /**
     * The header's column names. A line that is not text (a binary file named .csv) is refused without
     * printing it: its bytes are no names.
     */
    static String[] headerNames(String file, String header) {
        if (!UserText.isText(header)) {
            throw new BadInputException(file + ": not a text file (line 1 holds bytes that are not UTF-8 text); a "
                    + ".csv is comma-separated text with a header row naming its columns");
        }
        String text = header.startsWith("\uFEFF") ? header.substring(1) : header; // a UTF-8 byte order mark
        text = text.startsWith("#") ? text.substring(1) : text;
        String[] names = text.split(",", -1);
        for (int j = 0; j < names.length; j++) {
            String name = names[j].strip();
            boolean quoted = name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"");
            names[j] = quoted ? name.substring(1, name.length() - 1) : name;
        }
        return names;
    }

    private static int position(String file, String[] columns, String name) {
        int found = -1;
        for (int j = 0; j < columns.length; j++) {
            if (columns[j].equals(name)) {
                if (found >= 0) {
                    throw new BadInputException(file + ": column '" + name + "' appears twice in the header (line 1)");
                }
                found = j;
            }
        }
        if (found < 0 && !looksLikeHeader(columns)) {
            throw notAHeader(file, "missing column '" + name + "': ");
        }
        if (found < 0) {
            throw new BadInputException(file + ": missing column '" + name + "': the header (line 1) has "
                    + Arrays.toString(columns));
        }
        return found;
    }

    /** The signs a column name may hold beside letters, digits and spaces ({@code u_x}, {@code u (m/s)}). */
    private static final String NAME_SIGNS = "_-+*/^.()[]'%°#";

    /**
     * Whether every header cell reads as a column's name: at most {@link UserText#MAX_QUOTED} letters, digits,
     * spaces and {@link #NAME_SIGNS}. A line of another file (a link to /etc/passwd: an account, with ':') is
     * not, and is then never quoted: a message names columns, not the contents of some file.
     */
    static boolean looksLikeHeader(String[] columns) {
        return Arrays.stream(columns).allMatch(name -> name.length() <= UserText.MAX_QUOTED
                && name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == ' '
                        || NAME_SIGNS.indexOf(c) >= 0));
    }

    static BadInputException notAHeader(String file, String what) {
        return new BadInputException(file + ": " + what + "line 1 is not a header row of column names (each at most "
                + UserText.MAX_QUOTED + " letters, digits, spaces and " + NAME_SIGNS + "); is this a CSV file?");
    }

    private static double number(String file, int line, String column, String cell) {
        String text = cell.strip();
        String where = file + ": line " + line + ", column '" + column + "': ";
        if (NON_FINITE.contains(text.toLowerCase(Locale.ROOT))) {
            throw new BadInputException(where + text + " (NaN or infinite values are not allowed)");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadInputException(where + (text.isEmpty() ? "empty value"
                    : "'" + UserText.excerpt(text) + "' is not a number"));
        }
        if (!Double.isFinite(value)) { // "NaN", "Infinity", or a literal like 1e999 beyond float64
            throw new BadInputException(where + text + " (NaN or infinite values are not allowed)");
        }
        return value;
    }

    /** A growable column of doubles, to avoid boxing every value. */
    private static final class Column {
        private double[] values = new double[1024];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
