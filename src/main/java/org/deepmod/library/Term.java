package org.deepmod.library;

import java.util.List;
import org.deepmod.nn.Partial;

/**
 * One column of Θ as a product of network outputs and their derivatives, a factor repeated for a power:
 * {@code u^2*u_x} is [u, u, u_x]; the constant {@code 1} has no factors. What evaluating the library on the
 * JVM and differentiating it by hand need ({@link HostTerms}).
 */
public record Term(List<Factor> factors) {
    public Term {
        factors = List.copyOf(factors);
    }

    /** Output {@code output} itself ({@code derivative} null) or its partial derivative. */
    public record Factor(int output, Partial derivative) {
    }
}
