/**
 * Experiments without Spark: run and sweep configs read from YAML and validated with every problem named
 * ({@link org.deepmod.experiment.RunConfig}, {@link org.deepmod.experiment.SweepConfig}), a sweep expanded into
 * runs with stable ids ({@link org.deepmod.experiment.SweepPlan}), one run from config to result
 * ({@link org.deepmod.experiment.LocalRunner}, {@link org.deepmod.experiment.RunResult}) and its cost estimate.
 */
package org.deepmod.experiment;
