package org.deepmod.cli;

import java.io.PrintStream;
import java.util.List;
import org.deepmod.training.TraceEntry;
import org.deepmod.training.TrainingListener;

/** Prints training progress at most once a second: iteration, MSE, Reg, L1 and the active terms. */
final class ProgressPrinter implements TrainingListener {
    private final PrintStream out;
    private final List<String> terms;
    private long lastPrint;

    ProgressPrinter(PrintStream out, List<String> terms) {
        this.out = out;
        this.terms = terms;
    }

    @Override
    public void onWrite(TraceEntry e) {
        long now = System.nanoTime();
        if (!e.maskUpdated() && now - lastPrint < 1_000_000_000L) {
            return;
        }
        lastPrint = now;
        StringBuilder active = new StringBuilder();
        boolean[] mask = e.masks()[0];
        int count = 0;
        for (int j = 0; j < mask.length; j++) {
            if (mask[j]) {
                count++;
                if (active.length() > 0) {
                    active.append(' ');
                }
                active.append(terms.get(j));
            }
        }
        String terms = count == mask.length ? "all " + count + " terms" : count + ": " + active;
        out.printf("%7d  MSE %9.3e  Reg %9.3e  test %9.3e  L1 %8.4f  %s%s%n", e.iteration(), e.mse(), e.reg(),
                e.testMse(), e.l1(), e.maskUpdated() ? "mask <- " : "active ", terms);
        out.flush();
    }
}
