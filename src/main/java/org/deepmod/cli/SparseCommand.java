package org.deepmod.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "sparse", mixinStandardHelpOptions = true,
        description = "fit one sparse estimator to a given library; JSON out. (Not built yet.)")
public final class SparseCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        System.err.println("deepmod sparse: not built yet");
        return Main.EXIT_BAD_INPUT;
    }
}
