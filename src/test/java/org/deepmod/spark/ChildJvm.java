package org.deepmod.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The command line in a JVM of its own, as bin/deepmod starts it (the build's JVM flags, the test class path,
 * the command line's quiet logging), for the faults that need a process to kill. Every process started here is
 * killed, with its children, by {@link #close}.
 */
final class ChildJvm implements AutoCloseable {
    private final List<Process> started = new ArrayList<>();

    /** Starts {@code deepmod ARGS}, both output streams to {@code log}. */
    Process deepmod(Path log, String... args) throws IOException {
        return deepmod(log, List.of(), args);
    }

    /** As {@link #deepmod(Path, String...)}, with more JVM options (system properties). */
    Process deepmod(Path log, List<String> jvmOptions, String... args) throws IOException {
        return deepmodWithClassPath(log, jvmOptions, "", args);
    }

    /** As {@link #deepmod(Path, List, String...)}, with a class path after the test's (a plug-in jar). */
    Process deepmodWithClassPath(Path log, List<String> jvmOptions, String classPathAfter, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String key : List.of("spark.jvm.flags", "deepmod.java.options")) {
            command.addAll(List.of(SweepSession.buildProperty(key).split("\\s+")));
        }
        command.addAll(List.of("-Xmx1g", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + SparkTests.PROJECT.resolve("src/main/resources/log4j2-cli.properties")
                        .toAbsolutePath()));
        if (System.getProperty("DJL_CACHE_DIR") != null) {
            command.add("-DDJL_CACHE_DIR=" + System.getProperty("DJL_CACHE_DIR"));
        }
        command.addAll(jvmOptions);
        String classPath = System.getProperty("java.class.path")
                + (classPathAfter.isEmpty() ? "" : java.io.File.pathSeparator + classPathAfter);
        command.addAll(List.of("-cp", classPath, "org.deepmod.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(p);
        return p;
    }

    /** Waits for the condition, failing if the process ends first or the bound passes (so no test hangs). */
    static void await(Process p, Path log, long seconds, String what, BooleanSupplier condition)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (!p.isAlive()) {
                throw new AssertionError("the process ended (" + p.exitValue() + ") before " + what + ":\n"
                        + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + seconds + " s:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    /** Result files in a local output folder's runs/. */
    static long results(Path output) {
        try (var files = Files.list(output.resolve("runs"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Sends a signal (kill -SIGNAL pid). */
    static void signal(Process p, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + p.pid() + " failed");
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
