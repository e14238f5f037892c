package org.deepmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/deepmod in the environments of containers and batch jobs: no HOME, a HOME that cannot be written, the
 * C locale. Each through the launcher in a process of its own.
 */
class LauncherEnvironmentTest {
    private static final Path PROJECT = Path.of(System.getProperty("deepmod.project.dir", "."));

    @TempDir
    Path dir;

    private record Launch(int exit, String output) {
    }

    /** bin/deepmod ARGS with these variables set (a null value removes the variable). */
    private static Launch launch(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = PROJECT.resolve("bin/deepmod").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        Process p = builder.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        return new Launch(p.exitValue(), text);
    }

    private Path tinyRun() throws IOException {
        return Files.writeString(dir.resolve("tiny.yaml"), "name: tiny\nsamples: 300\nnetwork: {hidden: [16, 16]}\n"
                + "training: {maxIterations: 20}\n");
    }

    /** No HOME (it died on "HOME: unbound variable") and LC_ALL=C (a non-ASCII folder became '??', exit 2). */
    @Test
    void runsWithoutHomeUnderTheCLocaleIntoANonAsciiFolder() throws Exception {
        Path out = dir.resolve("résultats-ü");
        java.util.HashMap<String, String> env = new java.util.HashMap<>();
        env.put("HOME", null);
        env.put("LC_ALL", "C");
        Launch r = launch(env, "run", tinyRun().toString(), "--out", out.toString());
        assertEquals(Main.EXIT_OK, r.exit(), r.output());
        // run names its folder as the output layer does, a local one as a file: URI
        assertTrue(r.output().contains("results in " + out) || r.output().contains("results in file:" + out),
                r.output());
        assertTrue(Files.isRegularFile(out.resolve("result.json")), "the folder under its own name: " + r.output());
    }

    /** Neither HOME nor DJL_CACHE_DIR: the cache goes to the build folder, said in one line. */
    @Test
    void withoutHomeDjlsCacheFallsBackToTheBuildFolder() throws Exception {
        java.util.HashMap<String, String> env = new java.util.HashMap<>();
        env.put("HOME", null);
        env.put("DJL_CACHE_DIR", null);
        Launch r = launch(env, "--version");
        assertEquals(Main.EXIT_OK, r.exit(), r.output());
        assertTrue(r.output().contains("cannot hold DJL's cache; using " + PROJECT.toAbsolutePath().normalize()
                .resolve("target/djl.ai")) || r.output().contains("cannot hold DJL's cache; using "
                + PROJECT.resolve("target/djl.ai")), r.output());
        assertTrue(r.output().contains("deepmod-spark "), r.output());
    }

    /** A DJL cache that cannot be written (an EngineException and its trace): one line saying what to set. */
    @Test
    void anUnwritableDjlCacheIsOneLine() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        Path out = dir.resolve("out");
        Launch r = launch(Map.of("DJL_CACHE_DIR", plain.resolve("cache").toString()),
                "run", tinyRun().toString(), "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.exit(), r.output());
        assertTrue(r.output().contains("error: DJL's native library cache " + plain.resolve("cache")
                + " cannot be written ("), r.output());
        assertTrue(r.output().contains("): set DJL_CACHE_DIR to a writable folder"), r.output());
        assertFalse(r.output().contains("\tat "), r.output());
        assertFalse(Files.exists(out), "nothing ran");
    }
}
