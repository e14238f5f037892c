package org.deepmod.library;

import ai.djl.ndarray.NDArray;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.deepmod.nn.Jet;
import org.deepmod.nn.DerivativeSet;
import org.deepmod.nn.Partial;
import org.deepmod.nn.Scalars;

/**
 * The second DeepMoD module: from the network's jet, the time derivative of every output and the library
 * Θ of candidate terms. All outputs share one Θ (as in the reference); each has its own coefficients.
 */
public interface Library {

    /** The derivatives the network must carry for this library. */
    DerivativeSet derivativeSet();

    /**
     * The derivatives a training step needs under {@code masks} ([output][term]): those of the active terms.
     * Steps between mask updates carry only these (a term's derivative that no active term uses has no
     * gradient, and its column is needed only by the estimator); by default all of {@link #derivativeSet()}.
     */
    default DerivativeSet derivativeSet(boolean[][] masks) {
        return derivativeSet();
    }

    /** The derivatives the factors of the terms active for some output use (u_t not among them). */
    default Set<Partial> activeDerivatives(boolean[][] masks) {
        List<Term> terms = terms();
        EnumSet<Partial> used = EnumSet.noneOf(Partial.class);
        for (int j = 0; j < terms.size(); j++) {
            for (boolean[] mask : masks) {
                if (mask[j]) {
                    for (Term.Factor f : factors(terms.get(j))) {
                        if (f.derivative() != null) {
                            used.add(f.derivative());
                        }
                    }
                    break;
                }
            }
        }
        return used;
    }

    /** Every field channel a term reads: its factors and the leaves of its extras. */
    static Set<Term.Factor> factors(Term term) {
        Set<Term.Factor> out = new java.util.LinkedHashSet<>(term.factors());
        for (Expression e : term.extras()) {
            e.leaves(out);
        }
        return out;
    }

    /**
     * Which terms each output may use ([output][term]); null when every output may use every term. A term an
     * output may not use is never in its mask: the estimator sees its column as zero.
     */
    default boolean[][] candidates() {
        return null;
    }

    /**
     * Why the hand-written step cannot evaluate this library, or null when it can ({@link HandWrittenTerms}
     * needs {@link #terms()}); the trainer then takes the autograd path and says so in its result.
     */
    default String handWrittenObstacle() {
        return null;
    }

    /** Number of network outputs (u, v, w). */
    int outputs();

    /** Column names of Θ in order, e.g. {@code 1, u_x, u_xx, u, u*u_x}. */
    List<String> termNames();

    /** How many columns Θ has. */
    default int termCount() {
        return termNames().size();
    }

    /** Every column of Θ as a product of outputs and derivatives, in the order of {@link #termNames()}. */
    List<Term> terms();

    /** Θ (N x F) and u_t (N x K) as NDArrays in the jet's graph, so the loss can reach the network. */
    LibraryValues evaluate(Jet jet, Scalars scalars);

    /** As {@link #evaluate(Jet, Scalars)}, for terms that read the coordinates (N x (1+d), time first) too. */
    default LibraryValues evaluate(Jet jet, NDArray coords, Scalars scalars) {
        return evaluate(jet, scalars);
    }
}
