/**
 * A sweep's results without Spark: the run files and their folder ({@link org.deepmod.results.ResultStore}),
 * the flat fields of a run's table row ({@link org.deepmod.results.RunFields}), the plan beside them
 * ({@link org.deepmod.results.SweepIndex}) and the statistics across runs ({@link org.deepmod.results.SweepSummary},
 * which Spark computes and the report reads).
 */
package org.deepmod.results;
