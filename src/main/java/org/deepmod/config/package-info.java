/**
 * Run and sweep configs read from YAML and validated with every problem named
 * ({@link org.deepmod.config.RunConfig}, {@link org.deepmod.config.SweepConfig}). Each choice of a run config is
 * parsed once into a sealed spec ({@link org.deepmod.config.NetworkSpec}, {@link org.deepmod.config.LibrarySpec},
 * {@link org.deepmod.config.EstimatorSpec}, {@link org.deepmod.config.ConstraintSpec},
 * {@link org.deepmod.config.SchedulerSpec}) that builds its engine object and writes itself back into the resolved
 * config; adding a kind is one file, its spec, or a module of one's own ({@link org.deepmod.config.Modules}). A
 * sweep is expanded into runs with stable ids ({@link org.deepmod.config.SweepPlan}); a run's cost and memory are
 * estimated before it trains ({@link org.deepmod.config.RunCost}). Nothing here trains.
 */
package org.deepmod.config;
