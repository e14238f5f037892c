package org.deepmod.sparse;

/**
 * One named parameter of an estimator as configs and {@code --param name=value} give it: its default (as text,
 * the form a config would spell it) and a one-line description for {@code --help}.
 */
public record EstimatorParameter(String name, String defaultValue, String description) {
}
