package org.deepmod;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A PrintStream whose text can be read back (a driver's progress, a lock's warnings). */
public final class CapturedOutput {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    public final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
