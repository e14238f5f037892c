/**
 * What a run leaves for people: the training trace as JSON Lines
 * ({@link org.deepmod.report.TraceWriter}, {@link org.deepmod.report.TraceReader}; {@code trace.jsonl}) and
 * PNG plots drawn headless with JFreeChart: {@link org.deepmod.report.MaskPlot} ({@code mask.png}, the mask
 * and the normalised coefficients over training) and {@link org.deepmod.report.LossPlot} ({@code loss.png}).
 * The sweep's report page is in {@link org.deepmod.report.sweep}.
 *
 * <p>Everything here works from {@link org.deepmod.training.TraceEntry} records and term names, so
 * {@code deepmod report} can redraw a finished run from its trace file. No DJL and no Spark here: a sweep's page reads {@link org.deepmod.results.SweepSummary}.
 */
package org.deepmod.report;
