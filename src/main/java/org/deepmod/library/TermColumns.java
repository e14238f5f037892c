package org.deepmod.library;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deepmod.nn.Jet;
import org.deepmod.nn.Partial;
import org.deepmod.nn.Scalars;

/**
 * Θ on DJL arrays, in the jet's graph, from a library's {@link Term terms}: each output's powers are computed
 * once (u, u·u, u·u·u, ...) and each column multiplies its factors in order, a run of one output's value as
 * that power.
 */
final class TermColumns {
    private TermColumns() {
    }

    /** Θ (N x F, one column per term) and u_t (N x K) from the jet of a network with {@code outputs} outputs. */
    static LibraryValues evaluate(List<Term> terms, int outputs, int maxPower, Jet jet) {
        return evaluate(terms, outputs, maxPower, jet, null, null);
    }

    /**
     * As above, for terms with {@link Expression extras}: their coordinates are columns of {@code coords}, their
     * constants from {@code scalars} (both may be null when no term has extras).
     */
    static LibraryValues evaluate(List<Term> terms, int outputs, int maxPower, Jet jet, NDArray coords,
                                  Scalars scalars) {
        NDArray u = jet.value();
        NDArray ones = u.get(":, 0:1").onesLike();
        Set<Partial> partials = EnumSet.noneOf(Partial.class);
        for (Term term : terms) {
            for (Term.Factor f : Library.factors(term)) {
                if (f.derivative() != null) {
                    partials.add(f.derivative());
                }
            }
        }
        List<NDArray> values = new ArrayList<>();
        List<Map<Partial, NDArray>> derivatives = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            values.add(column(u, k, outputs));
            Map<Partial, NDArray> dk = new EnumMap<>(Partial.class);
            for (Partial p : partials) {
                dk.put(p, column(jet.derivative(p), k, outputs));
            }
            derivatives.add(dk);
        }
        List<List<NDArray>> powers = new ArrayList<>();
        for (NDArray value : values) {
            powers.add(powers(value, ones, maxPower));
        }
        Expression.ArrayInputs inputs = new Expression.ArrayInputs() {
            @Override
            public NDArray field(Term.Factor f) {
                return f.derivative() == null ? values.get(f.output()) : derivatives.get(f.output()).get(f.derivative());
            }

            @Override
            public NDArray coordinate(int column) {
                return coords.get(":, " + column + ":" + (column + 1)).toType(u.getDataType(), false);
            }

            @Override
            public NDArray constant(double value) {
                return scalars.of(value);
            }
        };
        List<NDArray> columns = new ArrayList<>();
        for (Term term : terms) {
            NDArray column = product(term, powers, derivatives, ones);
            for (Expression e : term.extras()) {
                column = column.mul(e.evaluate(inputs));
            }
            columns.add(column);
        }
        NDArray theta = columns.size() == 1 ? columns.get(0) : NDArrays.concat(new NDList(columns), 1);
        return new LibraryValues(jet.derivative(Partial.T), theta);
    }

    private static NDArray column(NDArray all, int k, int outputs) {
        return outputs == 1 ? all : all.get(":, " + k + ":" + (k + 1));
    }

    /** [1, u, u^2, ..., u^order] as columns. */
    private static List<NDArray> powers(NDArray u, NDArray ones, int order) {
        List<NDArray> p = new ArrayList<>();
        p.add(ones);
        NDArray current = null;
        for (int i = 1; i <= order; i++) {
            current = current == null ? u : current.mul(u);
            p.add(current);
        }
        return p;
    }

    private static NDArray product(Term term, List<List<NDArray>> powers, List<Map<Partial, NDArray>> derivatives,
                                   NDArray ones) {
        NDArray out = null;
        List<Term.Factor> factors = term.factors();
        for (int i = 0; i < factors.size(); ) {
            Term.Factor f = factors.get(i);
            NDArray next;
            if (f.derivative() == null) {
                int run = Term.runLength(factors, i);
                next = powers.get(f.output()).get(run);
                i += run;
            } else {
                next = derivatives.get(f.output()).get(f.derivative());
                i++;
            }
            out = out == null ? next : out.mul(next);
        }
        return out == null ? ones : out;
    }
}
