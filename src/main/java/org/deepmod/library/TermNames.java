package org.deepmod.library;

import java.util.ArrayList;
import java.util.List;

/**
 * Term names, part of the result format that scripts and reports read (README, "Run configs"): {@code 1},
 * {@code u}, {@code u^2}, {@code u_x}, {@code u_xx}, products joined by {@code *} ({@code u*u_x},
 * {@code u^2*u_xxx}); further outputs are v and w.
 */
public final class TermNames {
    private static final String[] OUTPUTS = {"u", "v", "w"};

    private TermNames() {
    }

    public static String output(int k) {
        if (k < OUTPUTS.length) {
            return OUTPUTS[k];
        }
        return "u" + k;
    }

    /** u, u^2, ... ; "" for power 0. */
    public static String power(String variable, int p) {
        if (p == 0) {
            return "";
        }
        return p == 1 ? variable : variable + "^" + p;
    }

    /** The product of factors, skipping empty ones; "1" when all are empty. */
    public static String product(String... factors) {
        StringBuilder sb = new StringBuilder();
        for (String f : factors) {
            if (f.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('*');
            }
            sb.append(f);
        }
        return sb.length() == 0 ? "1" : sb.toString();
    }

    /** The names of the terms, in order. */
    public static List<String> of(List<Term> terms) {
        List<String> names = new ArrayList<>();
        for (Term term : terms) {
            names.add(of(term));
        }
        return List.copyOf(names);
    }

    /**
     * A term's name: its factors joined by {@code *}, a run of one factor as its power; with extras, the
     * coordinates first ({@code x*u_x}), the functions after the fields ({@code u*sin(v)}) and a reciprocal
     * as a division ({@code u/(1+u)}).
     */
    public static String of(Term term) {
        if (term.extras().isEmpty()) {
            return monomial(term);
        }
        List<String> numerator = new ArrayList<>();
        StringBuilder denominators = new StringBuilder();
        for (Expression e : term.extras()) {
            if (e instanceof Expression.Coordinate) {
                numerator.add(e.text());
            }
        }
        String fields = monomial(term);
        if (!term.factors().isEmpty()) {
            numerator.add(fields);
        }
        for (Expression e : term.extras()) {
            if (e instanceof Expression.Quotient q && q.a() instanceof Expression.Constant one && one.c() == 1) {
                String den = q.b().text();
                denominators.append('/').append(q.b().precedence() < 2 ? "(" + den + ")" : den);
            } else if (!(e instanceof Expression.Coordinate)) {
                numerator.add(e.text());
            }
        }
        return product(numerator.toArray(new String[0])) + denominators;
    }

    private static String monomial(Term term) {
        List<Term.Factor> factors = term.factors();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < factors.size(); ) {
            Term.Factor f = factors.get(i);
            int run = Term.runLength(factors, i);
            String variable = f.derivative() == null ? output(f.output())
                    : derivative(output(f.output()), f.derivative().suffix());
            parts.add(power(variable, run));
            i += run;
        }
        return product(parts.toArray(new String[0]));
    }

    /** u_x, u_xx, ... ; "" for order 0. */
    public static String derivative(String variable, String suffix) {
        return suffix.isEmpty() ? "" : variable + "_" + suffix;
    }
}
