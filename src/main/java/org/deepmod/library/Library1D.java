package org.deepmod.library;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deepmod.nn.Jet;
import org.deepmod.nn.DerivativeSet;
import org.deepmod.nn.Partial;
import org.deepmod.nn.Scalars;

/**
 * Polynomials times x-derivatives in one space dimension.
 *
 * <p>One output: Θ = [1, u, ..., u^P] ⊗ [1, u_x, ..., ∂x^D u], derivative as the fast index, as in the
 * reference: for P = 2, D = 3 that is {@code 1, u_x, u_xx, u_xxx, u, u*u_x, ..., u^2*u_xxx}.
 *
 * <p>Several outputs (u, v, ...): the terms the reference intends (its code duplicates the last output's
 * derivatives instead, a bug not copied here): (a) every monomial u^p v^q ... with each power ≤ P;
 * (b) for each pair of outputs, products of their derivative lists without the constant (v_x, u_x, u_x*v_x,
 * ...); (c) u_k^p ∂x^d u_j for p ≥ 1, d ≥ 1 and every pair (k, j), so u*v_x and v*u_x both appear.
 * With one output and D = 0 (an ODE) Θ is just the polynomials.
 *
 * <p>Names, products and values all follow one list of {@link Term terms} (as PySINDy's PolynomialLibrary
 * derives them from its combinations).
 */
public final class Library1D implements Library {
    private final int polyOrder;
    private final int diffOrder;
    private final int outputs;
    private final List<Term> terms;
    private final List<String> names;
    /** An ODE library: the network's only input is t, so the jet carries u_t alone. */
    private final boolean timeOnly;

    public Library1D(int polyOrder, int diffOrder, int outputs) {
        this(polyOrder, diffOrder, outputs, false);
    }

    /** The polynomials of the fields' values up to {@code polyOrder}, for data with time as the only coordinate. */
    public static Library1D ode(int polyOrder, int outputs) {
        return new Library1D(polyOrder, 0, outputs, true);
    }

    private Library1D(int polyOrder, int diffOrder, int outputs, boolean timeOnly) {
        if (polyOrder < 0 || polyOrder > 5) {
            throw new IllegalArgumentException("polynomial order must be 0..5, got " + polyOrder);
        }
        if (diffOrder < 0 || diffOrder > 4) {
            throw new IllegalArgumentException("derivative order must be 0..4, got " + diffOrder);
        }
        if (outputs < 1 || outputs > 3) {
            throw new IllegalArgumentException("outputs must be 1..3, got " + outputs);
        }
        this.polyOrder = polyOrder;
        this.diffOrder = diffOrder;
        this.outputs = outputs;
        this.timeOnly = timeOnly;
        this.terms = List.copyOf(combinations());
        this.names = TermNames.of(terms);
    }

    public Library1D(int polyOrder, int diffOrder) {
        this(polyOrder, diffOrder, 1);
    }

    public int polyOrder() {
        return polyOrder;
    }

    public int diffOrder() {
        return diffOrder;
    }

    @Override
    public DerivativeSet derivativeSet() {
        return timeOnly ? DerivativeSet.timeOnly() : DerivativeSet.oneDimensional(diffOrder);
    }

    /** The x-derivatives up to the highest order an active term uses (u_t always). */
    @Override
    public DerivativeSet derivativeSet(boolean[][] masks) {
        if (timeOnly) {
            return DerivativeSet.timeOnly();
        }
        int order = 0;
        for (Partial p : activeDerivatives(masks)) {
            order = Math.max(order, p.order());
        }
        return DerivativeSet.oneDimensional(order);
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

    /** Θ's columns in order, each as the product it is: names, products and values all follow this list. */
    private List<Term> combinations() {
        List<Term> out = new ArrayList<>();
        if (outputs == 1) {
            for (int p = 0; p <= polyOrder; p++) {
                for (int d = 0; d <= diffOrder; d++) {
                    out.add(Term.of(power(0, p), derivative(0, d)));
                }
            }
            return out;
        }
        for (int[] powers : monomials()) {
            List<Term.Factor> f = new ArrayList<>();
            for (int k = 0; k < outputs; k++) {
                f.addAll(power(k, powers[k]));
            }
            out.add(new Term(f));
        }
        for (int a = 0; a < outputs; a++) {
            for (int b = a + 1; b < outputs; b++) {
                for (int da = 0; da <= diffOrder; da++) {
                    for (int db = 0; db <= diffOrder; db++) {
                        if (da + db > 0) {
                            out.add(Term.of(derivative(a, da), derivative(b, db)));
                        }
                    }
                }
            }
        }
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < outputs; j++) {
                for (int p = 1; p <= polyOrder; p++) {
                    for (int d = 1; d <= diffOrder; d++) {
                        out.add(Term.of(power(k, p), derivative(j, d)));
                    }
                }
            }
        }
        return out;
    }

    /** Output k repeated p times. */
    static List<Term.Factor> power(int k, int p) {
        return Collections.nCopies(p, new Term.Factor(k, null));
    }

    /** The x-derivative of order d of output k; no factor for d = 0. */
    private static List<Term.Factor> derivative(int k, int d) {
        return d == 0 ? List.of() : List.of(new Term.Factor(k, Partial.xOfOrder(d)));
    }

    /** Exponent vectors of u^p v^q ..., each ≤ P, the first output as the slowest index. */
    private List<int[]> monomials() {
        List<int[]> out = new ArrayList<>();
        int[] powers = new int[outputs];
        int total = (int) Math.pow(polyOrder + 1, outputs);
        for (int i = 0; i < total; i++) {
            int rest = i;
            for (int k = outputs - 1; k >= 0; k--) {
                powers[k] = rest % (polyOrder + 1);
                rest /= polyOrder + 1;
            }
            out.add(powers.clone());
        }
        return out;
    }

    @Override
    public LibraryValues evaluate(Jet jet, Scalars scalars) {
        return TermColumns.evaluate(terms, outputs, polyOrder, jet);
    }
}
