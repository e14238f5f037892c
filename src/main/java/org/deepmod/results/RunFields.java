package org.deepmod.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deepmod.experiment.RunResult;

/**
 * A run's result seen per field (u, v, ...): each field's mask, coefficients and estimator coefficients over
 * the library's terms (the row of that output in the result), its truth, whether its selected terms are exactly
 * the true ones, and the relative error of each true coefficient. The one place that knows where a result
 * keeps each field's truth: a single-field result's {@code truth}; for several fields, {@code truth} keyed by
 * field ({@code {u: {u_xx: 0.1}, v: {...}}}) in the result or in its config's {@code dataset.truth}.
 */
public record RunFields(String field, boolean[] mask, double[] coefficients, double[] estimatorCoefficients,
                        Map<String, Double> truth, Boolean correctSupport, Map<String, Double> coefficientErrors) {

    /** The fields of a run with a mask, in output order; empty for a run without one (FAILED). */
    public static List<RunFields> of(RunResult r) {
        List<RunFields> out = new ArrayList<>();
        if (r.mask() == null || r.terms() == null) {
            return out;
        }
        if (r.outputs() == null || r.outputs().isEmpty()) {
            out.add(field("u", r.terms(), r.mask(), r.coefficients(), r.estimatorCoefficients(), r.truth()));
            return out;
        }
        JsonNode configTruth = r.config() == null ? null : r.config().path("dataset").get("truth");
        for (RunResult.OutputResult o : r.outputs()) {
            // each output's own truth where the run recorded it (plain term names; the top-level truth of a
            // several-field result qualifies them as "v: u*v")
            Map<String, Double> truth = o.truth() != null ? o.truth() : truthOf(configTruth, o.output());
            if (truth == null && r.outputs().size() == 1 && isFlat(configTruth)) {
                truth = r.truth();
            }
            out.add(field(o.output(), r.terms(), o.mask(), o.coefficients(), o.estimatorCoefficients(), truth));
        }
        return out;
    }

    /** A run is correct when every field with a truth is; null when no field has one. */
    public static Boolean correct(List<RunFields> fields) {
        Boolean all = null;
        for (RunFields f : fields) {
            if (f.correctSupport() != null) {
                all = (all == null || all) && f.correctSupport();
            }
        }
        return all;
    }

    private static RunFields field(String name, List<String> terms, boolean[] mask, double[] coefficients,
                                   double[] estimator, Map<String, Double> truth) {
        if (truth == null) {
            return new RunFields(name, mask, coefficients, estimator, null, null, null);
        }
        Set<String> selected = new LinkedHashSet<>();
        for (int j = 0; j < terms.size(); j++) {
            if (mask[j]) {
                selected.add(terms.get(j));
            }
        }
        Map<String, Double> errors = new TreeMap<>();
        for (Map.Entry<String, Double> e : truth.entrySet()) {
            int j = terms.indexOf(e.getKey());
            double found = j < 0 || coefficients == null ? 0.0 : coefficients[j];
            errors.put(e.getKey(), Math.abs(found - e.getValue()) / Math.abs(e.getValue()));
        }
        return new RunFields(name, mask, coefficients, estimator, new TreeMap<>(truth),
                selected.equals(truth.keySet()), errors);
    }

    /** {@code truth.<field>} when the truth is keyed by field, else null. */
    private static Map<String, Double> truthOf(JsonNode truth, String field) {
        if (truth == null || !truth.isObject() || !truth.path(field).isObject()) {
            return null;
        }
        Map<String, Double> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.get(field).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    private static boolean isFlat(JsonNode truth) {
        if (truth == null || !truth.isObject()) {
            return true;
        }
        for (JsonNode v : truth) {
            if (!v.isNumber()) {
                return false;
            }
        }
        return true;
    }
}
