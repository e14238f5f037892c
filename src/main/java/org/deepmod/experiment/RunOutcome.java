package org.deepmod.experiment;

import java.util.List;
import org.deepmod.training.TraceEntry;

/** A run's result record together with its training trace (for trace.jsonl and mask.png). */
public record RunOutcome(RunResult result, List<TraceEntry> trace) {
}
