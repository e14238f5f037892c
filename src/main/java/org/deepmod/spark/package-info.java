/**
 * The sweep on Spark: the session ({@link org.deepmod.spark.SweepSession}), the job that fans runs out to tasks
 * and gathers them ({@link org.deepmod.spark.SweepJob}), the executor side (DJL engine, threads, device), result
 * files through Hadoop's FileSystem ({@link org.deepmod.spark.ResultStore}) and the aggregation across runs in
 * Spark SQL ({@link org.deepmod.spark.SweepAggregation}). The only package, with cli and bench, that uses Spark.
 */
package org.deepmod.spark;
