package org.deepmod.sparse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepmod.BadInputException;

/**
 * The parameter values of one estimator: the user's, over the defaults, all names already checked. Values are
 * text (from YAML or the command line); the typed readers below reject a bad value with a message that names
 * the estimator, the parameter and the value.
 */
public final class EstimatorParameters {
    private final String estimator;
    private final Map<String, String> values;

    /** Resolves {@code given} over the declared defaults; an undeclared name is bad input. */
    public static EstimatorParameters resolve(String estimator, List<EstimatorParameter> declared,
                                              Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (EstimatorParameter parameter : declared) {
            values.put(parameter.name(), parameter.defaultValue());
        }
        for (Map.Entry<String, String> entry : given.entrySet()) {
            if (!values.containsKey(entry.getKey())) {
                List<String> known = new ArrayList<>(values.keySet());
                throw new BadInputException("estimator " + estimator + ": parameter '" + entry.getKey()
                        + "' is unknown; known: " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
            }
            values.put(entry.getKey(), entry.getValue() == null ? "" : entry.getValue().trim());
        }
        return new EstimatorParameters(estimator, values);
    }

    private EstimatorParameters(String estimator, Map<String, String> values) {
        this.estimator = estimator;
        this.values = Collections.unmodifiableMap(values);
    }

    /** Every parameter with its value, defaults included. */
    public Map<String, String> asMap() {
        return values;
    }

    public String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("estimator " + estimator + " declares no parameter '" + name + "'");
        }
        return value;
    }

    /** A finite number in [min, max]. */
    public double number(String name, double min, double max) {
        double value = parse(name, "a number");
        if (!(value >= min && value <= max)) {
            throw bad(name, "a number in [" + min + ", " + max + "]");
        }
        return value;
    }

    /** A finite number in (exclusiveMin, max]. */
    public double numberAbove(String name, double exclusiveMin, double max) {
        double value = parse(name, "a number in (" + exclusiveMin + ", " + max + "]");
        if (!(value > exclusiveMin && value <= max)) {
            throw bad(name, "a number in (" + exclusiveMin + ", " + max + "]");
        }
        return value;
    }

    /** A finite number &gt; 0. */
    public double positive(String name) {
        double value = parse(name, "a number > 0");
        if (!(value > 0)) {
            throw bad(name, "a number > 0");
        }
        return value;
    }

    /** A finite number ≥ 0. */
    public double nonNegative(String name) {
        double value = parse(name, "a number >= 0");
        if (!(value >= 0)) {
            throw bad(name, "a number >= 0");
        }
        return value;
    }

    /** An integer ≥ min. */
    public int integer(String name, int min) {
        try {
            int value = Integer.parseInt(text(name));
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the expectation
        }
        throw bad(name, "an integer >= " + min);
    }

    /** true or false. */
    public boolean flag(String name) {
        String value = text(name);
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw bad(name, "true or false");
    }

    /** One number or several separated by commas, each in [min, max]. */
    public double[] numbers(String name, double min, double max) {
        String[] parts = text(name).split(",");
        double[] result = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                result[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                result[i] = Double.NaN;
            }
            if (!(result[i] >= min && result[i] <= max)) {
                throw bad(name, "numbers in [" + min + ", " + max + "] separated by commas");
            }
        }
        return result;
    }

    /** true when the value is the word {@code auto}: "let the method choose" for parameters that allow it. */
    public boolean isAuto(String name) {
        return text(name).equalsIgnoreCase("auto");
    }

    private double parse(String name, String expected) {
        try {
            double value = Double.parseDouble(text(name));
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the expectation
        }
        throw bad(name, expected);
    }

    private BadInputException bad(String name, String expected) {
        return new BadInputException("estimator " + estimator + ": parameter '" + name + "' must be " + expected
                + ", got '" + values.get(name) + "'");
    }
}
