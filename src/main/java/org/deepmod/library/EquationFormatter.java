package org.deepmod.library;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Discovered equations as text: {@code u_t = 0.0982*u_xx - 1.004*u*u_x}, and a side-by-side comparison
 * with the true equation when it is known.
 *
 * <p>Coefficients keep 4 significant digits without trailing zeros; below 1e-3 or from 1e4 on (after
 * rounding) they switch to scientific notation such as {@code 1.5e-5} or {@code 2.3e12}.
 */
public final class EquationFormatter {
    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);
    private static final BigDecimal SMALL = new BigDecimal("1e-3");
    private static final BigDecimal LARGE = new BigDecimal("1e4");

    private EquationFormatter() {
    }

    /** {@code lhs = c1*t1 + c2*t2 ...} over the active terms in library order; {@code lhs = 0} if none is. */
    public static String format(String lhs, List<String> terms, double[] coefficients, boolean[] mask) {
        checkLengths(terms, coefficients, mask);
        StringBuilder sb = new StringBuilder(lhs).append(" =");
        boolean first = true;
        for (int j = 0; j < terms.size(); j++) {
            if (!mask[j]) {
                continue;
            }
            double c = coefficients[j];
            boolean negative = c < 0;
            if (first) {
                sb.append(negative ? " -" : " ");
            } else {
                sb.append(negative ? " - " : " + ");
            }
            sb.append(coefficient(Math.abs(c)));
            if (!terms.get(j).equals("1")) {
                sb.append('*').append(terms.get(j));
            }
            first = false;
        }
        return first ? sb.append(" 0").toString() : sb.toString();
    }

    /**
     * A table of found against true coefficients: one row per active term and per true term (library order,
     * then true terms the library lacks), with the relative error in percent, "missed" or "extra"; then
     * whether the support (set of active terms) equals the truth's keys. The table is valid Markdown.
     */
    public static String compare(List<String> terms, double[] coefficients, boolean[] mask,
                                 Map<String, Double> truth) {
        checkLengths(terms, coefficients, mask);
        Set<String> rows = new LinkedHashSet<>();
        for (int j = 0; j < terms.size(); j++) {
            if (mask[j] || truth.containsKey(terms.get(j))) {
                rows.add(terms.get(j));
            }
        }
        rows.addAll(truth.keySet());

        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"term", "found", "truth", "error %"});
        boolean correct = true;
        for (String term : rows) {
            int j = terms.indexOf(term);
            boolean found = j >= 0 && mask[j];
            Double exact = truth.get(term);
            correct &= found == (exact != null);
            cells.add(new String[] {
                term,
                found ? coefficient(coefficients[j]) : "-",
                exact != null ? coefficient(exact) : "-",
                error(found ? coefficients[j] : Double.NaN, exact)});
        }
        return table(cells) + "\ncorrect support: " + (correct ? "yes" : "no") + "\n";
    }

    /** One coefficient with 4 significant digits, scientific when tiny or huge. */
    public static String coefficient(double c) {
        if (!Double.isFinite(c)) {
            return Double.toString(c);
        }
        if (c == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(c).round(FOUR_DIGITS).stripTrailingZeros();
        BigDecimal magnitude = rounded.abs();
        if (magnitude.compareTo(SMALL) >= 0 && magnitude.compareTo(LARGE) < 0) {
            return rounded.toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        return rounded.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }

    private static String error(double found, Double exact) {
        if (exact == null) {
            return "extra";
        }
        if (Double.isNaN(found)) {
            return "missed";
        }
        if (exact == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", 100 * Math.abs(found - exact) / Math.abs(exact));
    }

    /** Pads every column to its widest cell: term left-aligned, numbers right-aligned. */
    private static String table(List<String[]> cells) {
        int[] width = new int[cells.get(0).length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            String[] row = cells.get(r);
            sb.append('|');
            for (int c = 0; c < row.length; c++) {
                String pad = " ".repeat(width[c] - row[c].length());
                sb.append(' ').append(c == 0 ? row[c] + pad : pad + row[c]).append(" |");
            }
            sb.append('\n');
            if (r == 0) {
                sb.append('|');
                for (int c = 0; c < row.length; c++) {
                    sb.append(c == 0 ? " :" + "-".repeat(width[c] - 1) : " " + "-".repeat(width[c] - 1) + ":")
                            .append(" |");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static void checkLengths(List<String> terms, double[] coefficients, boolean[] mask) {
        if (coefficients.length != terms.size() || mask.length != terms.size()) {
            throw new IllegalArgumentException("terms, coefficients and mask differ in length: " + terms.size()
                    + ", " + coefficients.length + ", " + mask.length);
        }
    }
}
