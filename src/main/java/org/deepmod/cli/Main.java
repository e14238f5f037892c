package org.deepmod.cli;

import org.deepmod.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code deepmod} command line, a contract scripts rely on (README, "Command line"): exit 0 done, 2 bad input,
 * 1 anything else, 3 for a sweep that ended with FAILED or DIVERGED runs, 130 for Ctrl-C, 143 for SIGTERM.
 */
@Command(name = "deepmod",
        mixinStandardHelpOptions = true,
        version = "deepmod-spark 0.1.0",
        description = "Model discovery of PDEs with DeepMoD 2.0, trained with DJL, swept on Apache Spark.",
        subcommands = {
                RunCommand.class,
                SweepCommand.class,
                DiscoverCommand.class,
                ReportCommand.class,
                SparseCommand.class,
                BenchCommand.class,
                ModulesCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;
    /** A sweep ended, but some of its runs FAILED or DIVERGED (or have no valid result). */
    public static final int EXIT_RUNS_UNSUCCESSFUL = 3;
    /** Ctrl-C (128 + SIGINT, as shells report it). */
    public static final int EXIT_INTERRUPTED = 130;
    /** SIGTERM (128 + 15): timeout, systemd, a cluster's scheduler. */
    public static final int EXIT_TERMINATED = 143;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        Interrupts.install();
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code, without exiting (for tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** As {@link #execute(String...)}, with picocli's own messages (usage, errors) to these writers. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cmd = commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (Interrupts.interrupted()) {
                return EXIT_INTERRUPTED; // what a signal broke is no error of its own: the line is printed
            }
            Throwable cause = ex;
            while (cause != null && !(cause instanceof BadInputException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                commandLine.getErr().println("error: " + cause.getMessage());
                return EXIT_BAD_INPUT;
            }
            commandLine.getErr().println("error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return EXIT_FAILURE;
        });
        return cmd;
    }
}
