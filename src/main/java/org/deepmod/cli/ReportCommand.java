package org.deepmod.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "(re)build the report of a results folder. (Not built yet.)")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        System.err.println("deepmod report: not built yet");
        return Main.EXIT_BAD_INPUT;
    }
}
