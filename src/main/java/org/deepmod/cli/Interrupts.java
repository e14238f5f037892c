package org.deepmod.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import sun.misc.Signal;

/**
 * Ctrl-C as one line and exit code 130. Without this the JVM's default handler ran the shutdown hooks while the
 * command went on: Spark's hook stopped the context under the running job, and the job's failure came out as
 * an IllegalStateException with its stack trace. Here the signal marks the command interrupted (so that what
 * fails next is not reported), prints the command's message and exits through the shutdown hooks: Spark
 * removes its temporary folders and a sweep releases its output folder's lock.
 */
final class Interrupts {
    private static volatile boolean interrupted;
    private static volatile String message = "interrupted";

    private Interrupts() {
    }

    /** Installs the handler (once per process: from {@link Main#main}, not in tests that call Main.execute). */
    static void install() {
        try {
            Signal.handle(new Signal("INT"), Interrupts::interrupt);
        } catch (IllegalArgumentException e) {
            // SIGINT is not ours to handle (java -Xrs, or ignored by the parent): the JVM's default stays
        }
    }

    private static void interrupt(Signal signal) {
        interrupted = true;
        // Spark's own threads log the tasks the stopping context turns away (RejectedExecutionException, with
        // their stack traces): after the one line, nothing more is the user's business
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
        System.out.flush();
        System.err.println(message);
        System.err.flush();
        // from another thread: exit waits for the hooks, which must not wait for this signal handler
        Thread exit = new Thread(() -> System.exit(Main.EXIT_INTERRUPTED), "deepmod interrupted");
        exit.start();
    }

    /** What Ctrl-C prints while this command runs. */
    static void whenInterrupted(String line) {
        message = line;
    }

    static boolean interrupted() {
        return interrupted;
    }
}
