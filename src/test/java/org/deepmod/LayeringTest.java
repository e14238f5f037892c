package org.deepmod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packages form layers, lowest first; a class may use its own package and the layers below it, never one
 * above or beside it. The engine (sparse … training) knows nothing of configs, results, reports or Spark; a
 * sweep's results are Spark-free, so the report reads them without Spark. The SIMD kernels (nn.kernel) sit
 * below the jet API (nn) that drives them, so they know nothing of it. A strict order admits no cycle.
 */
class LayeringTest {
    /**
     * Each package's layer; a subpackage is in its parent's unless it has a layer of its own (nn.kernel). The
     * root package (BadInputException) is below all.
     */
    static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("sparse", 0), Map.entry("storage", 0),
            Map.entry("data", 1), Map.entry("modules", 1),
            Map.entry("nn.kernel", 2),
            Map.entry("nn", 3),
            Map.entry("library", 4),
            Map.entry("constraint", 5),
            Map.entry("training", 6),
            Map.entry("config", 7),
            Map.entry("experiment", 8),
            Map.entry("results", 9),
            Map.entry("report", 10),
            Map.entry("spark", 11),
            Map.entry("bench", 12),
            Map.entry("cli", 13));

    /** The package path below org.deepmod ("nn.kernel", "report.sweep"). */
    private static final Pattern PACKAGE =
            Pattern.compile("^package org\\.deepmod\\.([a-z0-9]+(?:\\.[a-z0-9]+)*)", Pattern.MULTILINE);
    /**
     * A use of a package: its lower-case path before a class name or the * of an import (not the file's own
     * package line, which would otherwise read as a use of its parent).
     */
    private static final Pattern REFERENCE =
            Pattern.compile("\\borg\\.deepmod\\.([a-z0-9]+(?:\\.[a-z0-9]+)*)\\.[A-Z*]");
    private static final Pattern COMMENT = Pattern.compile("//[^\n]*|/\\*[\\s\\S]*?\\*/");

    /** Every use of a package at or above the user's layer (other than its own), as "file: uses package". */
    static List<String> violations(String file, String source) {
        Matcher own = PACKAGE.matcher(source);
        if (!own.find()) {
            return List.of(); // the root package
        }
        String from = unit(own.group(1));
        Integer layer = LAYERS.get(from);
        if (layer == null) {
            return List.of(file + ": package " + own.group(1) + " has no layer in LayeringTest.LAYERS");
        }
        List<String> found = new ArrayList<>();
        Matcher use = REFERENCE.matcher(COMMENT.matcher(source).replaceAll(""));
        while (use.find()) {
            String to = unit(use.group(1));
            Integer target = LAYERS.get(to);
            if (!to.equals(from) && (target == null || target >= layer)) {
                String v = file + ": " + from + " uses " + to;
                if (!found.contains(v)) {
                    found.add(v);
                }
            }
        }
        return found;
    }

    /** The package of LAYERS a package path belongs to: itself or its closest ancestor listed there. */
    static String unit(String path) {
        for (String p = path; ; p = p.substring(0, p.lastIndexOf('.'))) {
            if (LAYERS.containsKey(p) || p.indexOf('.') < 0) {
                return p;
            }
        }
    }

    @Test
    void noMainClassUsesAPackageAtOrAboveItsLayer() throws IOException {
        Path root = Path.of("src/main/java/org/deepmod");
        Map<String, List<String>> byFile = new TreeMap<>();
        int files;
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
            files = sources.size();
            for (Path p : sources) {
                List<String> v = violations(root.relativize(p).toString(), Files.readString(p));
                if (!v.isEmpty()) {
                    byFile.put(p.toString(), v);
                }
            }
        }
        assertTrue(files > 100, "the walk found the sources (" + files + ")");
        assertEquals(Map.of(), byFile, "imports that break the layering (README, Layout)");
    }

    @ParameterizedTest(name = "{0} using {1}: allowed {2}")
    @CsvSource({
            "report, spark, false",     // the report reads results, never Spark
            "training, experiment, false",
            "config, experiment, false", // parsing a config never runs one
            "nn, library, false",
            "library, nn, true",
            "spark, report, true",
            "results, report, false",
            "data, storage, true",
            "storage, data, false",
            "sparse, storage, false",   // same layer, other package: neither may lean on the other
            "nn.kernel, nn, false",     // the kernels know nothing of the jet API that drives them
            "nn.kernel, training, false",
            "nn.kernel, cli, false",
            "nn, nn.kernel, true",
            "nn.kernel, nn.kernel, true",
            "report.sweep, report, true", // a subpackage without a layer of its own is its parent's
            "report.sweep, spark, false",
    })
    void theRuleCatchesAForbiddenUse(String from, String to, boolean allowed) {
        String source = "package org.deepmod." + from + ";\n\nimport org.deepmod." + to + ".Something;\n"
                + "// org.deepmod.cli.Main in a comment is not a use\nclass X {}\n";
        assertEquals(allowed, violations("X.java", source).isEmpty(), violations("X.java", source).toString());
    }

    @Test
    void aFullyQualifiedUseCountsAsAnImport() {
        String source = "package org.deepmod.report;\nclass X { org.deepmod.spark.SweepJob job; }\n";
        assertEquals(List.of("X.java: report uses spark"), violations("X.java", source));
        String kernel = "package org.deepmod.nn.kernel;\nclass X { org.deepmod.nn.Partial p; }\n";
        assertEquals(List.of("X.java: nn.kernel uses nn"), violations("X.java", kernel));
    }
}
