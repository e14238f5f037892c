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
import org.deepmod.experiment.SweepConfig;
import org.deepmod.experiment.SweepFiles;
import org.deepmod.experiment.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                assertEquals("MAX_ITERATIONS", r.status(), r.reason());
                assertTrue(r.config().get("dataset").get("path").asText().startsWith("hdfs://"));
            }
            String output = hdfs + "/sweeps/pdefind";
            SweepChecks.assertReport(output, plan, conf);
            assertReportOnHdfsEqualsReportOnALocalCopy(cluster.getFileSystem(), output, plan);
        } finally {
            cluster.shutdown();
        }
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
