/**
 * The sweep on Spark: the session ({@link org.deepmod.spark.SweepSession}), the job that fans runs out to tasks
 * and gathers them ({@link org.deepmod.spark.SweepJob}), the executor side (DJL engine, threads, device) and the
 * aggregation across runs in Spark SQL ({@link org.deepmod.spark.SweepAggregation}) into the Spark-free
 * {@link org.deepmod.results.SweepSummary}. The only package, with cli and bench, that uses Spark.
 */
package org.deepmod.spark;
