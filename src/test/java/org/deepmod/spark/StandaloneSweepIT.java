package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.deepmod.config.SweepConfig;
import org.deepmod.config.SweepFiles;
import org.deepmod.config.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment path end to end: a standalone Master and Worker started as their own JVMs from Spark's
 * jars alone (no class of ours on their class path), and the shaded application jar submitted to them by
 * jobs/submit.sh through Spark's SparkSubmit. The executors get DeepMoD, DJL and its natives from that jar
 * only. Runs after package (failsafe), since it needs the jar.
 */
class StandaloneSweepIT {
    private static final long START_TIMEOUT_SECONDS = 90;

    @TempDir
    Path dir;

    private final List<Process> daemons = new ArrayList<>();

    @Test
    void aSubmittedSweepCompletesOnAStandaloneCluster() throws Exception {
        Path home = SparkTests.sparkHome();
        int masterPort = SparkTests.freePort();
        String master = "spark://127.0.0.1:" + masterPort;
        try {
            Process m = daemon(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(SparkTests.freePort()));
            awaitLog(m, dir.resolve("master.log"), "I have been elected leader");
            Process w = daemon(home, "worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "2", "--memory", "2g", "--webui-port", Integer.toString(SparkTests.freePort()),
                    "--work-dir", Files.createDirectories(dir.resolve("work")).toString(), master);
            awaitLog(w, dir.resolve("worker.log"), "Successfully registered with master");

            Path sweep = SparkTests.write(dir, "standalone.yaml", SweepFiles.tiny("axes: {noise: [0.0, 0.1]}\nseeds: 2\n"));
            Path out = dir.resolve("out");
            Process p = SparkTests.submitSweep(sweep, dir.resolve("submit.log"), List.of("--master", master,
                    "--total-executor-cores", "2", "--executor-cores", "1", "--executor-memory", "900m", "--conf",
                    "spark.ui.enabled=false"), List.of("--out", out.toString())).start();
            boolean ended = p.waitFor(6, TimeUnit.MINUTES);
            String log = Files.readString(dir.resolve("submit.log"));
            System.out.println(log);
            assertTrue(ended, "the submitted sweep ended in time");
            assertEquals(0, p.exitValue(), log);

            SweepPlan plan = SweepPlan.expand(SweepConfig.read(sweep));
            Map<String, ?> results = SweepChecks.assertComplete(out.toString(), plan, new Configuration());
            assertEquals(4, results.size());
            assertTrue(log.contains("4/4 runs done, 0 failed"), "progress from the driver");
            assertTrue(log.contains("noise=0.1"), "the summary table");
            assertTrue(Files.list(dir.resolve("work")).findAny().isPresent(), "the Worker launched executors");
        } finally {
            stopDaemons();
        }
    }

    /** A Spark daemon in its own JVM with Spark's jars and the JVM flags Spark needs, as sbin/ would start it. */
    private Process daemon(Path home, String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", home.resolve("jars") + "/*", "-Xmx512m"));
        command.addAll(Arrays.asList(System.getProperty("spark.jvm.flags", "").trim().split("\\s+")));
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        daemons.add(p);
        return p;
    }

    private static void awaitLog(Process p, Path log, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the daemon exited: " + Files.readString(log));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no '" + line + "' within " + START_TIMEOUT_SECONDS + " s: "
                + Files.readString(log));
    }

    /** Executors first (children of the Worker), then the Worker and the Master; forcibly if they linger. */
    private void stopDaemons() throws InterruptedException {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
