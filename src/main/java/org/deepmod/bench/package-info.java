/**
 * Benchmarks behind {@code bin/deepmod bench}: ms per training step, per estimator call, sweep runs per hour.
 * Figures for notes, never assertions in tests; the Python reference's measured figures are read from
 * {@code reference-figures.properties} ({@link org.deepmod.bench.ReferenceFigures}).
 */
package org.deepmod.bench;
