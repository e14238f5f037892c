package org.deepmod.library;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.deepmod.nn.Jet;
import org.deepmod.nn.DerivativeSet;
import org.deepmod.nn.Partial;
import org.deepmod.nn.Scalars;

/**
 * Two space dimensions, one output: Θ = [1, u, ..., u^P] ⊗ [1, u_x, u_y, u_xx, u_yy, u_xy], as the reference;
 * for P = 1: {@code 1, u_x, u_y, u_xx, u_yy, u_xy, u, u*u_x, ..., u*u_xy}. Names, products and values all
 * follow one list of {@link Term terms}.
 */
public final class Library2D implements Library {
    private static final Partial[] DERIVATIVES = {Partial.X, Partial.Y, Partial.XX, Partial.YY, Partial.XY};
    private final int polyOrder;
    private final List<Term> terms;
    private final List<String> names;

    public Library2D(int polyOrder) {
        if (polyOrder < 0 || polyOrder > 5) {
            throw new IllegalArgumentException("polynomial order must be 0..5, got " + polyOrder);
        }
        this.polyOrder = polyOrder;
        List<Term> out = new ArrayList<>();
        for (int p = 0; p <= polyOrder; p++) {
            out.add(Term.of(Library1D.power(0, p)));
            for (Partial d : DERIVATIVES) {
                out.add(Term.of(Library1D.power(0, p), List.of(new Term.Factor(0, d))));
            }
        }
        this.terms = List.copyOf(out);
        this.names = TermNames.of(terms);
    }

    @Override
    public DerivativeSet derivativeSet() {
        return DerivativeSet.twoDimensional();
    }

    /** The derivatives of the active terms and the first ones they are built from (u_t always). */
    @Override
    public DerivativeSet derivativeSet(boolean[][] masks) {
        EnumSet<Partial> needed = EnumSet.noneOf(Partial.class);
        needed.addAll(activeDerivatives(masks));
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
        return 1;
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
    public LibraryValues evaluate(Jet jet, Scalars scalars) {
        return TermColumns.evaluate(terms, 1, polyOrder, jet);
    }
}
