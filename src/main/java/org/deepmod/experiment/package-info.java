/**
 * One run without Spark, from a parsed config to its result: the data generated or read, noised, sampled and
 * split, the model built and trained ({@link org.deepmod.experiment.RunPipeline}), and the record it leaves
 * ({@link org.deepmod.experiment.RunResult}, checked on reading by {@link org.deepmod.experiment.ResultSchema}).
 * {@link org.deepmod.experiment.DiscoverySetup} turns a data file into a sweep for {@code deepmod discover}.
 */
package org.deepmod.experiment;
