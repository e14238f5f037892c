package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.deepmod.cli.Main;
import org.deepmod.experiment.RunResult;
import org.deepmod.config.SweepConfig;
import org.deepmod.config.SweepFiles;
import org.deepmod.config.SweepPlan;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deepmod.training.RunStatus;

/**
 * End to end through the command line with HDFS on both sides: the runs read their data file from a
 * MiniDFSCluster and the sweep writes its results there (runs/, results.parquet, results.csv, summary.json).
 */
class HdfsSweepTest {

    @TempDir
    Path dir;

    @Test
    void readsDataFromHdfsAndWritesTheResultsThere() throws Exception {
        Configuration conf = new Configuration();
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, dir.resolve("dfs").toFile()).numDataNodes(1).build();
        try {
            cluster.waitActive();
            String hdfs = SparkTests.hdfsWithBurgersData(cluster);
            String yaml = SparkTests.withDataFile(SweepFiles.tiny("seeds: 3\noutput: " + hdfs + "/sweeps/pdefind\n"),
                    hdfs + "/data/burgers-pdefind.npz");
            Path file = SparkTests.write(dir, "pdefind.yaml", yaml);

            int exit = Main.execute("sweep", file.toString(), "--master", "local[2]", "--conf", "spark.ui.enabled=false");

            assertEquals(Main.EXIT_OK, exit);
            SweepPlan plan = SweepPlan.expand(SweepConfig.read(file), new HadoopDataPaths(conf));
            Map<String, RunResult> results = SweepChecks.assertComplete(hdfs + "/sweeps/pdefind", plan, conf);
            assertEquals(3, results.size());
            for (RunResult r : results.values()) {
                assertEquals(RunStatus.MAX_ITERATIONS, r.status(), r.reason());
                assertTrue(r.identity().config().get("dataset").get("path").asText().startsWith("hdfs://"));
            }
            String output = hdfs + "/sweeps/pdefind";
            SweepChecks.assertReport(output, plan, conf);
            assertReportOnHdfsEqualsReportOnALocalCopy(cluster.getFileSystem(), output, plan);
            assertRunWritesItsFolderOnHdfs(cluster.getFileSystem(), hdfs);
        } finally {
            cluster.shutdown();
        }
    }

    /**
     * {@code run --out hdfs://...} writes result.json, trace.jsonl and the pictures on HDFS (it wrote a local
     * folder literally named {@code hdfs:}), and leaves neither its lock nor _tmp/ there.
     */
    private void assertRunWritesItsFolderOnHdfs(FileSystem fs, String hdfs) throws Exception {
        Path run = SparkTests.write(dir, "run.yaml", "name: on-hdfs\ndataset: {type: file, path: " + hdfs
                + "/data/burgers-pdefind.npz, truth: {u_xx: 0.1, u*u_x: -1.0}}\nsamples: 300\n"
                + "network: {hidden: [16, 16]}\ntraining: {maxIterations: 60, writeIterations: 20}\n");
        String out = hdfs + "/runs/one";
        org.deepmod.cli.CliRun r = org.deepmod.cli.CliRun.of("run", run.toString(), "--out", out);
        assertEquals(Main.EXIT_OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("results in " + out), r.out());
        RunResult result = org.deepmod.experiment.ResultSchema.parse(ReportChecks.read(fs,
                new org.apache.hadoop.fs.Path(out + "/result.json")), null);
        assertEquals(RunStatus.MAX_ITERATIONS, result.status(), result.reason());
        assertEquals(60, result.training().iterations());
        String trace = new String(ReportChecks.read(fs, new org.apache.hadoop.fs.Path(out + "/trace.jsonl")),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(4, trace.lines().count(), "iterations 0, 20, 40 and the last: " + trace);
        java.awt.image.BufferedImage mask = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                ReportChecks.read(fs, new org.apache.hadoop.fs.Path(out + "/mask.png"))));
        assertTrue(mask != null && mask.getWidth() > 0, "mask.png is a whole picture");
        assertEquals(java.util.Set.of("result.json", "trace.jsonl", "mask.png", "loss.png"),
                java.util.Arrays.stream(fs.listStatus(new org.apache.hadoop.fs.Path(out)))
                        .map(st -> st.getPath().getName()).collect(java.util.stream.Collectors.toSet()),
                "no lock, no _tmp/ left");
        assertTrue(!java.nio.file.Files.exists(Path.of("hdfs:")), "no local folder named hdfs:");
    }

    /**
     * deepmod report rebuilds the statistics from the run files on HDFS and from a local copy of the folder
     * (hdfs dfs -get) alike; and redraws one run's pictures on HDFS.
     */
    private void assertReportOnHdfsEqualsReportOnALocalCopy(FileSystem fs, String output, SweepPlan plan)
            throws Exception {
        Path local = dir.resolve("copy");
        fs.copyToLocalFile(new org.apache.hadoop.fs.Path(output), new org.apache.hadoop.fs.Path(local.toString()));
        fs.delete(new org.apache.hadoop.fs.Path(output, "summary.json"), false);
        assertEquals(Main.EXIT_OK, Main.execute("report", output));
        assertEquals(Main.EXIT_OK, Main.execute("report", local.toString()));
        SweepSummary onHdfs = SweepChecks.readSummary(new ResultStore(output, fs.getConf()));
        SweepSummary onDisk = SweepSummary.fromJson(java.nio.file.Files.readString(local.resolve("summary.json")));
        assertEquals(onHdfs.configurations(), onDisk.configurations());
        assertEquals(onHdfs.holdsUpTo(), onDisk.holdsUpTo());
        assertEquals(3, onHdfs.withResults());

        String runId = plan.runs().get(0).runId();
        org.apache.hadoop.fs.Path mask = new org.apache.hadoop.fs.Path(output + "/runs/" + runId + "/mask.png");
        fs.delete(mask, false);
        assertEquals(Main.EXIT_OK, Main.execute("report", output + "/runs/" + runId));
        assertTrue(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(ReportChecks.read(fs, mask)))
                .getWidth() > 0, "the run's mask picture is redrawn on HDFS from its trace");
    }
}
