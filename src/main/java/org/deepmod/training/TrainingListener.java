package org.deepmod.training;

/** Receives every write iteration (progress printing, trace files). */
@FunctionalInterface
public interface TrainingListener {
    void onWrite(TraceEntry entry);

    TrainingListener NONE = entry -> { };
}
