package org.deepmod.sparse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepmod.BadInputException;

/**
 * The parameter values of one estimator: the user's over the defaults, every name and value checked against
 * its declaration ({@link EstimatorParameter}) when resolved, so that a bad value is found before anything
 * trains. Values are read by name, typed as declared.
 */
public final class EstimatorParameters {
    private final String estimator;
    private final Map<String, String> texts;
    private final Map<String, Object> values;

    /** Resolves {@code given} over the declared defaults; an undeclared name or a value out of its domain is bad input. */
    public static EstimatorParameters resolve(String estimator, List<EstimatorParameter> declared,
                                              Map<String, String> given) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (EstimatorParameter parameter : declared) {
            texts.put(parameter.name(), parameter.defaultValue());
        }
        for (Map.Entry<String, String> entry : given.entrySet()) {
            if (!texts.containsKey(entry.getKey())) {
                List<String> known = new ArrayList<>(texts.keySet());
                throw new BadInputException("estimator " + estimator + ": parameter '" + entry.getKey()
                        + "' is unknown; known: " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
            }
            texts.put(entry.getKey(), entry.getValue() == null ? "" : entry.getValue().trim());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (EstimatorParameter parameter : declared) {
            String text = texts.get(parameter.name());
            Object value = parameter.domain().parse(text);
            if (value == null) {
                throw new BadInputException("estimator " + estimator + ": parameter '" + parameter.name()
                        + "' must be " + parameter.domain().expected() + ", got '" + text + "'");
            }
            values.put(parameter.name(), value);
        }
        return new EstimatorParameters(estimator, texts, values);
    }

    private EstimatorParameters(String estimator, Map<String, String> texts, Map<String, Object> values) {
        this.estimator = estimator;
        this.texts = Collections.unmodifiableMap(texts);
        this.values = values;
    }

    /** Every parameter with its value as given, defaults included. */
    public Map<String, String> asMap() {
        return texts;
    }

    public String text(String name) {
        return (String) declared(name, String.class);
    }

    /** A parameter declared {@link EstimatorParameter#integer}. */
    public int integer(String name) {
        return (Integer) declared(name, Integer.class);
    }

    /** A parameter declared as a single number (in a range, positive, non-negative). */
    public double number(String name) {
        return (Double) declared(name, Double.class);
    }

    /** A parameter declared {@link EstimatorParameter#nonNegativeOrAuto}: null for auto. */
    public Double numberOrAuto(String name) {
        Object value = declared(name, Object.class);
        return value == ParameterDomain.AUTO ? null : (Double) value;
    }

    /** A parameter declared {@link EstimatorParameter#numbers}. */
    public double[] numbers(String name) {
        return ((double[]) declared(name, double[].class)).clone();
    }

    /** A parameter declared {@link EstimatorParameter#flag}. */
    public boolean flag(String name) {
        return (Boolean) declared(name, Boolean.class);
    }

    private Object declared(String name, Class<?> type) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("estimator " + estimator + " declares no parameter '" + name + "'");
        }
        Object value = values.get(name);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("estimator " + estimator + ": parameter '" + name + "' is declared as "
                    + value.getClass().getSimpleName() + ", read as " + type.getSimpleName());
        }
        return value;
    }
}
