package org.deepmod.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a sweep found, per configuration (all axes but the seed): runs, failures, how often the right terms
 * were found, and each term's selection frequency. Written as {@code summary.json} and printed as a table.
 *
 * @param terms the library's terms in library order (the columns of the frequencies)
 */
public record SweepSummary(String name, String output, int planned, int withResults, int failed, List<String> axes,
                           List<String> terms, List<Configuration> configurations) {

    /**
     * @param correct      runs whose selected terms are exactly the true ones (null: no truth known)
     * @param successRate  correct / runs, failed runs counting as not found (null: no truth known)
     * @param frequencies  per term, the fraction of the runs with a mask (all but FAILED) that selected it
     */
    public record Configuration(String configuration, Map<String, String> axes, int runs, int failed, Integer correct,
                                Double successRate, double meanSeconds, double meanIterations,
                                Map<String, Double> frequencies) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SweepSummary fromJson(String json) {
        try {
            return JSON.readValue(json, SweepSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a sweep summary: " + e.getOriginalMessage(), e);
        }
    }

    /** The terminal table: one line per configuration, a column per term selected at least once. */
    public String table() {
        List<String> shown = new ArrayList<>();
        List<String> never = new ArrayList<>();
        for (String term : terms) {
            boolean selected = configurations.stream().anyMatch(c -> c.frequencies().getOrDefault(term, 0.0) > 0);
            (selected ? shown : never).add(term);
        }
        int width = "configuration".length();
        for (Configuration c : configurations) {
            width = Math.max(width, c.configuration().length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "sweep %s: %d of %d runs with a result, %d failed%n", name, withResults,
                planned, failed));
        sb.append(String.format(Locale.ROOT, "%-" + width + "s %5s %6s %11s", "configuration", "runs", "failed",
                "success"));
        int termWidth = 5;
        for (String term : shown) {
            termWidth = Math.max(termWidth, term.length());
        }
        for (String term : shown) {
            sb.append(' ').append(String.format(Locale.ROOT, "%" + termWidth + "s", term));
        }
        sb.append(System.lineSeparator());
        for (Configuration c : configurations) {
            String success = c.successRate() == null ? "-"
                    : String.format(Locale.ROOT, "%d/%d %3.0f%%", c.correct(), c.runs(), 100 * c.successRate());
            sb.append(String.format(Locale.ROOT, "%-" + width + "s %5d %6d %11s", c.configuration(), c.runs(),
                    c.failed(), success));
            for (String term : shown) {
                Double f = c.frequencies().get(term);
                sb.append(' ').append(String.format(Locale.ROOT, "%" + termWidth + "s",
                        f == null ? "-" : String.format(Locale.ROOT, "%.2f", f)));
            }
            sb.append(System.lineSeparator());
        }
        sb.append("success: runs that found exactly the true terms; columns: how often each term was selected");
        if (!never.isEmpty()) {
            sb.append(System.lineSeparator()).append("never selected: ").append(String.join(", ", never));
        }
        return sb.toString();
    }
}
