package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.deepmod.experiment.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same 8-run sweep on local-cluster[2,1,1024]: a Master and two Workers inside this JVM that launch two
 * real executor JVMs, so the tasks, DJL's start-up and the result writing happen in other processes with
 * other working folders. The Workers take Spark's jars from a stand-in SPARK_HOME (spark.test.home, filled
 * by the build) and our classes from spark.executor.extraClassPath.
 */
class LocalClusterSweepTest {

    @TempDir
    Path dir;

    @Test
    void theSweepCompletesInTwoExecutorJvms() throws IOException {
        Path home = SparkTests.sparkHome();
        System.setProperty("spark.testing", "true");
        System.setProperty("spark.test.home", home.toString());
        SparkSession spark = SparkTests.session("local-cluster[2,1,1024]",
                "spark.executor.extraClassPath=" + System.getProperty("java.class.path"),
                "spark.executor.memory=900m");
        try {
            SweepPlan plan = SparkTests.plan(SparkTests.EIGHT_RUNS);
            // a relative output folder: the executors, elsewhere, must get it qualified by the driver
            String output = Path.of("").toAbsolutePath().relativize(dir.resolve("out")).toString();
            SparkTests.Captured log = new SparkTests.Captured();
            SweepJob.Outcome outcome = SweepJob.run(spark, plan, SweepJob.Options.of(output, false), log.out);
            System.out.println(log.text());

            assertEquals(8, outcome.trained());
            assertEquals(3, spark.sparkContext().statusTracker().getExecutorInfos().length, "the driver and 2 executors");
            SweepChecks.assertComplete(dir.resolve("out").toString(), plan, new Configuration());
        } finally {
            spark.stop();
            System.clearProperty("spark.testing");
            System.clearProperty("spark.test.home");
        }
    }
}
