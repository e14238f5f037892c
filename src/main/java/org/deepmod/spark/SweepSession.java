package org.deepmod.spark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.deepmod.BadInputException;
import org.deepmod.storage.HadoopTimeouts;

/**
 * The Spark session of a sweep. The master comes from {@code --master}, else from spark-submit (which passes
 * it as a system property), else an embedded {@code local[*]}. Settings a DeepMoD executor needs are added
 * unless given: DJL offline and no call home in every executor JVM, OpenMP threads that sleep instead of
 * spinning, the native library cache (on YARN in each container's own folder), and (for a cluster started
 * outside spark-submit) the application jar;
 * no web UI on every interface, and the authentication secret a standalone master asks for
 * ({@link ClusterSecurity}).
 */
public final class SweepSession {
    /** The JVM flags pom.xml states, as the build copies them to the class path. */
    static final String JVM_FLAGS_RESOURCE = "/org/deepmod/jvm-flags.properties";
    /**
     * What an executor JVM needs besides Spark's own flags: DJL offline and quiet, and the vector module for
     * the hand-written kernels; pom.xml's {@code deepmod.java.options}, as the build copies it to the class path.
     */
    static final String EXECUTOR_JAVA_OPTIONS = buildProperty("deepmod.java.options");
    private static final String EXTRA_JAVA_OPTIONS = "spark.executor.extraJavaOptions";
    /**
     * Where an executor in a YARN container extracts libtorch: the container's own working folder ({{PWD}} is
     * expanded by the NodeManager). The driver's cache path means nothing on the cluster's nodes, and the user
     * YARN runs containers as may not write there; YARN deletes the folder with the container.
     */
    static final String YARN_CONTAINER_DJL_CACHE = "{{PWD}}/djl.ai";

    private SweepSession() {
    }

    /** One of the JVM flags the build wrote from pom.xml (see {@link #JVM_FLAGS_RESOURCE}). */
    static String buildProperty(String key) {
        Properties flags = new Properties();
        try (InputStream in = SweepSession.class.getResourceAsStream(JVM_FLAGS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(JVM_FLAGS_RESOURCE + " is not on the class path: build with Maven");
            }
            flags.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = flags.getProperty(key);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException(JVM_FLAGS_RESOURCE + ": no value for " + key + " (got " + value + ")");
        }
        return value.trim();
    }

    /** {@code settings} are {@code key=value} pairs (--conf) and win over every default here. */
    public static SparkSession create(String appName, String master, List<String> settings) {
        return SparkSession.builder().config(conf(appName, master, settings)).getOrCreate();
    }

    /** The Hadoop settings the session will have ({@code spark.hadoop.*}), for checking data paths before it starts. */
    public static org.apache.hadoop.conf.Configuration hadoopConf(SparkConf conf) {
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        for (scala.Tuple2<String, String> kv : conf.getAllWithPrefix("spark.hadoop.")) {
            hadoop.set(kv._1(), kv._2());
        }
        return hadoop;
    }

    public static SparkConf conf(String appName, String master, List<String> settings) {
        return conf(appName, master, settings, System.getenv());
    }

    /** @param environment where SPARK_LOCAL_IP and _SPARK_AUTH_SECRET are looked up (see {@link ClusterSecurity}) */
    static SparkConf conf(String appName, String master, List<String> settings, Map<String, String> environment) {
        SparkConf conf = new SparkConf(); // loads spark.* system properties, as spark-submit sets them
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--conf " + s + ": expected key=value");
            }
            conf.set(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        if (master != null) {
            checkMaster(master);
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.app.name", appName);
        String m = conf.get("spark.master");
        if (m.startsWith("local")) {
            // an embedded Spark talks to itself only: keep it off the network
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        // bounded waits on HDFS in the driver and in every executor (the user's spark.hadoop.* wins)
        HadoopTimeouts.DEFAULTS.forEach((key, value) -> conf.setIfMissing("spark.hadoop." + key, value));
        conf.setIfMissing("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE");
        conf.setIfMissing("spark.executorEnv.DJL_CACHE_DIR", m.equals("yarn") ? YARN_CONTAINER_DJL_CACHE : djlCacheDir());
        // training steps allocate MB-sized tensors: keep them in glibc's heap, not mapped and unmapped each step
        conf.setIfMissing("spark.executorEnv.MALLOC_MMAP_THRESHOLD_", "268435456");
        conf.setIfMissing("spark.executorEnv.MALLOC_TRIM_THRESHOLD_", "1073741824");
        conf.setIfMissing("spark.executorEnv.MALLOC_TOP_PAD_", "67108864");
        String options = conf.get(EXTRA_JAVA_OPTIONS, "");
        if (!options.contains("ai.djl.offline")) {
            conf.set(EXTRA_JAVA_OPTIONS, (options + " " + EXECUTOR_JAVA_OPTIONS).trim());
        }
        // a run reads nothing an executor holds, and the report's tables are a few small files: waiting 3 s per
        // locality level for a node-local slot only slows the stages (on YARN over HDFS, tens of seconds a sweep)
        conf.setIfMissing("spark.locality.wait", "0s");
        // progress comes from our own listener; Spark's console bar would interleave with it
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // the results table has one row per run: a handful of shuffle partitions is plenty
        conf.setIfMissing("spark.sql.shuffle.partitions", "4");
        ClusterSecurity.apply(conf, environment);
        if (m.equals("yarn")) {
            checkYarnHasSparksJars(conf, environment);
        }
        if (needsApplicationJar(conf)) {
            conf.set("spark.jars", applicationJar(m));
        }
        return conf;
    }

    private static final java.util.regex.Pattern MASTERS = java.util.regex.Pattern.compile(
            "local|local\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?]|local-cluster\\[[1-9]\\d*,\\s*[1-9]\\d*,\\s*[1-9]\\d*]"
                    + "|spark://.+|k8s://.+|yarn");

    /** Spark answered {@code local[0]} or {@code local[abc]} with a stack trace. */
    static void checkMaster(String master) {
        if (!MASTERS.matcher(master.trim()).matches()) {
            throw new BadInputException("--master " + master + ": expected local, local[N] (N at least 1), local[*], "
                    + "local[N,F], local-cluster[N,C,MB], spark://HOST:PORT, k8s://URL or yarn");
        }
    }

    /**
     * YARN's containers get Spark's own jars from spark.yarn.jars or spark.yarn.archive, else from a zip of
     * $SPARK_HOME/jars that the client uploads at every submission. bin/deepmod runs without a SPARK_HOME, and
     * Spark's YARN client then failed after the sweep's checks with "Library directory ... does not exist".
     */
    private static void checkYarnHasSparksJars(SparkConf conf, Map<String, String> environment) {
        if (!conf.contains("spark.yarn.jars") && !conf.contains("spark.yarn.archive")
                && environment.get("SPARK_HOME") == null) {
            throw new BadInputException("--master yarn: the containers need Spark's jars (the driver's Spark "
                    + "version, Scala 2.13): --conf spark.yarn.jars='local:/path/to/spark/jars/*' where every node has "
                    + "them, or spark.yarn.archive, or set SPARK_HOME (docs/deployment.md, YARN)");
        }
    }

    /** Executor JVMs of a cluster need our classes unless spark-submit or the caller arranged them. */
    private static boolean needsApplicationJar(SparkConf conf) {
        String m = conf.get("spark.master");
        boolean ownJvm = m.startsWith("local") && !m.startsWith("local-cluster");
        return !ownJvm && !conf.contains("spark.jars") && !conf.contains("spark.executor.extraClassPath");
    }

    /** The shaded jar: the one these classes were loaded from, or the build's under $DEEPMOD_HOME/target. */
    private static String applicationJar(String master) {
        File source = new File(SweepSession.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        if (source.isFile() && source.getName().endsWith("-all.jar")) {
            return source.getAbsolutePath();
        }
        Path target = Path.of(System.getenv().getOrDefault("DEEPMOD_HOME", "."), "target");
        String jar = findApplicationJar(target).orElseThrow(() -> new BadInputException("--master " + master
                + ": the executors need the application jar; build it with 'mvn -B -DskipTests package' "
                + "(target/deepmod-spark-*-all.jar), or submit with jobs/submit.sh"));
        if (source.isDirectory() && isOlderThanClasses(Path.of(jar), source.toPath())) {
            // executors would run other code than the driver validated the runs with
            throw new BadInputException("--master " + master + ": " + jar + " is older than the compiled classes; "
                    + "rebuild it with 'mvn -B -DskipTests package'");
        }
        return jar;
    }

    static boolean isOlderThanClasses(Path jar, Path classes) {
        try (var files = Files.walk(classes)) {
            long built = Files.getLastModifiedTime(jar).toMillis();
            return files.filter(p -> p.toString().endsWith(".class")).anyMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis() > built;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static Optional<String> findApplicationJar(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("deepmod-spark-.*-all\\.jar"))
                    .map(p -> p.toAbsolutePath().toString()).findFirst();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static String djlCacheDir() {
        String dir = System.getenv("DJL_CACHE_DIR");
        if (dir == null) {
            dir = System.getProperty("DJL_CACHE_DIR");
        }
        return dir != null ? dir : System.getProperty("user.home") + "/.djl.ai";
    }
}
