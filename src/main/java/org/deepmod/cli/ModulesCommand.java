package org.deepmod.cli;

import java.util.concurrent.Callable;
import org.deepmod.config.Modules;
import picocli.CommandLine.Command;

/** {@code deepmod modules}: every registered approximator, library, estimator and constraint, with parameters. */
@Command(name = "modules", mixinStandardHelpOptions = true,
        description = "Lists every registered approximator, library, estimator and constraint (built-in and from "
                + "jars on the classpath) with its parameters and defaults.")
final class ModulesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.print(Modules.describe());
        return Main.EXIT_OK;
    }
}
