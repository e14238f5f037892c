package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings a sweep's session gets: what executors need unless given, and the user's --conf first. */
class SweepSessionTest {

    @Test
    void anEmbeddedSparkStaysOnLoopbackAndExecutorsGetDjlOfflineAndPassiveOpenMp() {
        SparkConf conf = SweepSession.conf("app", null, List.of());
        assertEquals("local[*]", conf.get("spark.master"));
        assertEquals("127.0.0.1", conf.get("spark.driver.host"));
        assertEquals("PASSIVE", conf.get("spark.executorEnv.OMP_WAIT_POLICY"));
        assertTrue(conf.contains("spark.executorEnv.DJL_CACHE_DIR"));
        assertTrue(conf.get("spark.executor.extraJavaOptions").contains("-Dai.djl.offline=true"));
    }

    @Test
    void userSettingsWinAndExtraJavaOptionsAreKept() {
        SparkConf conf = SweepSession.conf("app", "local[2]", List.of("spark.executorEnv.OMP_WAIT_POLICY=ACTIVE",
                "spark.executor.extraJavaOptions=-Xss4m", "spark.hadoop.fs.defaultFS=hdfs://nn:8020"));
        assertEquals("local[2]", conf.get("spark.master"));
        assertEquals("ACTIVE", conf.get("spark.executorEnv.OMP_WAIT_POLICY"));
        assertEquals("-Xss4m " + SweepSession.DJL_OPTIONS, conf.get("spark.executor.extraJavaOptions"));
        assertEquals("hdfs://nn:8020", SweepSession.hadoopConf(conf).get("fs.defaultFS"));
    }

    @Test
    void aClusterGetsTheApplicationJarFromTheBuildFolder(@TempDir Path target) throws IOException {
        assertEquals(Optional.empty(), SweepSession.findApplicationJar(target));
        Files.createFile(target.resolve("deepmod-spark-0.1.0-SNAPSHOT.jar"));
        assertEquals(Optional.empty(), SweepSession.findApplicationJar(target), "the thin jar lacks DJL");
        Path all = Files.createFile(target.resolve("deepmod-spark-0.1.0-SNAPSHOT-all.jar"));
        assertEquals(Optional.of(all.toAbsolutePath().toString()), SweepSession.findApplicationJar(target));
    }

    @Test
    void anApplicationJarOlderThanTheClassesIsNoticed(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/org"));
        Path jar = Files.createFile(dir.resolve("deepmod-spark-0.1.0-all.jar"));
        Path klass = Files.createFile(classes.resolve("A.class"));
        Files.setLastModifiedTime(klass, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(2_000_000));
        assertTrue(!SweepSession.isOlderThanClasses(jar, dir.resolve("classes")));
        Files.setLastModifiedTime(klass, java.nio.file.attribute.FileTime.fromMillis(3_000_000));
        assertTrue(SweepSession.isOlderThanClasses(jar, dir.resolve("classes")));
    }

    @Test
    void aClusterSessionWithItsOwnClassPathNeedsNoJar() {
        SparkConf conf = SweepSession.conf("app", "spark://127.0.0.1:1",
                List.of("spark.executor.extraClassPath=/opt/deepmod/*"));
        assertTrue(!conf.contains("spark.jars"));
        assertEquals("spark://127.0.0.1:1", conf.get("spark.master"));
    }

    @Test
    void aSettingWithoutAValueIsBadInput() {
        assertThrows(BadInputException.class, () -> SweepSession.conf("app", null, List.of("spark.task.cpus")));
    }
}
