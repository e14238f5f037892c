package org.deepmod.sparse;

/**
 * One named parameter of an estimator as configs and {@code --param name=value} give it, declared once: its
 * default (as text, the form a config would spell it), what values it takes, and a one-line description for
 * {@code --help}. {@link EstimatorParameters} reads a value by name and checks it against this declaration, as
 * scikit-learn's {@code _parameter_constraints} do.
 */
public record EstimatorParameter(String name, String defaultValue, String description, ParameterDomain domain) {

    /** A parameter whose text the estimator reads itself ({@link EstimatorParameters#text}). */
    public EstimatorParameter(String name, String defaultValue, String description) {
        this(name, defaultValue, description, ParameterDomain.text());
    }

    /** An integer ≥ min. */
    public static EstimatorParameter integer(String name, String defaultValue, int min, String description) {
        return new EstimatorParameter(name, defaultValue, description, ParameterDomain.integerFrom(min));
    }

    /** A finite number in [min, max]. */
    public static EstimatorParameter number(String name, String defaultValue, double min, double max,
                                            String description) {
        return new EstimatorParameter(name, defaultValue, description, ParameterDomain.numberIn(min, max));
    }

    /** A finite number in (exclusiveMin, max]. */
    public static EstimatorParameter numberAbove(String name, String defaultValue, double exclusiveMin, double max,
                                                 String description) {
        return new EstimatorParameter(name, defaultValue, description,
                ParameterDomain.numberAbove(exclusiveMin, max));
    }

    /** A finite number &gt; 0. */
    public static EstimatorParameter positive(String name, String defaultValue, String description) {
        return numberAbove(name, defaultValue, 0, Double.MAX_VALUE, description);
    }

    /** A finite number ≥ 0. */
    public static EstimatorParameter nonNegative(String name, String defaultValue, String description) {
        return number(name, defaultValue, 0, Double.MAX_VALUE, description);
    }

    /** A finite number ≥ 0, or the word {@code auto}: "let the method choose". */
    public static EstimatorParameter nonNegativeOrAuto(String name, String defaultValue, String description) {
        return new EstimatorParameter(name, defaultValue, description, ParameterDomain.nonNegativeOrAuto());
    }

    /** One number or several separated by commas, each in [min, max]. */
    public static EstimatorParameter numbers(String name, String defaultValue, double min, double max,
                                             String description) {
        return new EstimatorParameter(name, defaultValue, description, ParameterDomain.numbersIn(min, max));
    }

    /** true or false. */
    public static EstimatorParameter flag(String name, String defaultValue, String description) {
        return new EstimatorParameter(name, defaultValue, description, ParameterDomain.flag());
    }
}
