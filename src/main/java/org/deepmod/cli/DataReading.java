package org.deepmod.cli;

import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.deepmod.BadInputException;

/**
 * A command's reading of its data file, where a file that cannot be read (its permissions, a disk's read error, a
 * datanode gone) is the user's input to fix: one line naming it, exit 2. The commands read the data before they
 * open any output, so such a failure is never taken for output that cannot be written. (A sweep's executor
 * instead retries such a run, as a datanode may come back, and then records it FAILED with the same message in
 * its reason.)
 */
final class DataReading {
    private DataReading() {
    }

    /** What {@code read} gives; a failed read of the file as bad input, with the reader's message naming it. */
    static <T> T ofUserInput(Supplier<T> read) {
        try {
            return read.get();
        } catch (UncheckedIOException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
