package org.deepmod.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "benchmarks (ms per step, runs per hour). (Not built yet.)")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        System.err.println("deepmod bench: not built yet");
        return Main.EXIT_BAD_INPUT;
    }
}
