package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.deepmod.cli.CliRun;
import org.deepmod.cli.Main;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.SweepConfig;
import org.deepmod.config.SweepFiles;
import org.deepmod.config.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deepmod.training.RunStatus;

/**
 * HDFS faults: a namenode that accepts connections and never answers (a local socket; run, sweep and report),
 * and a DataNode of a MiniDFSCluster restarted while a sweep reads its data and writes its results there.
 */
class HdfsFaultsTest {
    /** Far below Hadoop's own 120 s answer timeout: the bound only keeps a broken case from hanging the build. */
    private static final long WAIT_BOUND_SECONDS = 60;

    @TempDir
    Path dir;

    /** A server that accepts every connection and never says a word. */
    private static final class SilentNamenode implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<Socket> held = new ArrayList<>();
        final Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket s = socket.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent namenode");

        SilentNamenode() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String uri() {
            return "hdfs://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    private static CliRun bounded(String what, String... args) throws Exception {
        long start = System.nanoTime();
        CliRun r = CompletableFuture.supplyAsync(() -> CliRun.of(args)).get(WAIT_BOUND_SECONDS, TimeUnit.SECONDS);
        System.out.printf("%s: exit %d after %.1f s: %s%n", what, r.code(), (System.nanoTime() - start) / 1e9,
                r.err().strip());
        return r;
    }

    private static void assertOneLineNaming(CliRun r, String place) {
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(place), r.err());
        assertTrue(r.err().contains("cannot be reached"), r.err());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void aSilentNamenodeFailsTheRunTheSweepPlanningTheOutputProbeAndTheReport() throws Exception {
        try (SilentNamenode namenode = new SilentNamenode()) {
            String data = namenode.uri() + "/data/burgers.npz";
            Path run = SparkTests.write(dir, "run.yaml", "name: silent\ndataset: {type: file, path: " + data
                    + ", truth: {u_xx: 0.1}}\nsamples: 300\nnetwork: {hidden: [16, 16]}\n"
                    + "training: {maxIterations: 100}\n");
            assertOneLineNaming(bounded("run, data on a silent namenode", "run", run.toString(),
                    "--out", dir.resolve("run-out").toString()), data);

            Path sweep = SparkTests.write(dir, "sweep.yaml", SparkTests.withDataFile(SweepFiles.tiny("seeds: 3\n"), data));
            CliRun planning = bounded("sweep, data on a silent namenode", "sweep", sweep.toString(),
                    "--out", dir.resolve("sweep-out").toString(), "--master", "local[1]");
            assertOneLineNaming(planning, data);

            Path local = SparkTests.write(dir, "local.yaml", SweepFiles.tiny("seeds: 2\n"));
            String output = namenode.uri() + "/sweeps/out";
            assertOneLineNaming(bounded("sweep, output on a silent namenode", "sweep", local.toString(),
                    "--out", output, "--master", "local[1]"), output);

            // report reads the folder's lock first: its wait is bounded the same way
            assertOneLineNaming(bounded("report, folder on a silent namenode", "report", output), output);
        }
    }

    @Test
    void anUnknownHostIsOneLineNamingTheUri() throws Exception {
        String output = "hdfs://no-such-namenode.invalid:8020/sweeps/out";
        Path local = SparkTests.write(dir, "local.yaml", SweepFiles.tiny("seeds: 2\n"));
        CliRun r = bounded("sweep, output on an unknown host", "sweep", local.toString(), "--out", output,
                "--master", "local[1]");
        assertOneLineNaming(r, output);
        assertTrue(r.err().contains("unknown host"), r.err());
    }

    /**
     * Two DataNodes, every block on both: one restarted mid-sweep, and the sweep ends with every run's result
     * (the HDFS client reads from and writes to the other while it is away).
     */
    @Test
    void aDataNodeRestartedMidSweepLosesNoRun() throws Exception {
        Configuration conf = new Configuration();
        conf.setInt("dfs.replication", 2);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, dir.resolve("dfs").toFile()).numDataNodes(2).build();
        try {
            cluster.waitActive();
            String hdfs = SparkTests.hdfsWithBurgersData(cluster);
            FileSystem fs = cluster.getFileSystem();
            String output = hdfs + "/sweeps/restart";
            Path file = SparkTests.write(dir, "restart.yaml", SparkTests.withDataFile(
                    SweepFiles.tiny("seeds: 3\noutput: " + output + "\n"), hdfs + "/data/burgers-pdefind.npz"));

            CompletableFuture<CliRun> sweep = CompletableFuture.supplyAsync(() -> CliRun.of("sweep", file.toString(),
                    "--master", "local[2]", "--conf", "spark.ui.enabled=false",
                    "--conf", "spark.hadoop.dfs.replication=2"));
            org.apache.hadoop.fs.Path runs = new org.apache.hadoop.fs.Path(output + "/runs");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (!(fs.exists(runs) && fs.listStatus(runs).length >= 1)) {
                assertTrue(System.nanoTime() < deadline && !sweep.isDone(), "a first result: " + (sweep.isDone()
                        ? sweep.get().out() + sweep.get().err() : "none in time"));
                Thread.sleep(50);
            }
            assertTrue(cluster.restartDataNode(0, true), "the DataNode restarted");
            cluster.waitActive();

            CliRun r = sweep.get(240, TimeUnit.SECONDS);
            assertEquals(Main.EXIT_OK, r.code(), r.out() + r.err());
            SweepPlan plan = SweepPlan.expand(SweepConfig.read(file), new HadoopDataPaths(conf));
            Map<String, RunResult> results = SweepChecks.assertComplete(output, plan, conf);
            for (RunResult result : results.values()) {
                assertEquals(RunStatus.MAX_ITERATIONS, result.status(), result.reason());
            }
        } finally {
            cluster.shutdown();
        }
    }
}
