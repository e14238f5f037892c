package org.deepmod.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
        RunResult.Discovery found = r.discovery();
        if (found == null || found.mask() == null || found.terms() == null) {
            return out;
        }
        Map<String, Double> resultTruth = r.truthCheck() == null ? null : r.truthCheck().truth();
        if (r.outputs() == null || r.outputs().isEmpty()) {
            out.add(field("u", found.terms(), found.mask(), found.coefficients(), found.estimatorCoefficients(),
                    resultTruth));
            return out;
        }
        JsonNode config = r.identity().config();
        JsonNode configTruth = config == null ? null : config.path("dataset").get("truth");
        for (RunResult.OutputResult o : r.outputs()) {
            // each output's own truth where the run recorded it (plain term names; the top-level truth of a
            // several-field result qualifies them as "v: u*v")
            Map<String, Double> truth = o.truth() != null ? o.truth() : truthOf(configTruth, o.output());
            if (truth == null && r.outputs().size() == 1 && isFlat(configTruth)) {
                truth = resultTruth;
            }
            out.add(field(o.output(), found.terms(), o.mask(), o.coefficients(), o.estimatorCoefficients(), truth));
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
        RunResult.TruthCheck check = RunResult.TruthCheck.of(terms, mask, coefficients, truth);
        return new RunFields(name, mask, coefficients, estimator, check.truth(), check.correctSupport(),
                check.coefficientErrors());
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
