package org.deepmod.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One axis of a sweep: a run-config path ({@code noise}, {@code estimator.threshold}, {@code network.hidden})
 * and the values it takes, remembered with where they stand in the sweep file ({@code axes.noise},
 * {@code axes.zip.network.hidden}, {@code seeds}) so that a bad value can be named by its place in the file.
 */
public record SweepAxis(String path, String location, List<JsonNode> values) {

    /** The seed axis: configurations are everything but the seed (the seed is what repeats a configuration). */
    public static final String SEED = "seed";

    public SweepAxis {
        values = List.copyOf(values);
    }

    /** Where value {@code i} stands in the sweep file: {@code axes.noise[2]}. */
    public String locationOf(int i) {
        return location + "[" + i + "]";
    }
}
