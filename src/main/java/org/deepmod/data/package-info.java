/**
 * Data for DeepMoD: a {@link org.deepmod.data.Dataset} of points (time in coordinate column 0, then x[, y];
 * fields u[, v, w]) that is either generated from an {@link org.deepmod.data.AnalyticSolution} on a
 * {@link org.deepmod.data.Grid} or read by {@link org.deepmod.data.DataFiles} (.npz, .npy, .mat, .csv through
 * Hadoop's FileSystem), then prepared in DeePyMoD's order:
 * <ol>
 *   <li>{@link org.deepmod.data.Noise#gaussian} on the full data (std pooled over all fields);</li>
 *   <li>{@link org.deepmod.data.Normalization#minMax} if wanted, keeping the {@link org.deepmod.data.Scaling}
 *       to express coefficients in the data's units;</li>
 *   <li>{@link org.deepmod.data.Subsample#random};</li>
 *   <li>{@link org.deepmod.data.TrainTestSplit#split}.</li>
 * </ol>
 * Every random step takes its own seed and uses java.util.Random, whose algorithm its specification fixes:
 * the same seeds give the same data on every JVM. There is no global random state. Bad input throws
 * {@link org.deepmod.BadInputException} naming the file, array, line, column or parameter.
 *
 * <p>No DJL and no Spark here: {@link org.deepmod.data.Dataset#coordsFlatFloat()} and friends hand row-major
 * arrays to whoever builds tensors.
 */
package org.deepmod.data;
