package org.deepmod.report.sweep;

import org.deepmod.training.RunStatus;

/**
 * One run as the report's table of runs lists it.
 *
 * @param correctSupport null when no truth is known or the run failed
 * @param pictures       the run's folder holds mask.png and loss.png (written by its executor)
 */
public record ReportRun(String runId, String configuration, long seed, RunStatus status, String reason,
                        int iterations, double seconds, Boolean correctSupport, String equation, boolean pictures) {
}
