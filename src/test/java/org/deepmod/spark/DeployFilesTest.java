package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.spark.resource.ResourceInformation;
import org.deepmod.config.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** deploy/: the GPU discovery script against a stand-in nvidia-smi, and the settings files Spark reads. */
class DeployFilesTest {
    private static final Path DEPLOY = SparkTests.PROJECT.resolve("deploy");

    @TempDir
    Path bin;

    private record Result(int exit, String out, String err) {
    }

    /** Runs deploy/gpu-discovery.sh with only this folder (a stand-in nvidia-smi, and tr) on PATH. */
    private Result discover() throws IOException, InterruptedException {
        Files.createSymbolicLink(bin.resolve("tr"), Path.of("/usr/bin/tr").toRealPath());
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", DEPLOY.resolve("gpu-discovery.sh").toString())
                .redirectOutput(bin.resolve("out.txt").toFile()).redirectError(bin.resolve("err.txt").toFile());
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), Files.readString(bin.resolve("out.txt")), Files.readString(bin.resolve("err.txt")));
    }

    private void standInNvidiaSmi(String script) throws IOException {
        Path smi = bin.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/bash\n" + script + "\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @ParameterizedTest(name = "nvidia-smi printing {0} lines gives {1}")
    @CsvSource(delimiter = '|', value = {
        "'0'           | 0",
        "'0\\n1\\n2\\n3' | 0,1,2,3",
        "' 0 \\n 1 \\n'  | 0,1",
        "''            | ''"})
    void printsSparksResourceJsonFromNvidiaSmi(String lines, String addresses) throws Exception {
        standInNvidiaSmi("[ \"$1 $2\" = \"--query-gpu=index --format=csv,noheader\" ] || exit 3\nprintf '"
                + lines + "'");
        Result r = discover();
        assertEquals(0, r.exit(), r.err());
        ResourceInformation gpu = ResourceInformation.parseJson(r.out().trim()); // as an executor would read it
        assertEquals("gpu", gpu.name());
        assertEquals(addresses.isEmpty() ? List.of() : List.of(addresses.split(",")), List.of(gpu.addresses()));
    }

    @Test
    void failsWithTheReasonWhenNvidiaSmiIsMissingOrFails() throws Exception {
        Result missing = discover();
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("nvidia-smi is not on PATH"), missing.err());

        standInNvidiaSmi("echo 'NVIDIA-SMI has failed' >&2; exit 9");
        Files.delete(bin.resolve("tr"));
        Result failing = discover();
        assertEquals(1, failing.exit());
        assertTrue(failing.err().contains("nvidia-smi --query-gpu=index failed"), failing.err());
    }

    /** deploy/spark-defaults.conf as Spark reads it (a Java properties file). */
    private static Properties sparkDefaults() throws IOException {
        Properties conf = new Properties();
        try (Reader in = Files.newBufferedReader(DEPLOY.resolve("spark-defaults.conf"), StandardCharsets.UTF_8)) {
            conf.load(in);
        }
        return conf;
    }

    @Test
    void sparkDefaultsAskForFractionalGpusAndDjlOffline() throws IOException {
        Properties conf = sparkDefaults();
        double executorGpus = Double.parseDouble(conf.getProperty("spark.executor.resource.gpu.amount"));
        double taskGpus = Double.parseDouble(conf.getProperty("spark.task.resource.gpu.amount"));
        int cores = Integer.parseInt(conf.getProperty("spark.executor.cores"));
        assertTrue(taskGpus > 0 && taskGpus < 1, "runs share a GPU");
        assertEquals(cores, (int) Math.round(executorGpus / taskGpus), "as many runs per GPU as cores");
        assertTrue(conf.getProperty("spark.executor.resource.gpu.discoveryScript").endsWith("/deploy/gpu-discovery.sh"));
        assertTrue(conf.getProperty("spark.executor.extraJavaOptions").contains("-Dai.djl.offline=true"));
        assertEquals("PASSIVE", conf.getProperty("spark.executorEnv.OMP_WAIT_POLICY"));
    }

    /** deploy/ cannot read pom.xml: the executors' Java options it gives are held to the ones the build writes. */
    @Test
    void sparkDefaultsGiveExecutorsTheBuildsJavaOptions() throws IOException {
        assertEquals(SweepSession.EXECUTOR_JAVA_OPTIONS, sparkDefaults().getProperty("spark.executor.extraJavaOptions"));
    }

    /** Authenticated and encrypted, the secret not in the file, and no driver UI open to the cluster network. */
    @Test
    void sparkDefaultsSecureTheClusterWithoutHoldingTheSecret() throws IOException {
        Properties conf = sparkDefaults();
        assertEquals("true", conf.getProperty("spark.authenticate"));
        assertEquals(null, conf.getProperty("spark.authenticate.secret"), "a secret is never committed");
        assertTrue(conf.getProperty("spark.authenticate.secret.file").startsWith("/"));
        assertEquals("true", conf.getProperty("spark.network.crypto.enabled"));
        assertEquals("true", conf.getProperty("spark.io.encryption.enabled"));
        assertEquals("false", conf.getProperty("spark.ui.enabled"));
        assertEquals("false", conf.getProperty("spark.master.rest.enabled"), "it would take submits without the secret");
    }

    /** standalone-start.sh stops before starting anything when the secret could be known to other users. */
    @ParameterizedTest(name = "secret file {0}")
    @CsvSource(delimiter = '|', value = {
        "readable by others | rw-r--r-- | can be read by other users; chmod 600 it",
        "missing            | ''        | is missing or empty"})
    void standaloneStartRefusesASecretOthersCouldRead(String title, String mode, String expected) throws Exception {
        Path secret = bin.resolve("secret");
        if (!mode.isEmpty()) {
            Files.writeString(secret, "s3cr3t");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString(mode));
        }
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", DEPLOY.resolve("standalone-start.sh").toString())
                .redirectErrorStream(true).redirectOutput(bin.resolve("out.txt").toFile());
        pb.environment().put("DEEPMOD_SPARK_RUN", bin.resolve("run").toString());
        pb.environment().put("SPARK_AUTH_SECRET_FILE", secret.toString());
        pb.environment().put("MASTER_PORT", Integer.toString(SparkTests.freePort()));
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = Files.readString(bin.resolve("out.txt"));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains(secret + " " + expected), out);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(bin.resolve("run"))));
        assertTrue(!Files.exists(bin.resolve("run/master.pid")), "nothing started");
    }

    @Test
    void theExecutorPodTemplateSetsPassiveOpenMpAndADjlCache() {
        JsonNode pod = ConfigFiles.read(DEPLOY.resolve("k8s/executor-pod-template.yaml"));
        assertEquals("Pod", pod.get("kind").asText());
        JsonNode container = pod.get("spec").get("containers").get(0);
        assertTrue(container.get("env").toString().contains("{\"name\":\"OMP_WAIT_POLICY\",\"value\":\"PASSIVE\"}"));
        assertEquals(container.get("volumeMounts").get(0).get("name"), pod.get("spec").get("volumes").get(0).get("name"));
    }
}
