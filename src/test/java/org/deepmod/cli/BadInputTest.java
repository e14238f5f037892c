package org.deepmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deepmod.config.SweepFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that YAML, Jackson or an option would otherwise accept silently, each through the command line:
 * the exit code, and one line of error that names the file and line, the config path or the option. Nothing
 * trains and no stack trace is printed.
 */
class BadInputTest {
    /** A run config file's text for {@code run}, placed in bad.yaml. */
    private static Arguments run(String title, String yaml, List<String> options, String expected) {
        return Arguments.of(title, "run", yaml, options, expected);
    }

    /** A sweep file's text for {@code sweep}, placed in sweep.yaml beside an empty run.yaml. */
    private static Arguments sweep(String title, String yaml, List<String> options, String expected) {
        return Arguments.of(title, "sweep", yaml, options, expected);
    }

    static Stream<Arguments> cases() {
        String tiny = SweepFiles.tiny("axes: {noise: [0.0, 0.1]}\n");
        int tinyLines = (int) tiny.lines().count();
        return Stream.of(
                run("a key given twice", "noise: 0.1\nsamples: 300\nnoise: 0.2\n", List.of(),
                        "bad.yaml:3: noise: the key is given twice in one mapping"),
                run("a nested key given twice", "samples: 300\nnetwork:\n  hidden: [16]\n  hidden: [8]\n", List.of(),
                        "bad.yaml:4: network.hidden: the key is given twice"),
                run("a seed beyond 64 bits", "seed: 100000000000000000000\n", List.of(),
                        "bad.yaml:1: seed: 100000000000000000000 is out of range"),
                run("a whole number beyond 64 bits in a list", "network: {hidden: [16, 99999999999999999999]}\n",
                        List.of(), "bad.yaml:1: network.hidden[1]: 99999999999999999999 is out of range"),
                run("a number beyond a double", "samples: 300\nnoise: 1.0e999\n", List.of(),
                        "bad.yaml:2: noise: 1.0e999 is out of range"),
                run("a second document", "noise: 0.1\n---\nnoise: 0.2\n", List.of(),
                        "bad.yaml:3: a second YAML document"),
                run("an empty file", "", List.of(), "bad.yaml: the file is empty"),
                run("a file of comments only", "# noise: 0.1\n", List.of(), "bad.yaml: the file is empty"),
                run("split 1.0 (no test set)", "split: 1.0\n", List.of(), "split: 1.0 is out of range [0.05, 1)"),
                run("split above 1", "split: 1.5\n", List.of(), "split: 1.5 is out of range"),
                run("two samples", "samples: 2\n", List.of(), "samples: 2 is below the minimum of 100"),
                run("more samples than the grid has", "samples: 6000\n", List.of(),
                        "samples: 6000 is more than the 5000 points"),
                run("fewer training points than library terms", "samples: 100\nsplit: 0.1\n", List.of(),
                        "samples: 100 points with split 0.1 leave 10 training points for a library of 12 terms"),
                run("--set with no value", "samples: 300\n", List.of("--set", "noise="),
                        "--set noise=: no value after '='"),
                run("--set a seed beyond 64 bits", "samples: 300\n", List.of("--set", "seed=100000000000000000000"),
                        "--set seed=100000000000000000000: 100000000000000000000 is out of range"),
                run("--set split 1", "samples: 300\n", List.of("--set", "split=1"), "split: 1.0 is out of range"),
                run("a truth term the library cannot hold", "dataset: {type: file, path: data/burgers-pdefind.npz, "
                        + "truth: {u_xxxxx: 0.1}}\nsamples: 300\n", List.of(),
                        "dataset.truth.u_xxxxx: not a term of the library (its terms: "),
                run("a truth term with a typo", "dataset: {type: file, path: data/burgers-pdefind.npz, "
                        + "truth: {u_xx: 0.1, \"u*ux\": -1.0}}\nsamples: 300\n", List.of(),
                        "dataset.truth.u*ux: not a term of the library"),
                run("complex: other than real", "dataset: {type: file, path: data/burgers-pdefind.npz, "
                        + "complex: imaginary}\nsamples: 300\n", List.of(),
                        "dataset.complex: 'imaginary' is not one of [real]"),
                run("--set one path twice", "samples: 300\n", List.of("--set", "noise=0.1", "--set", "noise=0.2"),
                        "--set noise=0.2: noise is set twice (also --set noise=0.1)"),
                sweep("a name that leaves out/", SweepFiles.tiny("seeds: 2\n").replace("name: test", "name: ../escape"),
                        List.of(), "name: '../escape' is not a plain folder name"),
                sweep("--master local[0]", tiny, List.of("--master", "local[0]"), "--master local[0]: expected local"),
                sweep("--master local[abc]", tiny, List.of("--master", "local[abc]"),
                        "--master local[abc]: expected local"),
                sweep("a key given twice in a sweep", tiny.replace("axes: {noise: [0.0, 0.1]}",
                        "axes: {noise: [0.0], noise: [0.1]}"), List.of(),
                        "sweep.yaml:" + tinyLines + ": axes.noise: the key is given twice"),
                sweep("a seeds count beyond 64 bits", SweepFiles.tiny("seeds: 100000000000000000000\n"), List.of(),
                        "sweep.yaml:" + (tinyLines) + ": seeds: 100000000000000000000 is out of range"),
                sweep("a second document in a sweep", tiny + "---\nseeds: 3\n", List.of(),
                        "sweep.yaml:" + (tinyLines + 2) + ": a second YAML document"),
                sweep("an empty sweep file", "", List.of(), "sweep.yaml: the file is empty"),
                sweep("an empty base file", "base: run.yaml\naxes: {noise: [0.0]}\n", List.of(),
                        "run.yaml: the file is empty"),
                sweep("split 1.0 on an axis", SweepFiles.tiny("axes: {split: [0.8, 1.0]}\n"), List.of(),
                        "axes.split[1]: split: 1.0 is out of range [0.05, 1)"),
                sweep("two samples in set", SweepFiles.tiny("set: {samples: 2}\n"), List.of(),
                        "set.samples: samples: 2 is below the minimum of 100"),
                sweep("--limit -5", tiny, List.of("--limit", "-5"), "--limit -5: expected at least 1"),
                sweep("--limit 0", tiny, List.of("--limit", "0"), "--limit 0: expected at least 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedNamingThePlace(String title, String command, String yaml, List<String> options, String expected,
                                 @TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of(command));
        if (command.equals("run")) {
            args.add(Files.writeString(dir.resolve("bad.yaml"), yaml).toString());
        } else {
            Files.writeString(dir.resolve("run.yaml"), "");
            args.add(Files.writeString(dir.resolve("sweep.yaml"), yaml).toString());
        }
        args.addAll(options);
        args.addAll(List.of("--out", out.toString()));

        CommandLineTest.Result r = CommandLineTest.execute(args.toArray(String[]::new));

        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(expected), () -> "expected '" + expected + "' in:\n" + r.err());
        assertEquals(1, r.err().lines().count(), () -> "one line of error:\n" + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(out), "nothing ran");
    }
}
