package org.deepmod.library;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import org.deepmod.BadInputException;
import org.deepmod.data.Scaling;
import org.deepmod.nn.Partial;

/**
 * Coefficients found on normalised data, expressed in the data's own units. With t' = a_t·t + b_t,
 * x' = a_x·x + b_x and u_k' = a_k·u_k + b_k, a term's factors become u_k' = a_k·u_k + b_k and
 * ∂u_k'/∂x'^n = (a_k / a_x^n)·∂u_k/∂x^n, and u_j'_t' = (a_j / a_t)·u_j,t. Expanding each normalised term's
 * product gives data-unit terms of the same derivative factors and lower powers, which every library here
 * holds (its powers run from 0); coordinate offsets drop out. With no data offset (b_k = 0) each term maps
 * to itself, so the support is the same in both units.
 */
public final class DataUnits {

    private DataUnits() {
    }

    /** ξ per output in data units from ξ' ([output][term]) found on data that {@code scaling} produced. */
    public static double[][] coefficients(Library library, Scaling scaling, double[][] normalisedCoefficients) {
        List<Term> terms = library.terms();
        Map<List<Object>, Integer> index = new HashMap<>();
        for (int m = 0; m < terms.size(); m++) {
            index.put(key(sorted(terms.get(m).factors()), terms.get(m).extras()), m);
        }
        double[][] map = new double[terms.size()][terms.size()]; // [normalised term][data term]
        for (int i = 0; i < terms.size(); i++) {
            for (Expression e : terms.get(i).extras()) {
                if (!unchanged(e, scaling)) {
                    throw new BadInputException("normalize: term " + library.termNames().get(i) + " reads '" + e.text()
                            + "', which normalising changes other than by a factor; normalise neither coords nor data"
                            + " (normalize: {coords: none, data: none}) for this library");
                }
            }
            expand(terms.get(i), 0, new ArrayList<>(), 1.0, scaling, index, map[i], library, i);
        }
        double[][] out = new double[normalisedCoefficients.length][terms.size()];
        for (int j = 0; j < out.length; j++) {
            double lhs = scaling.coordScale(0) / scaling.targetScale(j);
            for (int i = 0; i < terms.size(); i++) {
                for (int m = 0; m < terms.size(); m++) {
                    out[j][m] += lhs * normalisedCoefficients[j][i] * map[i][m];
                }
            }
        }
        return out;
    }

    /** Adds the data-unit terms of factors[at..] (times {@code weight} and the kept factors) into {@code row}. */
    private static void expand(Term whole, int at, List<Term.Factor> kept, double weight,
                               Scaling scaling, Map<List<Object>, Integer> index, double[] row, Library library,
                               int term) {
        List<Term.Factor> factors = whole.factors();
        if (weight == 0) {
            return;
        }
        if (at == factors.size()) {
            Integer m = index.get(key(sorted(kept), whole.extras()));
            if (m == null) {
                throw new BadInputException("normalize: term " + library.termNames().get(term) + " on offset data "
                        + "needs a term the library lacks; normalise the data without an offset (maxabs)");
            }
            row[m] += weight;
            return;
        }
        Term.Factor f = factors.get(at);
        double a = scaling.targetScale(f.output());
        kept.add(f);
        if (f.derivative() == null) {
            expand(whole, at + 1, kept, weight * a, scaling, index, row, library, term);
            kept.remove(kept.size() - 1);
            expand(whole, at + 1, kept, weight * scaling.targetOffset(f.output()), scaling, index, row, library,
                    term);
        } else {
            expand(whole, at + 1, kept, weight * a / coordinateScale(scaling, f.derivative()), scaling, index, row,
                    library, term);
            kept.remove(kept.size() - 1);
        }
    }

    private static List<Object> key(List<Term.Factor> factors, List<Expression> extras) {
        return List.of(factors, extras);
    }

    /** Whether an extra factor has the same value on the normalised data: every leaf it reads is unscaled. */
    private static boolean unchanged(Expression e, Scaling scaling) {
        if (e.readsCoordinates()) {
            for (int c = 0; c < scaling.coordScale().length; c++) {
                if (scaling.coordScale(c) != 1 || scaling.coordOffset(c) != 0) {
                    return false;
                }
            }
        }
        Set<Term.Factor> leaves = new HashSet<>();
        e.leaves(leaves);
        for (Term.Factor f : leaves) {
            if (scaling.targetScale(f.output()) != 1 || scaling.targetOffset(f.output()) != 0
                    || f.derivative() != null && coordinateScale(scaling, f.derivative()) != 1) {
                return false;
            }
        }
        return true;
    }

    /** a_x^n for ∂^n/∂x^n, a_x·a_y for the mixed derivative. */
    private static double coordinateScale(Scaling scaling, Partial p) {
        if (p.coordinate() < 0) {
            return scaling.coordScale(1) * scaling.coordScale(2);
        }
        return Math.pow(scaling.coordScale(p.coordinate()), p.order());
    }

    private static List<Term.Factor> sorted(List<Term.Factor> factors) {
        List<Term.Factor> s = new ArrayList<>(factors);
        s.sort(Comparator.comparingInt(Term.Factor::output)
                .thenComparing(f -> f.derivative() == null ? "" : f.derivative().name()));
        return s;
    }
}
