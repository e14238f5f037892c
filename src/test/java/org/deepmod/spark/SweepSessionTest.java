package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertEquals("0s", conf.get("spark.locality.wait"), "runs have no data locality to wait for");
    }

    /**
     * The flags the build writes for bin/deepmod and the executors are pom.xml's, the ones surefire started this
     * JVM with: every one of them is among its arguments.
     */
    @Test
    void theBuildsJvmFlagsAreTheOnesThisTestJvmGot() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String key : List.of("spark.jvm.flags", "deepmod.java.options")) {
            String flags = SweepSession.buildProperty(key);
            for (String flag : flags.split("\\s+")) {
                assertTrue(arguments.contains(flag), key + ": " + flag + " not among " + arguments);
            }
        }
        assertTrue(SweepSession.EXECUTOR_JAVA_OPTIONS.contains("--add-modules=jdk.incubator.vector"));
    }

    @Test
    void userSettingsWinAndExtraJavaOptionsAreKept() {
        SparkConf conf = SweepSession.conf("app", "local[2]", List.of("spark.executorEnv.OMP_WAIT_POLICY=ACTIVE",
                "spark.executor.extraJavaOptions=-Xss4m", "spark.hadoop.fs.defaultFS=hdfs://nn:8020"));
        assertEquals("local[2]", conf.get("spark.master"));
        assertEquals("ACTIVE", conf.get("spark.executorEnv.OMP_WAIT_POLICY"));
        assertEquals("-Xss4m " + SweepSession.EXECUTOR_JAVA_OPTIONS, conf.get("spark.executor.extraJavaOptions"));
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

    /** On YARN the driver's cache path is on no node: each container extracts the natives in its own folder. */
    @Test
    void yarnExecutorsExtractTheNativesInTheirContainersFolderUnlessTold() {
        List<String> jar = List.of("spark.jars=/opt/deepmod/deepmod-spark-all.jar",
                "spark.yarn.jars=local:/usr/lib/spark/jars/*");
        assertEquals("{{PWD}}/djl.ai", SweepSession.conf("app", "yarn", jar).get("spark.executorEnv.DJL_CACHE_DIR"));
        List<String> shared = List.of("spark.jars=/opt/deepmod/deepmod-spark-all.jar",
                "spark.yarn.jars=local:/usr/lib/spark/jars/*", "spark.executorEnv.DJL_CACHE_DIR=/mnt/deepmod-djl");
        assertEquals("/mnt/deepmod-djl", SweepSession.conf("app", "yarn", shared).get("spark.executorEnv.DJL_CACHE_DIR"));
        assertFalse(SweepSession.conf("app", "local[2]", List.of()).get("spark.executorEnv.DJL_CACHE_DIR")
                .contains("{{PWD}}"), "an embedded Spark's executor is the driver's JVM");
    }

    /** bin/deepmod has no SPARK_HOME: without spark.yarn.jars or an archive YARN's client failed late. */
    @Test
    void yarnWithoutSparksJarsForTheContainersIsBadInput() {
        List<String> jar = List.of("spark.jars=/opt/deepmod/deepmod-spark-all.jar");
        BadInputException e = assertThrows(BadInputException.class, () -> SweepSession.conf("app", "yarn", jar,
                Map.of()));
        assertTrue(e.getMessage().contains("spark.yarn.jars='local:/path/to/spark/jars/*'"), e.getMessage());
        List<String> jars = List.of("spark.jars=/opt/deepmod/deepmod-spark-all.jar",
                "spark.yarn.jars=local:/usr/lib/spark/jars/*");
        assertEquals("yarn", SweepSession.conf("app", "yarn", jars, Map.of()).get("spark.master"));
        List<String> archive = List.of("spark.jars=/opt/deepmod/deepmod-spark-all.jar",
                "spark.yarn.archive=hdfs:///spark/jars.zip");
        assertEquals("yarn", SweepSession.conf("app", "yarn", archive, Map.of()).get("spark.master"));
        assertEquals("yarn", SweepSession.conf("app", "yarn", jar, Map.of("SPARK_HOME", "/usr/lib/spark"))
                .get("spark.master"));
    }

    @Test
    void aClusterSessionWithItsOwnClassPathNeedsNoJar() {
        SparkConf conf = SweepSession.conf("app", "spark://127.0.0.1:1",
                List.of("spark.executor.extraClassPath=/opt/deepmod/*"));
        assertTrue(!conf.contains("spark.jars"));
        assertEquals("spark://127.0.0.1:1", conf.get("spark.master"));
    }

    @ParameterizedTest(name = "SPARK_LOCAL_IP {0}, --conf {1}: UI enabled {2}")
    @CsvSource({
        "unset,  '',                     false",
        "unset,  spark.ui.enabled=true,  true",
        "127.0.0.1, '',                  true"})
    void theUiIsOffUnlessItsAddressIsChosen(String localIp, String setting, boolean enabled) {
        Map<String, String> environment = localIp.equals("unset") ? Map.of() : Map.of("SPARK_LOCAL_IP", localIp);
        SparkConf conf = SweepSession.conf("app", null, setting.isEmpty() ? List.of() : List.of(setting), environment);
        assertEquals(enabled, conf.getBoolean("spark.ui.enabled", true));
    }

    @Test
    void aStandaloneDriverReadsTheSecretFromItsFileOrTheEnvironment(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), "s3cr3t\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        List<String> auth = List.of("spark.authenticate=true", "spark.authenticate.secret.file=" + file,
                "spark.executor.extraClassPath=/opt/deepmod/*");
        SparkConf fromFile = SweepSession.conf("app", "spark://127.0.0.1:1", auth, Map.of());
        assertEquals("s3cr3t", fromFile.get("spark.authenticate.secret"), "as $(cat FILE) gives it to the daemons");
        assertFalse(fromFile.contains("spark.authenticate.secret.file"), "Spark refuses secret files outside Kubernetes");

        SparkConf fromEnvironment = SweepSession.conf("app", "spark://127.0.0.1:1", auth,
                Map.of("_SPARK_AUTH_SECRET", "other"));
        assertEquals("other", fromEnvironment.get("spark.authenticate.secret"));

        SparkConf local = SweepSession.conf("app", "local[2]", auth, Map.of());
        assertFalse(local.contains("spark.authenticate.secret"), "local Spark makes its own secret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no secret anywhere      | ''       | ''          | spark.authenticate=true but the driver has no secret",
        "a missing file          | missing  | ''          | spark.authenticate.secret.file: MISSING: no such file",
        "a file others can read  | secret   | rw-r--r--   | can be read by other users (mode rw-r--r--); make it",
        "an empty file           | empty    | rw-------   | spark.authenticate.secret.file: EMPTY is empty"})
    void aStandaloneDriverWithoutAUsableSecretIsBadInput(String title, String name, String mode, String expected,
                                                         @TempDir Path dir) throws IOException {
        List<String> settings = new java.util.ArrayList<>(List.of("spark.authenticate=true",
                "spark.executor.extraClassPath=/opt/deepmod/*"));
        Path file = dir.resolve(name.isEmpty() ? "none" : name);
        if (!name.isEmpty()) {
            settings.add("spark.authenticate.secret.file=" + file);
        }
        if (!mode.isEmpty()) {
            Files.writeString(file, name.equals("empty") ? "" : "s3cr3t");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> SweepSession.conf("app", "spark://127.0.0.1:1", settings, Map.of()));
        String message = expected.replace("MISSING", file.toString()).replace("EMPTY", file.toString());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aSettingWithoutAValueIsBadInput() {
        assertThrows(BadInputException.class, () -> SweepSession.conf("app", null, List.of("spark.task.cpus")));
    }
}
