package org.deepmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's help is picocli's format string: a bare percent sign in a description makes picocli print a
 * warning and the raw text, %n and all, instead of the help.
 */
class HelpTextTest {
    static Stream<String> commands() {
        return Main.commandLine().getSubcommands().keySet().stream().filter(name -> !name.equals("help"));
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void helpIsFormattedWithoutWarnings(String command) {
        CliRun help = CliRun.of(command, "--help");
        assertEquals(0, help.code(), help.err());
        assertFalse(help.err().contains("picocli WARN"), help.err());
        assertFalse(help.out().contains("%n"), help.out());
    }
}
