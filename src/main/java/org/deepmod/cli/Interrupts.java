package org.deepmod.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.deepmod.storage.OutputLock;
import sun.misc.Signal;

/**
 * Ctrl-C and SIGTERM as one line and exit codes 130 and 143. Without this the JVM's default handler ran the
 * shutdown hooks while the command went on: Spark's hook stopped the context under the running job, and the
 * job's failure came out as an IllegalStateException with its stack trace. SIGTERM is what {@code timeout},
 * systemd, YARN, Kubernetes and SLURM send. Here the signal marks the command stopped (so that what fails next
 * is not reported), prints the command's message and exits through the shutdown hooks: Spark removes its
 * temporary folders and the output folder's lock is released (with the half-written files under it). A lock
 * found taken over stops the command the same way, with exit 2.
 */
final class Interrupts {
    private static volatile boolean stopped;
    private static volatile String resumeHint = "";

    private Interrupts() {
    }

    /** Installs the handlers (once per process: from {@link Main#main}, not in tests that call Main.execute). */
    static void install() {
        handle("INT", "interrupted", Main.EXIT_INTERRUPTED);
        handle("TERM", "terminated", Main.EXIT_TERMINATED);
        OutputLock.onLost(line -> stop("error: " + line + "; this command stops, the other one goes on",
                Main.EXIT_BAD_INPUT));
    }

    private static void handle(String name, String word, int code) {
        try {
            Signal.handle(new Signal(name), signal -> stop(word + resumeHint, code));
        } catch (IllegalArgumentException e) {
            // the signal is not ours to handle (java -Xrs, or ignored by the parent): the JVM's default stays
        }
    }

    /** Prints the line and exits with the code through the shutdown hooks, reporting nothing that fails meanwhile. */
    static void stop(String line, int code) {
        if (stopped) {
            return;
        }
        stopped = true;
        // Spark's own threads log the tasks the stopping context turns away (RejectedExecutionException, with
        // their stack traces): after the one line, nothing more is the user's business
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
        System.out.flush();
        System.err.println(line);
        System.err.flush();
        // from another thread: exit waits for the hooks, which must not wait for a signal handler
        Thread exit = new Thread(() -> System.exit(code), "deepmod stopping");
        exit.start();
    }

    /** What follows "interrupted" or "terminated" while this command runs, e.g. "; resume with --resume". */
    static void whenInterrupted(String hint) {
        resumeHint = hint;
    }

    static boolean interrupted() {
        return stopped;
    }
}
