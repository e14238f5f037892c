package org.deepmod.report;

import java.util.List;
import org.deepmod.training.TraceEntry;

/** A training trace as read back from a file: the library's term names, the number of outputs, the entries. */
public record Trace(List<String> terms, int outputs, List<TraceEntry> entries) {
    public Trace {
        terms = List.copyOf(terms);
        entries = List.copyOf(entries);
    }
}
