package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.deepmod.config.SweepConfig;
import org.deepmod.config.SweepFiles;
import org.deepmod.config.SweepPlan;
import org.deepmod.experiment.RunResult;
import org.deepmod.training.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on YARN: a real ResourceManager and NodeManager (MiniYARNCluster) and a real HDFS (MiniDFSCluster) in
 * this JVM, their client settings written to a folder given to the submitting process as HADOOP_CONF_DIR, and the
 * sweep submitted by jobs/submit.sh with {@code --master yarn} (client mode: the driver is the submitting process).
 * The NodeManager launches the ApplicationMaster and the executors as containers, JVMs of their own started from
 * the container's launch script, with Spark's jars from this machine ({@code spark.yarn.jars=local:...}, as on a
 * cluster where Spark is installed on every node) and DeepMoD from the application jar. The results go to HDFS.
 * The executor is killed (SIGKILL) as soon as it has started runs (in practice while DJL still extracts libtorch
 * for them, seconds in): YARN starts another container, Spark retries the lost runs there, and every run still
 * has one whole result.
 * What one machine cannot show: several nodes, a secured (Kerberos) cluster, a cluster whose default Java is not 17.
 */
class YarnSweepIT {
    /**
     * One executor container with two cores (two runs at a time) rather than two with one: every executor JVM
     * starts and extracts libtorch (432 MB) on its own, which on a two-core machine costs tens of seconds.
     */
    private static final int EXECUTORS = 1;
    /** The first executor is killed once it runs; YARN gives the application another container. */
    private static final int EXECUTOR_CONTAINERS = EXECUTORS + 1;

    @TempDir
    Path dir;

    @Test
    // beyond the sweep's own bound (5 min) and the clusters' start, so that the sweep's log is what a failure says
    @Timeout(value = 7, unit = TimeUnit.MINUTES)
    void aSweepSubmittedToYarnTrainsInContainersAndWritesItsResultsToHdfs() throws Exception {
        Configuration conf = new Configuration();
        MiniDFSCluster dfs = null;
        MiniYARNCluster yarn = null;
        Process submit = null;
        String previousTestDir = System.getProperty("test.build.data");
        try {
            dfs = new MiniDFSCluster.Builder(conf, dir.resolve("dfs").toFile()).numDataNodes(1).build();
            dfs.waitActive();
            String hdfs = "hdfs://127.0.0.1:" + dfs.getNameNodePort();
            // MiniYARNCluster keeps its NodeManager's folders (containers, their logs) under test.build.data
            System.setProperty("test.build.data", dir.resolve("yarn").toString());
            yarn = startYarn(hdfs);
            Path hadoopConf = writeClientConf(yarn.getConfig(), hdfs);

            Path sweep = SparkTests.write(dir, "yarn.yaml", SweepFiles.tiny("set: {training.maxIterations: 300}\n"
                    + "seeds: 3\n"));
            String output = hdfs + "/sweeps/yarn";
            Path log = dir.resolve("submit.log");
            ProcessBuilder pb = SparkTests.submitSweep(sweep, log, yarnOptions(), List.of("--out", output));
            pb.environment().put("HADOOP_CONF_DIR", hadoopConf.toString());
            pb.environment().put("YARN_CONF_DIR", hadoopConf.toString());
            long start = System.nanoTime();
            submit = pb.start();
            killTheExecutorOnceItRunsARun(submit);
            boolean ended = submit.waitFor(5, TimeUnit.MINUTES);
            String driver = Files.readString(log);
            System.out.println(driver);
            System.out.printf("the sweep on YARN took %.1f s%n", (System.nanoTime() - start) / 1e9);
            // the messages are built only on a failure: the NodeManager is still deleting the application's files
            assertTrue(ended, () -> "the sweep ended in time:\n" + driver + containerLogs());
            assertEquals(0, submit.exitValue(), () -> driver + containerLogs());
            assertTrue(driver.contains("3/3 runs done, 0 failed"), "progress from the driver");
            assertTrue(driver.contains("retried"), "the killed executor's runs were retried:\n" + driver);

            SweepPlan plan = SweepPlan.expand(SweepConfig.read(sweep));
            Map<String, RunResult> results = SweepChecks.assertComplete(output, plan, conf);
            assertEquals(3, results.size());
            for (RunResult r : results.values()) {
                // whole results, the killed attempts' included: trained to the end once, by the retry
                assertTrue(Set.of(RunStatus.CONVERGED, RunStatus.MAX_ITERATIONS).contains(r.status()),
                        r.status() + " " + r.reason());
                int iterations = r.training().iterations();
                assertTrue(iterations > 0 && iterations <= 300, "iterations " + iterations);
                RunResult.Discovery found = r.discovery();
                assertTrue(found.equation() != null && found.equation().startsWith("u_t = ") && found.mask() != null
                        && anyTrue(found.mask()), "an equation found: " + found.equation());
            }
            SweepChecks.assertReport(output, plan, conf);
            assertTheApplicationSucceeded(yarn.getConfig());
            assertExecutorContainersTrainedWithTheirOwnNatives(plan.runs().size());
        } finally {
            if (submit != null && submit.isAlive()) {
                submit.descendants().forEach(ProcessHandle::destroyForcibly);
                submit.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
            // stopping the NodeManager kills the containers it still runs
            if (yarn != null) {
                yarn.stop();
            }
            if (dfs != null) {
                dfs.shutdown();
            }
            if (previousTestDir == null) {
                System.clearProperty("test.build.data");
            } else {
                System.setProperty("test.build.data", previousTestDir);
            }
        }
    }

    /** One ResourceManager and one NodeManager, with room for the AM and the executors, on loopback. */
    private static MiniYARNCluster startYarn(String hdfs) throws Exception {
        YarnConfiguration conf = new YarnConfiguration();
        conf.set("fs.defaultFS", hdfs);
        conf.set("yarn.resourcemanager.hostname", "127.0.0.1");
        conf.setInt("yarn.nodemanager.resource.memory-mb", 6144);
        conf.setInt("yarn.nodemanager.resource.cpu-vcores", 4);
        conf.setInt("yarn.scheduler.minimum-allocation-mb", 256);
        // the capacity scheduler's queues (a cluster has them in capacity-scheduler.xml): one queue, all of it
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
        conf.setInt("yarn.scheduler.capacity.root.default.maximum-capacity", 100);
        conf.set("yarn.scheduler.capacity.root.default.state", "RUNNING");
        conf.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
        conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5f);
        // no data locality to wait for
        conf.setInt("yarn.scheduler.capacity.node-locality-delay", -1);
        // the JVM and libtorch reserve several times the virtual memory they use; physical memory stays checked
        conf.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
        // a nearly full disk of a shared machine must not mark the NodeManager's folders bad
        conf.setFloat("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", 100f);
        MiniYARNCluster yarn = new MiniYARNCluster(YarnSweepIT.class.getSimpleName(), 1, 1, 1);
        yarn.init(conf);
        yarn.start();
        // start() can return before the ResourceManager has put its bound port into the configuration
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (yarn.getConfig().get(YarnConfiguration.RM_ADDRESS, ":0").endsWith(":0")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ResourceManager published no address within 60 s");
            }
            Thread.sleep(100);
        }
        if (!yarn.waitForNodeManagersToConnect(60_000)) {
            throw new IllegalStateException("the NodeManager did not register within 60 s");
        }
        return yarn;
    }

    /** yarn-site.xml (the cluster's whole configuration, as Spark's own YARN tests write it) and core-site.xml. */
    private Path writeClientConf(Configuration yarnConf, String hdfs) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("hadoop-conf"));
        try (OutputStream out = Files.newOutputStream(folder.resolve("yarn-site.xml"))) {
            yarnConf.writeXml(out);
        }
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", hdfs);
        try (OutputStream out = Files.newOutputStream(folder.resolve("core-site.xml"))) {
            core.writeXml(out);
        }
        return folder;
    }

    /**
     * The spark-submit options docs/deployment.md gives for YARN: Spark's jars from this machine's installation
     * (not zipped and uploaded at every submission), Java 17 for the AM and the executors (a cluster's default
     * Java may be older), and room for libtorch's native memory beside the executor's heap.
     */
    private static List<String> yarnOptions() throws IOException {
        String java17 = System.getProperty("java.home");
        return List.of("--master", "yarn", "--deploy-mode", "client",
                "--num-executors", Integer.toString(EXECUTORS), "--executor-cores", "2",
                "--executor-memory", "768m", "--driver-memory", "768m",
                "--conf", "spark.executor.memoryOverhead=768m",
                "--conf", "spark.yarn.am.memory=384m",
                "--conf", "spark.yarn.jars=local:" + SparkTests.sparkHome().resolve("jars") + "/*",
                "--conf", "spark.yarn.appMasterEnv.JAVA_HOME=" + java17,
                "--conf", "spark.executorEnv.JAVA_HOME=" + java17,
                "--conf", "spark.ui.enabled=false");
    }

    /**
     * Waits until an executor container has started one of the runs (its stderr says so), then kills its JVM
     * with SIGKILL, as the kernel's OOM killer or a lost node would: the container's processes are descendants
     * of this JVM (the NodeManager runs here), so nothing else can be hit.
     */
    private void killTheExecutorOnceItRunsARun(Process submit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && submit.isAlive()) {
            boolean training = false;
            for (Path stderr : containerLogFiles("stderr").values()) {
                if (Files.readString(stderr).lines().anyMatch(l -> l.contains("Running task")
                        && l.contains("in stage 0.0"))) {
                    training = true;
                }
            }
            if (training) {
                List<ProcessHandle> executors = ProcessHandle.current().descendants()
                        .filter(h -> h.info().commandLine().orElse("").contains("YarnCoarseGrainedExecutorBackend")
                                && h.info().command().orElse("").endsWith("/java"))
                        .toList();
                assertEquals(1, executors.size(), "one executor JVM to kill: " + executors);
                executors.get(0).destroyForcibly();
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no executor started a run within 3 min:\n" + Files.readString(dir.resolve(
                "submit.log")) + containerLogs());
    }

    /** The ResourceManager saw one application, which finished and which Spark reported a success. */
    private static void assertTheApplicationSucceeded(Configuration yarnConf)
            throws IOException, org.apache.hadoop.yarn.exceptions.YarnException {
        try (YarnClient client = YarnClient.createYarnClient()) {
            client.init(yarnConf);
            client.start();
            List<ApplicationReport> apps = client.getApplications();
            assertEquals(1, apps.size(), apps.toString());
            ApplicationReport app = apps.get(0);
            assertEquals("SPARK", app.getApplicationType());
            assertEquals(YarnApplicationState.FINISHED, app.getYarnApplicationState(), app.getDiagnostics());
            assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus(), app.getDiagnostics());
        }
    }

    /**
     * The executors (the killed one and its replacement) ran as containers of the NodeManager, started with DJL
     * offline and the vector module (ours),
     * Spark's module flags for Java 17, and DJL's cache in the container's own folder; every run's task finished
     * in one of them, and each executor that trained extracted libtorch itself (DJL extracts only into a cache
     * that lacks it, so this was the container's folder and not a cache shared with the driver).
     */
    private void assertExecutorContainersTrainedWithTheirOwnNatives(int runs) throws IOException {
        Map<String, Path> scripts = containerLogFiles("launch_container.sh");
        Map<String, Path> stderr = containerLogFiles("stderr");
        List<String> executors = new java.util.ArrayList<>();
        for (Map.Entry<String, Path> e : scripts.entrySet()) {
            String script = Files.readString(e.getValue());
            if (script.contains("YarnCoarseGrainedExecutorBackend")) {
                executors.add(e.getKey());
                for (String flag : List.of("-Dai.djl.offline=true", "--add-modules=jdk.incubator.vector",
                        "--add-opens=java.base/java.nio=ALL-UNNAMED")) {
                    assertTrue(script.contains(flag), e.getKey() + " started without " + flag);
                }
                assertTrue(script.contains("export DJL_CACHE_DIR=\"$PWD/djl.ai\""), e.getKey()
                        + ": DJL's cache in the container's folder");
            } else {
                assertTrue(script.contains("ExecutorLauncher"), e.getKey() + " is the client mode's AM");
                assertTrue(script.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), "the AM on Java 17");
            }
        }
        assertEquals(EXECUTOR_CONTAINERS, executors.size(), "executor containers among " + scripts.keySet());
        // the runs are the tasks of the sweep's first stage (stage 0.0); the report's Spark SQL stages follow
        int trained = 0;
        for (String container : executors) {
            String log = Files.readString(stderr.get(container));
            long runTasks = log.lines().filter(l -> l.contains("Finished task") && l.contains("in stage 0.0")).count();
            trained += (int) runTasks;
            if (runTasks > 0) {
                assertTrue(log.contains("Extracting") && log.contains("to cache"), container
                        + " trained without extracting libtorch:\n" + log);
            }
        }
        assertEquals(runs, trained, "every run's task finished in an executor container");
    }

    /**
     * {@code name} (launch_container.sh, stderr) per container id, from the NodeManager's log folder
     * (yarn/YarnSweepIT/yarn-N/YarnSweepIT-logDir-nm-0_0/APP/CONTAINER/), which is walked alone: its local folder
     * (the containers' working folders, Spark's block managers) is being deleted while the application ends.
     */
    private Map<String, Path> containerLogFiles(String name) throws IOException {
        Map<String, Path> found = new TreeMap<>();
        List<Path> logDirs;
        try (Stream<Path> folders = Files.walk(dir.resolve("yarn"), 3)) {
            logDirs = folders.filter(f -> f.getFileName().toString().contains("-logDir-")).toList();
        }
        for (Path logDir : logDirs) {
            try (Stream<Path> files = Files.walk(logDir)) {
                files.filter(f -> f.getFileName().toString().equals(name)
                                && f.getParent().getFileName().toString().startsWith("container_"))
                        .forEach(f -> found.putIfAbsent(f.getParent().getFileName().toString(), f));
            }
        }
        return found;
    }

    /** Each container's stderr, for a failure's message. */
    private String containerLogs() {
        try {
            StringBuilder all = new StringBuilder();
            for (Map.Entry<String, Path> e : containerLogFiles("stderr").entrySet()) {
                all.append("\n--- ").append(e.getKey()).append(" stderr ---\n").append(Files.readString(e.getValue()));
            }
            return all.toString();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "\n(no container logs: " + e + ")";
        }
    }

    private static boolean anyTrue(boolean[] mask) {
        for (boolean b : mask) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}
