package org.deepmod.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "one DeepMoD run; prints the discovered equation. (Not built yet.)")
public final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        System.err.println("deepmod run: not built yet");
        return Main.EXIT_BAD_INPUT;
    }
}
