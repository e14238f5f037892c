package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
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
 * deploy/slurm/sweep.sbatch on this one machine as a one-node allocation: SLURM's variables set by hand and
 * stand-ins for {@code scontrol show hostnames} and {@code srun} (which runs its command once, here, as SLURM runs
 * one task on the one node, passing SIGTERM on as srun does). The Master, the Worker, the sweep's driver and its
 * executors are real, on loopback. What one machine cannot show: several nodes, srun's own signal forwarding
 * and SLURM's scancel (SIGTERM to the batch shell and the steps, SIGKILL after KillWait).
 */
class SlurmSweepIT {
    private static final String SCRIPT = "deploy/slurm/sweep.sbatch";

    @TempDir
    Path dir;

    @Test
    void aOneNodeAllocationRunsTheSweepAndStopsEverything() throws Exception {
        Path sweep = SparkTests.write(dir, "slurm.yaml", SweepFiles.tiny("axes: {noise: [0.0, 0.1]}\n"));
        Map<String, String> env = allocation(secret("0123456789abcdef0123456789abcdef"));
        Process job = sbatch(env, sweep, "job.log");
        assertTrue(job.waitFor(8, TimeUnit.MINUTES), "the job ended in time");
        String log = Files.readString(dir.resolve("job.log"));
        assertEquals(0, job.exitValue(), log);
        assertEquals(2, SweepChecks.assertComplete(dir.resolve("out").toString(),
                SweepPlan.expand(SweepConfig.read(sweep)), new Configuration()).size());
        String master = Files.readString(dir.resolve("run/master.log"));
        assertEquals(1, master.lines().filter(l -> l.contains("Registering worker localhost:")).count(), master);
        assertEquals(1, master.lines().filter(l -> l.contains("Registering app")).count(), master);
        assertTrue(master.contains("authentication enabled"), master);
        assertEquals(List.of("--nodes=1 --ntasks=1 --ntasks-per-node=1 --kill-on-bad-exit=0"),
                Files.readAllLines(dir.resolve("srun.calls")), "one Worker task per node");
        assertTrue(log.contains("stopped the driver, the Workers and the Master"), log);
        assertNothingLeft();
    }

    @Test
    void sigtermStopsTheSweepTheWorkersAndTheMaster() throws Exception {
        // long enough to be training when the signal comes: 8 runs of 2000 iterations on one core
        Path sweep = SparkTests.write(dir, "long.yaml", SweepFiles.tiny("set: {training.maxIterations: 2000}\n"
                + "seeds: 8\n"));
        Map<String, String> env = allocation(secret("fedcba9876543210fedcba9876543210"));
        Process job = sbatch(env, sweep, "job.log");
        Path master = dir.resolve("run/master.log");
        for (int i = 0; i < 600 && !(Files.exists(master) && Files.readString(master).contains("Launching executor"));
             i++) {
            assertTrue(job.isAlive(), "the job ended before its executor started: "
                    + Files.readString(dir.resolve("job.log")));
            Thread.sleep(500);
        }
        assertTrue(Files.readString(master).contains("Launching executor"), "an executor started");
        assertTrue(processesOf().size() >= 4, "the Master, the Worker, the driver and an executor: " + processesOf());
        job.destroy(); // SIGTERM to the batch shell, as scancel sends it
        assertTrue(job.waitFor(3, TimeUnit.MINUTES), "the job stopped in time after SIGTERM");
        assertEquals(143, job.exitValue());
        String log = Files.readString(dir.resolve("job.log"));
        assertTrue(log.contains("signalled; stopping") && log.contains("stopped the driver, the Workers and the Master"),
                log);
        assertNothingLeft();
    }

    @Test
    void aSecretOthersCanReadIsRefusedBeforeAnythingStarts() throws Exception {
        Path secret = secret("0123456789abcdef0123456789abcdef");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        Path sweep = SparkTests.write(dir, "slurm.yaml", SweepFiles.tiny("axes: {noise: [0.0]}\n"));
        Process job = sbatch(allocation(secret), sweep, "job.log");
        assertTrue(job.waitFor(1, TimeUnit.MINUTES));
        assertEquals(2, job.exitValue());
        assertEquals(secret + " can be read by other users; chmod 600 it",
                Files.readString(dir.resolve("job.log")).strip().replace("sweep.sbatch: ", ""));
        assertFalse(Files.exists(dir.resolve("run/master.log")), "no Master started");
    }

    private Path secret(String value) throws IOException {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, value);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        return secret;
    }

    /** A one-node allocation as SLURM describes it to the batch script, with stand-ins for scontrol and srun. */
    private Map<String, String> allocation(Path secret) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("scontrol"), """
                #!/usr/bin/env bash
                [ "$1 $2" = "show hostnames" ] || exit 1
                echo "$3" | tr ',' '\\n'
                """);
        Files.writeString(bin.resolve("srun"), """
                #!/usr/bin/env bash
                options=()
                while [ $# -gt 0 ] && [ "${1#--}" != "$1" ]; do options+=("$1"); shift; done
                echo "${options[*]}" >> "%s"
                export SLURMD_NODENAME=localhost
                "$@" &
                task=$!
                trap 'kill -TERM $task 2> /dev/null' TERM INT
                wait $task
                wait $task
                """.formatted(dir.resolve("srun.calls")));
        for (String tool : List.of("scontrol", "srun")) {
            Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwx------"));
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("SLURM_JOB_ID", "4242");
        env.put("SLURM_JOB_NODELIST", "localhost");
        env.put("SLURM_CPUS_ON_NODE", "2");
        env.put("SLURM_SUBMIT_DIR", SparkTests.PROJECT.toAbsolutePath().toString());
        env.put("SPARK_HOME", SparkTests.sparkHome().toString());
        env.put("DEEPMOD_JAR", SparkTests.applicationJar().toString());
        env.put("DEEPMOD_SPARK_RUN", dir.resolve("run").toString());
        env.put("SPARK_AUTH_SECRET_FILE", secret.toString());
        env.put("TMPDIR", dir.toString());
        env.put("MASTER_PORT", Integer.toString(SparkTests.freePort()));
        env.put("MASTER_WEBUI_PORT", Integer.toString(SparkTests.freePort()));
        env.put("WORKER_WEBUI_PORT", Integer.toString(SparkTests.freePort()));
        env.put("WORKER_MEMORY", "2g");
        return env;
    }

    private Process sbatch(Map<String, String> env, Path sweep, String log) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", SparkTests.PROJECT.resolve(SCRIPT).toString(),
                sweep.toString(), "--total-executor-cores", "1", "--executor-cores", "1", "--executor-memory", "900m",
                "--conf", "spark.ui.enabled=false", "--", "--out", dir.resolve("out").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile()).directory(dir.toFile());
        pb.environment().remove("DEEPMOD_HOME");
        pb.environment().remove("_SPARK_AUTH_SECRET");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Every process of this job still alive: all run in the test's folder (the executors in the Worker's). */
    private List<String> processesOf() {
        List<String> out = new ArrayList<>();
        Path folder = dir.toAbsolutePath();
        ProcessHandle.allProcesses().forEach(p -> {
            try {
                Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd"));
                if (cwd.startsWith(folder)) {
                    out.add(p.pid() + " " + p.info().commandLine().orElse("?"));
                }
            } catch (IOException | SecurityException e) {
                // ended meanwhile, or not ours to read
            }
        });
        return out;
    }

    private void assertNothingLeft() throws InterruptedException {
        List<String> left = processesOf();
        for (int i = 0; i < 20 && !left.isEmpty(); i++) {
            Thread.sleep(500);
            left = processesOf();
        }
        left.forEach(l -> ProcessHandle.of(Long.parseLong(l.substring(0, l.indexOf(' '))))
                .ifPresent(ProcessHandle::destroyForcibly)); // should the script have left any, not for the next test
        assertEquals(List.of(), left, "processes of the job still running");
    }
}
