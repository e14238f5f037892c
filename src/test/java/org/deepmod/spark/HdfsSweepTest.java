package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
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
        } finally {
            cluster.shutdown();
        }
    }
}
