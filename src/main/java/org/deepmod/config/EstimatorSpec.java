package org.deepmod.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deepmod.BadInputException;
import org.deepmod.sparse.SparseEstimator;
import org.deepmod.sparse.SparseEstimators;

/**
 * The config's {@code estimator}: a registered sparse estimator's name and its parameters as the config gives
 * them (text, read and checked by the estimator's own declarations in {@link SparseEstimators}).
 */
public record EstimatorSpec(String name, Map<String, String> parameters) {

    /** The estimator, its random choices drawn from {@code seed}. */
    public SparseEstimator create(long seed) {
        return SparseEstimators.create(name, parameters, seed);
    }

    /** Reads {@code estimator}; an unknown name, parameter or value is a problem at {@code estimator.name}. */
    static EstimatorSpec read(ConfigReader r, long seed) {
        String name = r.string("name", "threshold", null);
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : r.unreadKeys()) {
            JsonNode v = r.raw(key);
            if (v == null || !v.isValueNode()) {
                r.problems().add(r.path(key) + ": expected a single value");
            } else {
                params.put(key, v.asText());
            }
        }
        EstimatorSpec spec = new EstimatorSpec(name, params);
        try {
            spec.create(seed); // unknown names and parameters, bad values
        } catch (BadInputException e) {
            r.problems().add(r.path("name") + ": " + e.getMessage());
        }
        return spec;
    }

    /** The resolved {@code estimator} mapping: the name, then the parameters as given. */
    ObjectNode writeTo(ObjectNode e) {
        e.put("name", name);
        parameters.forEach(e::put);
        return e;
    }
}
