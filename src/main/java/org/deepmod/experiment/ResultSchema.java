package org.deepmod.experiment;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.deepmod.training.RunStatus;

/**
 * What a result file must hold to be counted: a disk that filled up, an interrupted copy or a hand edit leaves
 * files that parse into nonsense ({@code {}} becomes a result with no status) or not at all. Checked when a
 * result is read, so that a bad file is set aside and its run trained again instead of crashing the
 * aggregation of every later sweep. Required: {@code runId} (the file's own, where the name says it),
 * {@code status} (one of {@link #STATUSES}), {@code iterations} and {@code seconds} (non-negative numbers);
 * a FAILED result a {@code reason}; any other result {@code terms} and a {@code mask} and {@code coefficients}
 * of the same length (so too {@code coefficientsNormalized}, {@code estimatorCoefficients} and each output's
 * arrays where present).
 */
public final class ResultSchema {
    public static final List<String> STATUSES = RunStatus.NAMES;
    /** Lenient on fields a later version adds; strict on the ones counted. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultSchema() {
    }

    /** A result file that cannot be counted, with the reason in one line. */
    public static final class InvalidResultException extends Exception {
        public InvalidResultException(String reason) {
            super(reason);
        }
    }

    /**
     * The result in these bytes, checked.
     *
     * @param expectedRunId the runId the file's name gives, or null (a run folder's result.json)
     */
    public static RunResult parse(byte[] bytes, String expectedRunId) throws InvalidResultException {
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidResultException("not JSON (" + firstLine(e) + ")");
        }
        List<String> problems = problems(tree, expectedRunId);
        if (!problems.isEmpty()) {
            throw new InvalidResultException(String.join("; ", problems));
        }
        try {
            return JSON.treeToValue(tree, RunResult.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidResultException("not a result (" + firstLine(e) + ")");
        }
    }

    /** Every problem of a parsed result, empty when it is valid. */
    public static List<String> problems(JsonNode tree, String expectedRunId) {
        List<String> problems = new ArrayList<>();
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            problems.add("empty");
            return problems;
        }
        if (!tree.isObject()) {
            problems.add("not a JSON object");
            return problems;
        }
        JsonNode runId = tree.path("runId");
        if (!runId.isTextual() || runId.asText().isEmpty()) {
            problems.add("runId: missing");
        } else if (expectedRunId != null && !runId.asText().equals(expectedRunId)) {
            problems.add("runId: " + runId.asText() + " is not the file's own (" + expectedRunId + ")");
        }
        JsonNode status = tree.path("status");
        if (!status.isTextual() || !STATUSES.contains(status.asText())) {
            problems.add("status: " + (status.isMissingNode() ? "missing" : status + " is not one of " + STATUSES));
        }
        nonNegative(tree, "iterations", true, problems);
        nonNegative(tree, "seconds", false, problems);
        if (RunStatus.FAILED.name().equals(status.asText())) {
            if (!tree.path("reason").isTextual()) {
                problems.add("reason: missing for a FAILED run");
            }
            return problems;
        }
        JsonNode terms = tree.path("terms");
        if (!terms.isArray() || terms.isEmpty() || !allOf(terms, JsonNode::isTextual)) {
            problems.add("terms: " + (terms.isMissingNode() ? "missing" : "expected a list of term names"));
            return problems;
        }
        int n = terms.size();
        sameLength(tree, "", "mask", n, true, BOOLEANS, problems);
        sameLength(tree, "", "coefficients", n, true, NUMBERS, problems);
        sameLength(tree, "", "coefficientsNormalized", n, false, NUMBERS, problems);
        sameLength(tree, "", "estimatorCoefficients", n, false, NUMBERS, problems);
        JsonNode outputs = tree.path("outputs");
        if (!outputs.isMissingNode() && !outputs.isNull()) {
            if (!outputs.isArray()) {
                problems.add("outputs: expected a list");
            } else {
                for (int k = 0; k < outputs.size(); k++) {
                    String where = "outputs[" + k + "].";
                    sameLength(outputs.get(k), where, "mask", n, true, BOOLEANS, problems);
                    sameLength(outputs.get(k), where, "coefficients", n, true, NUMBERS, problems);
                }
            }
        }
        return problems;
    }

    private static void nonNegative(JsonNode tree, String field, boolean whole, List<String> problems) {
        JsonNode v = tree.path(field);
        boolean ok = whole ? v.isIntegralNumber() && v.asLong() >= 0 : v.isNumber() && v.asDouble() >= 0;
        if (!ok) {
            problems.add(field + ": " + (v.isMissingNode() ? "missing" : v + " is not a non-negative "
                    + (whole ? "whole number" : "number")));
        }
    }

    /** The kind of values an array holds, named for the message. */
    private record Elements(String name, Predicate<JsonNode> test) {
    }

    private static final Elements BOOLEANS = new Elements("true/false", JsonNode::isBoolean);
    private static final Elements NUMBERS = new Elements("numbers", JsonNode::isNumber);

    private static void sameLength(JsonNode tree, String where, String field, int terms, boolean required,
                                   Elements elements, List<String> problems) {
        JsonNode v = tree.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                problems.add(where + field + ": missing");
            }
        } else if (!v.isArray() || !allOf(v, elements.test())) {
            problems.add(where + field + ": expected a list of " + elements.name());
        } else if (v.size() != terms) {
            problems.add(where + field + ": " + v.size() + " values for " + terms + " terms");
        }
    }

    private static boolean allOf(JsonNode array, Predicate<JsonNode> element) {
        for (JsonNode e : array) {
            if (!element.test(e)) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("").trim();
    }
}
