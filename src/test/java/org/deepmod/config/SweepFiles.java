package org.deepmod.config;

/** Sweep files for tests: a tiny Burgers base (seconds per run) and helpers to wrap axes around it. */
public final class SweepFiles {
    private SweepFiles() {
    }

    /** A Burgers run small enough for tests: 2 × 16 tanh, 300 samples, 100 iterations, a mask every 50. */
    public static final String TINY_BASE = """
            base:
              name: tiny-burgers
              dataset: {type: burgers-delta, t: {start: 0.5, stop: 5.0, count: 20}, x: {start: -3.0, stop: 4.0, count: 40}}
              noise: 0.05
              samples: 300
              network: {hidden: [16, 16]}
              library: {poly: 2, diff: 2}
              estimator: {name: threshold, threshold: 0.1}
              scheduler: {type: periodic, periodicity: 50}
              training: {maxIterations: 100, writeIterations: 25}
            """;

    public static SweepConfig parse(String yaml) {
        return SweepConfig.parse(ConfigFiles.parse(yaml, "sweep.yaml"), "sweep.yaml", "sweep", null);
    }

    public static SweepPlan plan(String yaml) {
        return SweepPlan.expand(parse(yaml));
    }

    /** The tiny base with these axes (YAML text placed at the top level). */
    public static String tiny(String rest) {
        return "name: test\n" + TINY_BASE + rest;
    }
}
