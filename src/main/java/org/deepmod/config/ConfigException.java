package org.deepmod.config;

import java.util.List;
import org.deepmod.BadInputException;

/** A config with problems: every problem names its path in the file ({@code network.hidden[1]: ...}). */
public final class ConfigException extends BadInputException {
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(source + ": " + (problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
