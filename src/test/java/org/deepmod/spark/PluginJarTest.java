package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.deepmod.config.SweepFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deepmod.training.RunStatus;

/**
 * A plug-in built outside the application: a constraint that fixes one term's coefficient (least squares for
 * the others), compiled from source at test time into a jar of its own with its service file. A sweep whose
 * axis varies the plug-in's parameter runs in a driver JVM and on local-cluster executor JVMs that have the jar
 * on their class paths (the test's own JVM has not): every run trains with it (none FAILED), its results name
 * the plug-in and the parameter's value in their configs and run ids, and the fixed coefficient is the value
 * wherever the term is selected, where least squares puts it elsewhere.
 */
class PluginJarTest {
    private static final String SOURCE = """
            package example;

            import ai.djl.ndarray.NDManager;
            import ai.djl.ndarray.types.DataType;
            import java.util.List;
            import org.deepmod.constraint.Constraint;
            import org.deepmod.constraint.ConstraintProvider;
            import org.deepmod.constraint.LeastSquares;
            import org.deepmod.library.Library;
            import org.deepmod.library.LibraryColumns;
            import org.deepmod.sparse.EstimatorParameter;
            import org.deepmod.sparse.EstimatorParameters;

            public final class FixCoefficient implements ConstraintProvider {
                public String type() {
                    return "fix-coefficient";
                }

                public String description() {
                    return "least squares with one term's coefficient fixed to a value";
                }

                public List<EstimatorParameter> parameters() {
                    return List.of(new EstimatorParameter("term", "u_xx", "the term whose coefficient is fixed"),
                            EstimatorParameter.number("value", "0.1", -100, 100, "its coefficient"));
                }

                public Constraint create(EstimatorParameters p, NDManager manager, Library library, DataType type,
                                         long seed) {
                    int fixed = library.termNames().indexOf(p.text("term"));
                    if (fixed < 0) {
                        throw new IllegalArgumentException("fix-coefficient: no term '" + p.text("term") + "'");
                    }
                    double value = p.number("value");
                    return new LeastSquares() {
                        @Override
                        public double[][] columnCoefficients(LibraryColumns host, boolean[][] masks) {
                            double[][] xi = super.columnCoefficients(host, masks);
                            for (int k = 0; k < xi.length; k++) {
                                if (masks[k][fixed]) {
                                    xi[k][fixed] = value;
                                }
                            }
                            return xi;
                        }
                    };
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aSweepOnExecutorJvmsUsesAPluginFromAJarOfItsOwn() throws Exception {
        Path jar = buildJar();
        Path sweep = SparkTests.write(dir, "sweep.yaml", SweepFiles.tiny("""
                axes: {constraint.value: [0.3, 0.7]}
                """).replace("  scheduler:", "  constraint: {type: fix-coefficient, term: u_xx}\n  scheduler:"));
        Path out = dir.resolve("out");
        Path log = dir.resolve("sweep.log");
        Path home = SparkTests.sparkHome();
        String executorClassPath = System.getProperty("java.class.path") + File.pathSeparator + jar;
        try (ChildJvm jvm = new ChildJvm()) {
            Process p = jvm.deepmodWithClassPath(log, List.of("-Dspark.testing=true", "-Dspark.test.home=" + home),
                    jar.toString(), "sweep", sweep.toString(), "--out", out.toString(),
                    "--master", "local-cluster[1,1,1024]",
                    "--conf", "spark.executor.extraClassPath=" + executorClassPath,
                    "--conf", "spark.executor.memory=900m");
            assertTrue(p.waitFor(900, java.util.concurrent.TimeUnit.SECONDS), "the sweep ends in time");
            assertEquals(0, p.exitValue(), Files.readString(log));
        }
        List<JsonNode> results = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(out.resolve("runs"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                results.add(json.readTree(f.toFile()));
            }
        }
        assertEquals(2, results.size());
        assertNotEquals(results.get(0).get("runId").asText(), results.get(1).get("runId").asText());
        List<Double> values = new ArrayList<>();
        int selected = 0;
        for (JsonNode r : results) {
            assertNotEquals(RunStatus.FAILED.name(), r.get("status").asText(), r.toString());
            JsonNode constraint = r.get("config").get("constraint");
            assertEquals("fix-coefficient", constraint.get("type").asText());
            assertEquals("u_xx", constraint.get("term").asText());
            double value = constraint.get("value").asDouble();
            values.add(value);
            int uxx = indexOf(r.get("terms"), "u_xx");
            if (r.get("mask").get(uxx).asBoolean()) {
                selected++;
                // least squares alone gives u_xx about 0.1 here (Burgers, nu = 0.1): the plug-in fixed it
                assertEquals(value, r.get("coefficients").get(uxx).asDouble(), 1e-6, r.toString());
            }
        }
        assertEquals(List.of(0.3, 0.7), values.stream().sorted().toList());
        assertTrue(selected > 0, "u_xx selected in some run: " + results);
    }

    private static int indexOf(JsonNode names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not among " + names);
    }

    /** The plug-in compiled against the application's classes, with its service file, in a jar of its own. */
    private Path buildJar() throws IOException {
        Path src = dir.resolve("src/example/FixCoefficient.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), src.toString());
        assertEquals(0, status, "the plug-in compiles");
        Path jar = dir.resolve("fix-coefficient.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.deepmod.constraint.ConstraintProvider"));
            OutputStream o = out;
            o.write("example.FixCoefficient\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
