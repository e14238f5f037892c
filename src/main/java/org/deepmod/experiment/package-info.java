/**
 * Experiments without Spark: run and sweep configs read from YAML and validated with every problem named
 * ({@link org.deepmod.experiment.RunConfig}, {@link org.deepmod.experiment.SweepConfig}). Each choice of a run
 * config is parsed once into a sealed spec ({@link org.deepmod.experiment.NetworkSpec},
 * {@link org.deepmod.experiment.LibrarySpec}, {@link org.deepmod.experiment.EstimatorSpec},
 * {@link org.deepmod.experiment.ConstraintSpec}, {@link org.deepmod.experiment.SchedulerSpec}) that builds its
 * engine object and writes itself back into the resolved config; adding a kind is one file, its spec. A sweep
 * is expanded into runs with stable ids ({@link org.deepmod.experiment.SweepPlan}), one run goes from config to
 * result ({@link org.deepmod.experiment.LocalRunner}, {@link org.deepmod.experiment.RunResult}), and its cost
 * and memory are estimated ({@code RunCost}).
 */
package org.deepmod.experiment;
