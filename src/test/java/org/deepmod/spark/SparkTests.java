package org.deepmod.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.deepmod.config.SweepConfig;
import org.deepmod.config.SweepFiles;
import org.deepmod.config.SweepPlan;

/** Sessions, sweep files and a progress sink shared by the Spark tests. */
final class SparkTests {
    static final Path PROJECT = Path.of(System.getProperty("deepmod.project.dir", "."));

    private SparkTests() {
    }

    /** A session with the sweep's own defaults (SweepSession.conf), without the web UI. */
    static SparkSession session(String master, String... settings) {
        List<String> conf = new ArrayList<>(List.of("spark.ui.enabled=false"));
        conf.addAll(Arrays.asList(settings));
        return SparkSession.builder().config(SweepSession.conf("deepmod test", master, conf)).getOrCreate();
    }

    /** The tiny Burgers sweep: 2 noise levels × 4 seeds = 8 runs of a few seconds each. */
    static final String EIGHT_RUNS = SweepFiles.tiny("axes: {noise: [0.0, 0.1]}\nseeds: 4\n");

    /** The tiny sweep's generated Burgers data replaced by a data file (PDE-FIND's Burgers truth). */
    static String withDataFile(String tinyYaml, String path) {
        return tinyYaml.replace("  dataset: {type: burgers-delta, t: {start: 0.5, stop: 5.0, count: 20}, x: {start: -3.0, "
                + "stop: 4.0, count: 40}}", "  dataset: {type: file, path: " + path + ", truth: {u_xx: 0.1, u*u_x: -1.0}}");
    }

    /** A MiniDFSCluster's URI, with data/burgers-pdefind.npz copied to /data/ there. */
    static String hdfsWithBurgersData(org.apache.hadoop.hdfs.MiniDFSCluster cluster) throws IOException {
        String hdfs = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
        cluster.getFileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(
                PROJECT.resolve("data/burgers-pdefind.npz").toAbsolutePath().toString()),
                new org.apache.hadoop.fs.Path(hdfs + "/data/burgers-pdefind.npz"));
        return hdfs;
    }

    static Path write(Path dir, String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    static SweepPlan plan(String yaml) {
        return SweepPlan.expand(SweepFiles.parse(yaml));
    }

    static SweepPlan plan(Path file) {
        return SweepPlan.expand(SweepConfig.read(file));
    }

    /** The Spark stand-in distribution the build fills (pom: dependency plugin, execution spark-home). */
    static Path sparkHome() throws IOException {
        Path home = Path.of(System.getProperty("deepmod.spark.home", "target/spark-home")).toAbsolutePath();
        if (!Files.isDirectory(home.resolve("jars"))) {
            throw new IllegalStateException(home + "/jars is missing: run the tests through Maven (mvn -B verify)");
        }
        // Spark's launcher wants to know the Scala version; an empty build folder tells it, as in a source tree.
        Files.createDirectories(home.resolve("launcher/target/scala-2.13"));
        return home;
    }

    /** The shaded application jar the package phase built (failsafe passes its path). */
    static Path applicationJar() {
        Path jar = Path.of(System.getProperty("deepmod.app.jar", "target/deepmod-spark-all.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the integration tests run after package (mvn verify)");
        }
        return jar;
    }

    /**
     * {@code jobs/submit.sh SWEEP [spark-submit options] -- [sweep options]} as a user runs it, over the build's
     * stand-in Spark distribution and the application jar, both output streams to {@code log}; not started, so
     * that a test can add to its environment.
     */
    static ProcessBuilder submitSweep(Path sweep, Path log, List<String> submitOptions, List<String> sweepOptions)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", PROJECT.resolve("jobs/submit.sh").toString(),
                sweep.toString()));
        command.addAll(submitOptions);
        command.add("--");
        command.addAll(sweepOptions);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", sparkHome().toString());
        pb.environment().put("DEEPMOD_JAR", applicationJar().toString());
        return pb;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
