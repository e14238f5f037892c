package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.deepmod.config.SweepConfig;
import org.deepmod.config.SweepFiles;
import org.deepmod.config.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone cluster started by deploy/standalone-start.sh, as a user would, takes only applications that
 * know its secret: a sweep submitted by jobs/submit.sh without the secret, or with another one, is refused
 * and trains nothing; with the secret (read by the driver from a file of the owner's alone, RPC and local
 * disk encrypted) it completes. The secret is on no process's command line. Runs after package (the jar).
 */
class StandaloneAuthIT {
    @TempDir
    Path dir;

    private Map<String, String> clusterEnvironment(Path run) throws IOException {
        return Map.of("SPARK_HOME", SparkTests.sparkHome().toString(), "DEEPMOD_SPARK_RUN", run.toString(),
                "MASTER_PORT", Integer.toString(SparkTests.freePort()),
                "MASTER_WEBUI_PORT", Integer.toString(SparkTests.freePort()),
                "WORKER_WEBUI_PORT", Integer.toString(SparkTests.freePort()),
                "WORKER_CORES", "2", "WORKER_MEMORY", "2g");
    }

    @Test
    void onlyASubmitWithTheSecretIsTaken() throws Exception {
        Path run = dir.resolve("run");
        Map<String, String> cluster = clusterEnvironment(run);
        try {
            Process start = script("deploy/standalone-start.sh", cluster, dir.resolve("start.log"));
            assertTrue(start.waitFor(3, TimeUnit.MINUTES), "the cluster started in time");
            String startLog = Files.readString(dir.resolve("start.log"));
            assertEquals(0, start.exitValue(), startLog);
            String master = startLog.lines().filter(l -> l.startsWith("spark://")).findFirst().orElseThrow();

            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run)));
            Path secretFile = run.resolve("secret");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));
            String secret = Files.readString(secretFile);
            assertEquals(64, secret.length(), "256 random bits in hex");
            for (String commandLine : daemonCommandLines(run)) {
                assertFalse(commandLine.contains(secret), "the secret on a command line: " + commandLine);
            }

            Path sweep = SparkTests.write(dir, "auth.yaml", SweepFiles.tiny("axes: {noise: [0.0, 0.1]}\n"));
            Path otherSecret = Files.writeString(dir.resolve("other.secret"), "0123456789abcdef");
            Files.setPosixFilePermissions(otherSecret, PosixFilePermissions.fromString("rw-------"));
            // all three at once: a refused driver waits out Spark's registration retries (3 × 20 s)
            Process without = submit(sweep, master, "without", List.of());
            Process wrong = submit(sweep, master, "wrong", authenticated(otherSecret));
            Process with = submit(sweep, master, "with", authenticated(secretFile));
            int killStatus = killThroughTheMasterUi(run, Integer.parseInt(cluster.get("MASTER_WEBUI_PORT")), with);

            assertTrue(with.waitFor(6, TimeUnit.MINUTES), "the sweep ended in time");
            String log = Files.readString(dir.resolve("with.log"));
            assertEquals(0, with.exitValue(), log);
            assertTrue(killStatus == 404 || killStatus == 405, "the Master's UI has no kill handler: " + killStatus);
            Map<String, ?> results = SweepChecks.assertComplete(dir.resolve("with").toString(),
                    SweepPlan.expand(SweepConfig.read(sweep)), new Configuration());
            assertEquals(2, results.size());
            assertRefused(without, "without");
            assertRefused(wrong, "wrong");
            String masterLog = Files.readString(run.resolve("master.log"));
            assertEquals(1, masterLog.lines().filter(l -> l.contains("Registering app")).count(),
                    "the Master took the one application with the secret: " + masterLog);
            assertFalse(masterLog.contains("REST server"), "no submission without the secret through REST either");
            assertTrue(masterLog.contains("SecurityManager: authentication enabled"), masterLog);
            assertTrue(masterLog.contains("Failed to parse new auth challenge"), "the unauthenticated driver was turned "
                    + "away at the handshake: " + masterLog);
        } finally {
            Process stop = script("deploy/standalone-stop.sh", cluster, dir.resolve("stop.log"));
            if (!stop.waitFor(2, TimeUnit.MINUTES)) {
                stop.destroyForcibly();
            }
            for (String name : List.of("worker", "master")) { // should the script have failed
                Path pid = run.resolve(name + ".pid");
                if (Files.exists(pid)) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(p -> {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                    });
                }
            }
        }
    }

    /**
     * The POST the Master's kill link sends, with no credential, while the authenticated sweep runs; its HTTP
     * status. (With the kill links on, this POST killed an authenticated application.)
     */
    private static int killThroughTheMasterUi(Path run, int port, Process sweep) throws Exception {
        Path masterLog = run.resolve("master.log");
        java.util.regex.Pattern registered = java.util.regex.Pattern.compile("Registered app .* with ID (app-\\S+)");
        String appId = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (appId == null) {
            assertTrue(sweep.isAlive() && System.nanoTime() < deadline, "the sweep registers with the Master");
            java.util.regex.Matcher m = registered.matcher(Files.readString(masterLog));
            appId = m.find() ? m.group(1) : null;
            Thread.sleep(200);
        }
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                + "/app/kill/?id=" + appId + "&terminate=true"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static List<String> authenticated(Path secretFile) {
        return List.of("--conf", "spark.authenticate=true", "--conf", "spark.authenticate.secret.file=" + secretFile,
                "--conf", "spark.network.crypto.enabled=true", "--conf", "spark.io.encryption.enabled=true");
    }

    private void assertRefused(Process submit, String name) throws Exception {
        assertTrue(submit.waitFor(4, TimeUnit.MINUTES), name + ": the refused submit ended in time");
        String log = Files.readString(dir.resolve(name + ".log"));
        log.lines().filter(l -> l.contains("unresponsive") || l.contains("Failed to connect") || l.startsWith("error:"))
                .limit(4).forEach(l -> System.out.println(name + ": " + l)); // what a refusal looks like
        assertNotEquals(0, submit.exitValue(), log);
        assertTrue(log.contains("All masters are unresponsive"), name + ": " + log);
        assertFalse(Files.exists(dir.resolve(name).resolve("runs")) && Files.list(dir.resolve(name).resolve("runs"))
                .anyMatch(p -> p.toString().endsWith(".json")), name + ": nothing trained");
    }

    private Process submit(Path sweep, String master, String name, List<String> conf) throws IOException {
        List<String> options = new ArrayList<>(List.of("--master", master, "--total-executor-cores", "1",
                "--executor-cores", "1", "--executor-memory", "900m", "--conf", "spark.ui.enabled=false"));
        options.addAll(conf);
        ProcessBuilder pb = SparkTests.submitSweep(sweep, dir.resolve(name + ".log"), options,
                List.of("--out", dir.resolve(name).toString()));
        pb.environment().remove("_SPARK_AUTH_SECRET");
        return pb.start();
    }

    private Process script(String script, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", SparkTests.PROJECT.resolve(script).toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        return pb.start();
    }

    /** The command lines of the Master, the Worker and everything they started, as any user can read them. */
    private static List<String> daemonCommandLines(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : List.of("master", "worker")) {
            long pid = Long.parseLong(Files.readString(run.resolve(name + ".pid")).trim());
            ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
            for (ProcessHandle p : Stream.concat(Stream.of(daemon), daemon.descendants()).toList()) {
                Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
                if (Files.exists(cmdline)) {
                    out.add(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' '));
                }
            }
        }
        assertTrue(out.size() >= 2, "the Master's and the Worker's command lines: " + out);
        return out;
    }
}
