package org.deepmod.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deepmod.training.RunStatus;

/**
 * One run's record: which run it was, how it ended and why, how the training went, the equation it found, and
 * where the truth is known how that equation compares with it. A FAILED run has no equation and no truth check
 * ({@link #failed}); a run of one output has no {@code outputs}.
 *
 * <p>Written as {@code result.json} (and {@code runs/<runId>.json} in a sweep) in a documented format that
 * predates these groups: one flat object (see {@link JsonForm}), so that files written before still read.
 * Coefficients are given twice: {@code coefficients} in the units of the data as given (0 where masked) and
 * {@code coefficientsNormalized} in DeePyMoD's normalised space (ξ_j‖Θ_j‖/‖u_t‖), where thresholds apply.
 * {@code estimatorCoefficients} are the estimator's normalised coefficients at the last mask update.
 * {@code truth}, {@code correctSupport} and {@code coefficientErrors} (relative, per true term) are present
 * where the truth is known. With several outputs, the top-level arrays describe u and {@code outputs} all, each
 * with its own truth, correctSupport and coefficientErrors; the top-level {@code correctSupport} is then true when
 * every field's is, and {@code truth} and {@code coefficientErrors} hold every field's terms as "v: u*v".
 * With {@code normalize} in the config, {@code coefficients} are those of the equation found on the normalised
 * data mapped back to the data's units ({@link org.deepmod.library.DataUnits}); per output,
 * {@code coefficientsScaled} keeps them in the normalised data's units.
 * {@code dataFingerprint} (sweeps, file datasets) is the size and modification time of the data file the run
 * read, so that a resumed sweep notices a file changed at the same path. {@code notes} (only where there are
 * any, so that the files of runs without them stay as they were) say what reading the data dropped: a complex
 * array's imaginary part, with its largest size relative to the real part.
 *
 * @param reason why the run ended as it did (always given for FAILED; null where nothing needs explaining)
 * @param discovery the equation found (of u, where there are several outputs); null for a FAILED run
 * @param truthCheck null where the truth is not known, and for a FAILED run
 * @param outputs every output's equation where there are several, else null
 * @param notes what loading the data changed in it, one sentence each naming the file and array; empty for most
 */
public record RunResult(Identity identity, RunStatus status, String reason, Training training, Discovery discovery,
                        TruthCheck truthCheck, List<OutputResult> outputs, List<String> notes) {

    public RunResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A result without notes: the data was used as read. */
    public RunResult(Identity identity, RunStatus status, String reason, Training training, Discovery discovery,
                     TruthCheck truthCheck, List<OutputResult> outputs) {
        this(identity, status, reason, training, discovery, truthCheck, outputs, List.of());
    }

    /**
     * Which run this is: its id and name, the config it ran ({@link org.deepmod.config.RunConfig#toTree}),
     * and in a sweep reading a data file, that file's fingerprint (else null).
     */
    public record Identity(String runId, String name, JsonNode config, String dataFingerprint) {
        /** A run not (yet) tied to a data file's fingerprint. */
        public Identity(String runId, String name, JsonNode config) {
            this(runId, name, config, null);
        }
    }

    /**
     * How the training went: iterations done, wall time, the device it ran on, the last losses (data MSE on
     * the training points, the regression residual, data MSE on the test points) and how often the mask was
     * updated.
     */
    public record Training(int iterations, double seconds, String device, Double mse, Double reg, Double testMse,
                           Integer maskUpdates) {
        /** A FAILED run's: no iterations counted (whatever it did is lost with it), the time until it failed. */
        static Training failedAfter(double seconds) {
            return new Training(0, seconds, null, null, null, null, null);
        }
    }

    /**
     * The equation found: the library's terms, the mask over them, the coefficients (in the data's units,
     * in the normalised space, and the estimator's), the stability-selection probabilities where that estimator
     * ran, and the equation written out.
     */
    public record Discovery(List<String> terms, boolean[] mask, double[] coefficients, double[] coefficientsNormalized,
                            double[] estimatorCoefficients, double[] probabilities, String equation) {
        /** Where a flat view (the file, the results table) needs the parts of a run that found none: all null. */
        public static final Discovery NONE = new Discovery(null, null, null, null, null, null, null);
    }

    /**
     * An equation against the truth: the true coefficients, whether the selected terms are exactly the true
     * ones, and the relative error per true term.
     */
    public record TruthCheck(Map<String, Double> truth, Boolean correctSupport, Map<String, Double> coefficientErrors) {
        /** The file's view of an unknown truth: all null. */
        static final TruthCheck NONE = new TruthCheck(null, null, null);

        /**
         * The check of the terms a mask selects and their coefficients against the truth: |found − true| / |true|
         * per true term, a term the library lacks (or no coefficients at all) counting as found 0.
         */
        public static TruthCheck of(List<String> terms, boolean[] mask, double[] coefficients,
                                    Map<String, Double> truth) {
            Set<String> selected = new LinkedHashSet<>();
            for (int j = 0; j < terms.size(); j++) {
                if (mask[j]) {
                    selected.add(terms.get(j));
                }
            }
            Map<String, Double> errors = new TreeMap<>();
            for (Map.Entry<String, Double> e : truth.entrySet()) {
                int j = terms.indexOf(e.getKey());
                double found = j < 0 || coefficients == null ? 0.0 : coefficients[j];
                errors.put(e.getKey(), Math.abs(found - e.getValue()) / Math.abs(e.getValue()));
            }
            return new TruthCheck(new TreeMap<>(truth), selected.equals(truth.keySet()), errors);
        }
    }

    /**
     * The discovered equation of one output, and where the truth is known, that field's truth, whether its
     * selected terms are exactly the true ones, and the relative error per true term (term names unqualified).
     * Written with its nulls, as it always was.
     */
    public record OutputResult(String output, boolean[] mask, double[] coefficients, double[] coefficientsScaled,
                               double[] coefficientsNormalized, double[] estimatorCoefficients, String equation,
                               Map<String, Double> truth, Boolean correctSupport,
                               Map<String, Double> coefficientErrors) {
    }

    /** A run that could not train: the reason is kept and the sweep goes on. */
    public static RunResult failed(Identity identity, String reason, double seconds) {
        return new RunResult(identity, RunStatus.FAILED, reason, Training.failedAfter(seconds), null, null, null);
    }

    /** This result, recording the data file it was trained on. */
    public RunResult withDataFingerprint(String fingerprint) {
        Identity tied = new Identity(identity.runId(), identity.name(), identity.config(), fingerprint);
        return new RunResult(tied, status, reason, training, discovery, truthCheck, outputs, notes);
    }

    /**
     * The result as its file has it: one object, keys in this order, nulls left out (and {@code notes} when there
     * are none). Jackson writes and reads this flat record; the groups of RunResult are not unwrapped by Jackson,
     * which cannot build records from {@code @JsonUnwrapped} components reliably and could not interleave them in
     * this order anyway.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record JsonForm(String runId, String name, RunStatus status, String reason, List<String> notes,
                            int iterations, double seconds, String device, List<String> terms, boolean[] mask,
                            double[] coefficients, double[] coefficientsNormalized, double[] estimatorCoefficients,
                            double[] probabilities, String equation, Double mse, Double reg, Double testMse,
                            Integer maskUpdates, Map<String, Double> truth, Boolean correctSupport,
                            Map<String, Double> coefficientErrors,
                            List<OutputResult> outputs, JsonNode config, String dataFingerprint) {
    }

    @JsonValue
    private JsonForm jsonForm() {
        Discovery d = discovery == null ? Discovery.NONE : discovery;
        TruthCheck t = truthCheck == null ? TruthCheck.NONE : truthCheck;
        return new JsonForm(identity.runId(), identity.name(), status, reason, notes.isEmpty() ? null : notes,
                training.iterations(), training.seconds(), training.device(), d.terms(), d.mask(), d.coefficients(),
                d.coefficientsNormalized(), d.estimatorCoefficients(), d.probabilities(), d.equation(),
                training.mse(), training.reg(), training.testMse(), training.maskUpdates(), t.truth(),
                t.correctSupport(), t.coefficientErrors(), outputs, identity.config(), identity.dataFingerprint());
    }

    /** A group is absent when the file has none of its keys, so that reading and writing again loses nothing. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static RunResult fromJsonForm(JsonForm f) {
        Discovery discovery = new Discovery(f.terms(), f.mask(), f.coefficients(), f.coefficientsNormalized(),
                f.estimatorCoefficients(), f.probabilities(), f.equation());
        TruthCheck truthCheck = new TruthCheck(f.truth(), f.correctSupport(), f.coefficientErrors());
        return new RunResult(new Identity(f.runId(), f.name(), f.config(), f.dataFingerprint()), f.status(),
                f.reason(), new Training(f.iterations(), f.seconds(), f.device(), f.mse(), f.reg(), f.testMse(),
                f.maskUpdates()),
                discovery.equals(Discovery.NONE) ? null : discovery,
                truthCheck.equals(TruthCheck.NONE) ? null : truthCheck, f.outputs(), f.notes());
    }
}
