package org.deepmod.library;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deepmod.nn.Jet;
import org.deepmod.nn.JetSpec;
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
 */
public final class Library1D implements Library {
    private final int polyOrder;
    private final int diffOrder;
    private final int outputs;
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
        this.names = Collections.unmodifiableList(buildNames());
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
    public JetSpec jetSpec() {
        return timeOnly ? JetSpec.timeOnly() : JetSpec.oneDimensional(diffOrder);
    }

    /** The x-derivatives up to the highest order an active term uses (u_t always). */
    @Override
    public JetSpec jetSpec(boolean[][] masks) {
        if (timeOnly) {
            return JetSpec.timeOnly();
        }
        int order = 0;
        for (Partial p : activeDerivatives(masks)) {
            order = Math.max(order, p.order());
        }
        return JetSpec.oneDimensional(order);
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public List<String> termNames() {
        return names;
    }

    private String derivName(int k, int d) {
        return d == 0 ? "" : TermNames.derivative(TermNames.output(k), Partial.xOfOrder(d).suffix());
    }

    private List<String> buildNames() {
        List<String> out = new ArrayList<>();
        if (outputs == 1) {
            for (int p = 0; p <= polyOrder; p++) {
                for (int d = 0; d <= diffOrder; d++) {
                    out.add(TermNames.product(TermNames.power("u", p), derivName(0, d)));
                }
            }
            return out;
        }
        for (int[] powers : monomials()) {
            String[] f = new String[outputs];
            for (int k = 0; k < outputs; k++) {
                f[k] = TermNames.power(TermNames.output(k), powers[k]);
            }
            out.add(TermNames.product(f));
        }
        for (int a = 0; a < outputs; a++) {
            for (int b = a + 1; b < outputs; b++) {
                for (int da = 0; da <= diffOrder; da++) {
                    for (int db = 0; db <= diffOrder; db++) {
                        if (da + db > 0) {
                            out.add(TermNames.product(derivName(a, da), derivName(b, db)));
                        }
                    }
                }
            }
        }
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < outputs; j++) {
                for (int p = 1; p <= polyOrder; p++) {
                    for (int d = 1; d <= diffOrder; d++) {
                        out.add(TermNames.product(TermNames.power(TermNames.output(k), p), derivName(j, d)));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public List<Term> products() {
        List<Term> out = new ArrayList<>();
        if (outputs == 1) {
            for (int p = 0; p <= polyOrder; p++) {
                for (int d = 0; d <= diffOrder; d++) {
                    List<Term.Factor> f = power(0, p);
                    addDerivative(f, 0, d);
                    out.add(new Term(f));
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
                            List<Term.Factor> f = new ArrayList<>();
                            addDerivative(f, a, da);
                            addDerivative(f, b, db);
                            out.add(new Term(f));
                        }
                    }
                }
            }
        }
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < outputs; j++) {
                for (int p = 1; p <= polyOrder; p++) {
                    for (int d = 1; d <= diffOrder; d++) {
                        List<Term.Factor> f = power(k, p);
                        addDerivative(f, j, d);
                        out.add(new Term(f));
                    }
                }
            }
        }
        return out;
    }

    /** Output k repeated p times. */
    static List<Term.Factor> power(int k, int p) {
        return new ArrayList<>(Collections.nCopies(p, new Term.Factor(k, null)));
    }

    private static void addDerivative(List<Term.Factor> factors, int k, int d) {
        if (d > 0) {
            factors.add(new Term.Factor(k, Partial.xOfOrder(d)));
        }
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
        NDArray u = jet.value();
        NDArray ut = jet.derivative(Partial.T);
        NDArray ones = u.get(":, 0:1").onesLike();
        List<NDArray> value = new ArrayList<>();
        List<List<NDArray>> derivs = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            String col = ":, " + k + ":" + (k + 1);
            value.add(outputs == 1 ? u : u.get(col));
            List<NDArray> dk = new ArrayList<>();
            dk.add(ones);
            for (int d = 1; d <= diffOrder; d++) {
                NDArray all = jet.derivative(Partial.xOfOrder(d));
                dk.add(outputs == 1 ? all : all.get(col));
            }
            derivs.add(dk);
        }
        if (outputs == 1) {
            NDArray poly = concat(powers(value.get(0), ones));
            NDArray deriv = concat(derivs.get(0));
            return new LibraryValues(ut, outer(poly, deriv));
        }
        List<NDArray> columns = new ArrayList<>();
        List<List<NDArray>> powerLists = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            powerLists.add(powers(value.get(k), ones));
        }
        for (int[] m : monomials()) {
            NDArray term = ones;
            for (int k = 0; k < outputs; k++) {
                if (m[k] > 0) {
                    term = term == ones ? powerLists.get(k).get(m[k]) : term.mul(powerLists.get(k).get(m[k]));
                }
            }
            columns.add(term);
        }
        for (int a = 0; a < outputs; a++) {
            for (int b = a + 1; b < outputs; b++) {
                for (int da = 0; da <= diffOrder; da++) {
                    for (int db = 0; db <= diffOrder; db++) {
                        if (da + db > 0) {
                            columns.add(product(derivs.get(a).get(da), derivs.get(b).get(db), ones));
                        }
                    }
                }
            }
        }
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < outputs; j++) {
                for (int p = 1; p <= polyOrder; p++) {
                    for (int d = 1; d <= diffOrder; d++) {
                        columns.add(powerLists.get(k).get(p).mul(derivs.get(j).get(d)));
                    }
                }
            }
        }
        return new LibraryValues(ut, concat(columns));
    }

    private static NDArray product(NDArray a, NDArray b, NDArray ones) {
        if (a == ones) {
            return b;
        }
        return b == ones ? a : a.mul(b);
    }

    private List<NDArray> powers(NDArray u, NDArray ones) {
        return powers(u, ones, polyOrder);
    }

    /** [1, u, u^2, ..., u^order] as columns. */
    static List<NDArray> powers(NDArray u, NDArray ones, int order) {
        List<NDArray> p = new ArrayList<>();
        p.add(ones);
        NDArray current = null;
        for (int i = 1; i <= order; i++) {
            current = current == null ? u : current.mul(u);
            p.add(current);
        }
        return p;
    }

    static NDArray concat(List<NDArray> columns) {
        return columns.size() == 1 ? columns.get(0) : NDArrays.concat(new NDList(columns), 1);
    }

    /** Row-wise outer product: out[i, a·B + b] = left[i, a] · right[i, b]. */
    static NDArray outer(NDArray left, NDArray right) {
        long n = left.getShape().get(0);
        long a = left.getShape().get(1);
        long b = right.getShape().get(1);
        if (a == 1) {
            return right;
        }
        if (b == 1) {
            return left;
        }
        return left.reshape(n, a, 1).mul(right.reshape(n, 1, b)).reshape(n, a * b);
    }
}
