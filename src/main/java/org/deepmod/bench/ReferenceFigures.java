package org.deepmod.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The Python reference's measured figures (reference-figures.properties beside this class, from
 * docs/reference-baseline.md), printed by the benchmarks beside their own: one file holds them, with their
 * source, instead of numbers written into the benchmarks' output lines.
 */
public final class ReferenceFigures {
    private static final Properties FIGURES = load();

    private ReferenceFigures() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ReferenceFigures.class.getResourceAsStream("reference-figures.properties")) {
            if (in == null) {
                throw new IllegalStateException("reference-figures.properties is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The figure under {@code key}, if the reference was measured there. */
    public static Optional<Double> of(String key) {
        String value = FIGURES.getProperty(key);
        return value == null ? Optional.empty() : Optional.of(Double.parseDouble(value.strip()));
    }

    /** A figure the benchmarks always print. */
    public static double require(String key) {
        return of(key).orElseThrow(() -> new IllegalStateException("no reference figure " + key));
    }
}
