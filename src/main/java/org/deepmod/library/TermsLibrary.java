package org.deepmod.library;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deepmod.nn.Jet;
import org.deepmod.nn.DerivativeSet;
import org.deepmod.nn.Partial;
import org.deepmod.nn.Scalars;

/**
 * The terms a user names, read by {@link TermParser} into the same {@link Term} list the built-in libraries
 * build: one list for every field, or one per field ({@code u: [...], v: [...]}), Θ then holding every named
 * term once (in the order first named) and each field's mask limited to its own ({@link #candidates()}).
 */
public final class TermsLibrary implements Library {
    private final List<Term> terms;
    private final List<String> names;
    private final boolean[][] candidates;
    private final int outputs;
    private final int spatialDims;
    private final int maxPower;
    private final boolean readsCoordinates;

    private TermsLibrary(List<Term> terms, boolean[][] candidates, int outputs, int spatialDims) {
        this.terms = List.copyOf(terms);
        this.names = TermNames.of(this.terms);
        this.candidates = candidates;
        this.outputs = outputs;
        this.spatialDims = spatialDims;
        int power = 0;
        boolean coordinates = false;
        for (Term t : this.terms) {
            for (int i = 0; i < t.factors().size(); ) {
                int run = Term.runLength(t.factors(), i);
                if (t.factors().get(i).derivative() == null) {
                    power = Math.max(power, run);
                }
                i += run;
            }
            for (Expression e : t.extras()) {
                coordinates |= e.readsCoordinates();
            }
        }
        this.maxPower = power;
        this.readsCoordinates = coordinates;
    }

    /**
     * The library of {@code termsByField}: under the key "" one list for every field, else one list per field
     * name (u, v, w). A term that cannot be read, a repeated term and an unknown field are an
     * {@link IllegalArgumentException} whose message starts with where it is ({@code [2]}, {@code v[0]}).
     */
    public static TermsLibrary of(Map<String, List<String>> termsByField, int outputs, int spatialDims, int maxDiff) {
        Map<Term, Integer> index = new LinkedHashMap<>();
        List<List<Integer>> perField = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            perField.add(new ArrayList<>());
        }
        boolean shared = termsByField.containsKey("");
        for (Map.Entry<String, List<String>> entry : termsByField.entrySet()) {
            String field = entry.getKey();
            int output = shared ? -1 : outputIndex(field, outputs);
            List<String> texts = entry.getValue();
            if (texts.isEmpty()) {
                throw new IllegalArgumentException((shared ? "" : field + ": ") + "no terms named");
            }
            Map<Term, String> seen = new LinkedHashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                String where = field + "[" + i + "]";
                Term term;
                try {
                    term = TermParser.parse(texts.get(i), outputs, spatialDims, maxDiff);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage());
                }
                String earlier = seen.putIfAbsent(term, texts.get(i));
                if (earlier != null) {
                    throw new IllegalArgumentException(where + ": '" + texts.get(i) + "' is the term '" + earlier
                            + "' again");
                }
                int j = index.computeIfAbsent(term, t -> index.size());
                for (int k = 0; k < outputs; k++) {
                    if (output < 0 || output == k) {
                        perField.get(k).add(j);
                    }
                }
            }
        }
        boolean[][] candidates = null;
        if (!shared) {
            candidates = new boolean[outputs][index.size()];
            for (int k = 0; k < outputs; k++) {
                if (perField.get(k).isEmpty()) {
                    throw new IllegalArgumentException(TermNames.output(k) + ": no terms named for this field");
                }
                for (int j : perField.get(k)) {
                    candidates[k][j] = true;
                }
            }
        }
        return new TermsLibrary(new ArrayList<>(index.keySet()), candidates, outputs, spatialDims);
    }

    private static int outputIndex(String field, int outputs) {
        for (int k = 0; k < outputs; k++) {
            if (TermNames.output(k).equals(field)) {
                return k;
            }
        }
        List<String> known = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            known.add(TermNames.output(k));
        }
        throw new IllegalArgumentException(field + ": not a field of the data; its fields: " + String.join(", ", known));
    }

    @Override
    public DerivativeSet derivativeSet() {
        return derivativeSet(allDerivatives());
    }

    @Override
    public DerivativeSet derivativeSet(boolean[][] masks) {
        return derivativeSet(activeDerivatives(masks));
    }

    private Set<Partial> allDerivatives() {
        Set<Partial> used = EnumSet.noneOf(Partial.class);
        for (Term t : terms) {
            for (Term.Factor f : Library.factors(t)) {
                if (f.derivative() != null) {
                    used.add(f.derivative());
                }
            }
        }
        return used;
    }

    private DerivativeSet derivativeSet(Set<Partial> used) {
        if (spatialDims == 0) {
            return DerivativeSet.timeOnly();
        }
        if (spatialDims == 1) {
            int order = 0;
            for (Partial p : used) {
                order = Math.max(order, p.order());
            }
            return DerivativeSet.oneDimensional(order);
        }
        EnumSet<Partial> needed = EnumSet.noneOf(Partial.class);
        needed.addAll(used);
        if (needed.contains(Partial.XX) || needed.contains(Partial.XY)) {
            needed.add(Partial.X);
        }
        if (needed.contains(Partial.YY) || needed.contains(Partial.XY)) {
            needed.add(Partial.Y);
        }
        return DerivativeSet.twoDimensional(needed);
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public List<String> termNames() {
        return names;
    }

    @Override
    public List<Term> terms() {
        return terms;
    }

    @Override
    public boolean[][] candidates() {
        if (candidates == null) {
            return null;
        }
        boolean[][] copy = new boolean[candidates.length][];
        for (int k = 0; k < copy.length; k++) {
            copy[k] = candidates[k].clone();
        }
        return copy;
    }

    /** The highest power of one field's value in a term. */
    public int maxPower() {
        return maxPower;
    }

    /** Whether a term reads the coordinates (then {@link #evaluate(Jet, Scalars)} without them is refused). */
    public boolean readsCoordinates() {
        return readsCoordinates;
    }

    @Override
    public LibraryValues evaluate(Jet jet, Scalars scalars) {
        if (readsCoordinates) {
            throw new IllegalStateException("terms of this library read the coordinates; pass them");
        }
        return TermColumns.evaluate(terms, outputs, maxPower, jet, null, scalars);
    }

    @Override
    public LibraryValues evaluate(Jet jet, NDArray coords, Scalars scalars) {
        return TermColumns.evaluate(terms, outputs, maxPower, jet, coords, scalars);
    }
}
