package org.deepmod.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "a sweep on Spark (local[*] when no master is given). (Not built yet.)")
public final class SweepCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        System.err.println("deepmod sweep: not built yet");
        return Main.EXIT_BAD_INPUT;
    }
}
