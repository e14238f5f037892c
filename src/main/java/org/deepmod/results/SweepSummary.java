package org.deepmod.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deepmod.training.RunStatus;

/**
 * What a sweep found, per configuration (all axes but the seed): runs and their statuses, how often the
 * right terms were found (with a Wilson 95 % interval), per field and term the selection frequency and the
 * spread of the coefficient over the runs that selected it, the consensus equation, iterations and seconds;
 * across a noise axis, up to which noise each combination of the other axes holds. Written as
 * {@code summary.json}, printed as tables and drawn by the report. {@link SweepAggregation} computes it.
 *
 * @param consensusThreshold the fraction of finished runs a term needs to enter the consensus equation
 * @param terms              the library's terms in library order
 * @param holdsUpTo          per combination of the axes other than noise (empty without a noise axis or truth)
 */
public record SweepSummary(String name, String output, int planned, int withResults, int failed, List<String> axes,
                           double consensusThreshold, List<String> terms, List<Configuration> configurations,
                           List<NoiseLimit> holdsUpTo) {

    /** The statuses a run ends with, in the order tables show them. */
    public static final List<String> STATUSES = RunStatus.NAMES;

    /**
     * @param statuses       runs per status (every one of {@link #STATUSES}, 0 when none)
     * @param correct        runs whose selected terms are exactly the true ones in every field (null: no truth)
     * @param successRate    correct / runs, failed runs counting as not found (null: no truth known)
     * @param successInterval Wilson 95 % interval of the success rate
     * @param iterations     over the runs that trained (all but FAILED); null when none did
     * @param fields         per field (u, v, ...) of the runs' equations
     */
    public record Configuration(String configuration, Map<String, String> axes, int runs, int failed,
                                Map<String, Integer> statuses, Integer correct, Double successRate,
                                Interval successInterval, Spread iterations, Spread seconds,
                                List<FieldStatistics> fields) {

        /** The statistics of one field (u, v), or null. */
        public FieldStatistics field(String name) {
            return fields.stream().filter(f -> f.field().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * @param finished    runs with a mask for this field (all but FAILED): the denominator of the frequencies
     * @param truth       the true coefficients by term (null: unknown)
     * @param correct     runs whose selected terms of this field are exactly its true ones (null: no truth)
     * @param successRate correct / runs of the configuration (failed runs count as not found)
     * @param consensus   null when no run finished
     */
    public record FieldStatistics(String field, int finished, Map<String, Double> truth, Integer correct,
                                  Double successRate, Interval successInterval, List<TermStatistics> terms,
                                  Consensus consensus) {

        public TermStatistics term(String name) {
            return terms.stream().filter(t -> t.term().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * One term of one field. The coefficient statistics (in the data's units) are over the runs that selected
     * the term, null when none did; {@code sd} is the sample standard deviation (null for fewer than 2 runs);
     * {@code p5} and {@code p95} are percentiles interpolated linearly between ranks, as numpy's default.
     *
     * @param medianError |median − truth| / |truth| for a true term (null otherwise or when never selected)
     */
    public record TermStatistics(String term, int selected, double frequency, Interval frequencyInterval, Double mean,
                                 Double sd, Double median, Double p5, Double p95, Double truth, Double medianError) {
    }

    /**
     * The equation the runs agree on: the terms selected in at least the threshold's fraction of the finished
     * runs, with their median coefficients.
     *
     * @param correctSupport its terms are exactly the true ones (null: no truth)
     * @param errors         per true term, |median − truth| / |truth| (1 for a true term it lacks)
     */
    public record Consensus(List<String> terms, List<Double> coefficients, String equation, Boolean correctSupport,
                            Map<String, Double> errors) {
    }

    /** A 95 % interval. */
    public record Interval(double low, double high) {
    }

    /** Median, 5th and 95th percentile and mean of a quantity over runs. */
    public record Spread(double median, double p5, double p95, double mean) {
    }

    /**
     * The highest noise level at which the success rate is still at least 0.9 (and 0.5) at that level and every
     * lower one, for one combination of the other axes; null when the lowest level is already below.
     */
    public record NoiseLimit(String axis, Map<String, String> others, Double holds90, Double holds50) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

    /** The fields any configuration has, in first-seen order (u before v). */
    public List<String> fields() {
        List<String> out = new ArrayList<>();
        for (Configuration c : configurations) {
            for (FieldStatistics f : c.fields()) {
                if (!out.contains(f.field())) {
                    out.add(f.field());
                }
            }
        }
        return out;
    }

    /** The terminal table: one line per configuration, a column per term selected at least once (per field). */
    public String table() {
        int width = "configuration".length();
        for (Configuration c : configurations) {
            width = Math.max(width, c.configuration().length());
        }
        List<String> fields = fields();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "sweep %s: %d of %d runs with a result, %d failed%n", name, withResults,
                planned, failed));
        for (String field : fields) {
            List<String> shown = new ArrayList<>();
            List<String> never = new ArrayList<>();
            for (String term : terms) {
                boolean selected = configurations.stream().map(c -> c.field(field)).anyMatch(
                        f -> f != null && f.term(term) != null && f.term(term).selected() > 0);
                (selected ? shown : never).add(term);
            }
            if (fields.size() > 1) {
                sb.append("field ").append(field).append(System.lineSeparator());
            }
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
                FieldStatistics f = c.field(field);
                Integer correct = fields.size() > 1 ? (f == null ? null : f.correct()) : c.correct();
                String success = correct == null ? "-"
                        : String.format(Locale.ROOT, "%d/%d %3.0f%%", correct, c.runs(), 100.0 * correct / c.runs());
                sb.append(String.format(Locale.ROOT, "%-" + width + "s %5d %6d %11s", c.configuration(), c.runs(),
                        c.failed(), success));
                for (String term : shown) {
                    TermStatistics t = f == null ? null : f.term(term);
                    sb.append(' ').append(String.format(Locale.ROOT, "%" + termWidth + "s",
                            t == null ? "-" : String.format(Locale.ROOT, "%.2f", t.frequency())));
                }
                sb.append(System.lineSeparator());
            }
            if (!never.isEmpty()) {
                sb.append("never selected: ").append(String.join(", ", never)).append(System.lineSeparator());
            }
        }
        sb.append("success: runs that found exactly the true terms; columns: how often each term was selected");
        return sb.toString();
    }

    /** The consensus equation of every configuration and field beside the truth, with coefficient errors. */
    public String consensusTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "consensus (terms selected in at least %.0f%% of the finished runs, "
                + "median coefficients):%n", 100 * consensusThreshold));
        for (Configuration c : configurations) {
            if (c.fields().isEmpty()) {
                sb.append("  ").append(c.configuration()).append(": no finished run").append(System.lineSeparator());
            }
            for (FieldStatistics f : c.fields()) {
                sb.append("  ").append(c.configuration());
                if (c.fields().size() > 1) {
                    sb.append(" [").append(f.field()).append(']');
                }
                sb.append(": ");
                if (f.consensus() == null) {
                    sb.append("no finished run").append(System.lineSeparator());
                    continue;
                }
                sb.append(f.consensus().equation());
                if (f.consensus().correctSupport() != null) {
                    sb.append(f.consensus().correctSupport() ? "   (the true terms" : "   (NOT the true terms");
                    if (!f.consensus().errors().isEmpty()) {
                        StringBuilder errors = new StringBuilder();
                        f.consensus().errors().forEach((term, e) -> errors.append(errors.length() == 0 ? "" : ", ")
                                .append(term).append(String.format(Locale.ROOT, " %.1f%%", 100 * e)));
                        sb.append("; errors ").append(errors);
                    }
                    sb.append(')');
                }
                sb.append(System.lineSeparator());
            }
        }
        return sb.toString().stripTrailing();
    }
}
