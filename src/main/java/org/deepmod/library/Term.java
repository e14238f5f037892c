package org.deepmod.library;

import java.util.ArrayList;
import java.util.List;
import org.deepmod.nn.Partial;

/**
 * One column of Θ as a product of network outputs and their derivatives, a factor repeated for a power:
 * {@code u^2*u_x} is [u, u, u_x]; the constant {@code 1} has no factors. Terms a user names may multiply
 * further {@link Expression expressions} (a coordinate, {@code sin(u)}, {@code 1/(1+u)}): the {@code extras},
 * empty in the built-in libraries. A library's list of terms is its one description: its names
 * ({@link TermNames#of}), its values on DJL arrays ({@link TermColumns}) and on the JVM with their gradient
 * ({@link HandWrittenTerms}) all follow it.
 */
public record Term(List<Factor> factors, List<Expression> extras) {
    public Term {
        factors = List.copyOf(factors);
        extras = List.copyOf(extras);
    }

    public Term(List<Factor> factors) {
        this(factors, List.of());
    }

    /** The product of the factor lists, in order. */
    @SafeVarargs
    static Term of(List<Factor>... parts) {
        List<Factor> factors = new ArrayList<>();
        for (List<Factor> part : parts) {
            factors.addAll(part);
        }
        return new Term(factors);
    }

    /** How many factors from {@code from} on equal the one there: the power it is raised to. */
    static int runLength(List<Factor> factors, int from) {
        int end = from + 1;
        while (end < factors.size() && factors.get(end).equals(factors.get(from))) {
            end++;
        }
        return end - from;
    }

    /** Output {@code output} itself ({@code derivative} null) or its partial derivative. */
    public record Factor(int output, Partial derivative) {
    }
}
