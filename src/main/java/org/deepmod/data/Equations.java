package org.deepmod.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds and prints the ground-truth maps of the analytic solutions. */
final class Equations {

    private Equations() {
    }

    /** term, coefficient, term, coefficient, ...; zero coefficients are dropped (the term is absent). */
    static Map<String, Double> truth(Object... termsAndCoefficients) {
        Map<String, Double> truth = new LinkedHashMap<>();
        for (int i = 0; i < termsAndCoefficients.length; i += 2) {
            double coefficient = ((Number) termsAndCoefficients[i + 1]).doubleValue();
            if (coefficient != 0.0) {
                truth.put((String) termsAndCoefficients[i], coefficient);
            }
        }
        return Collections.unmodifiableMap(truth);
    }

    /** "u_t = 0.1*u_xx - u*u_x": unit coefficients are left implicit, signs become the joining operators. */
    static String format(Map<String, Double> truth) {
        StringBuilder out = new StringBuilder("u_t =");
        if (truth.isEmpty()) {
            return out.append(" 0").toString();
        }
        boolean first = true;
        for (Map.Entry<String, Double> term : truth.entrySet()) {
            double c = term.getValue();
            out.append(c < 0 ? (first ? " -" : " - ") : (first ? " " : " + "));
            double magnitude = Math.abs(c);
            if (magnitude != 1.0) {
                out.append(number(magnitude)).append('*');
            }
            out.append(term.getKey());
            first = false;
        }
        return out.toString();
    }

    private static String number(double value) {
        if (value == Math.rint(value) && value < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
