package org.deepmod.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.deepmod.training.RunStatus;

/**
 * One run's record, written as {@code result.json} (and {@code runs/<runId>.json} in a sweep). Coefficients
 * are given twice: {@code coefficients} in the units of the data as given (0 where masked) and
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
 * read, so that a resumed sweep notices a file changed at the same path.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResult(
        String runId,
        String name,
        String status,
        String reason,
        int iterations,
        double seconds,
        String device,
        List<String> terms,
        boolean[] mask,
        double[] coefficients,
        double[] coefficientsNormalized,
        double[] estimatorCoefficients,
        double[] probabilities,
        String equation,
        Double mse,
        Double reg,
        Double testMse,
        Integer maskUpdates,
        Map<String, Double> truth,
        Boolean correctSupport,
        Map<String, Double> coefficientErrors,
        List<OutputResult> outputs,
        JsonNode config,
        String dataFingerprint) {

    /**
     * The discovered equation of one output, and where the truth is known, that field's truth, whether its
     * selected terms are exactly the true ones, and the relative error per true term (term names unqualified).
     */
    public record OutputResult(String output, boolean[] mask, double[] coefficients, double[] coefficientsScaled,
                               double[] coefficientsNormalized, double[] estimatorCoefficients, String equation,
                               Map<String, Double> truth, Boolean correctSupport,
                               Map<String, Double> coefficientErrors) {
    }

    /** A run that could not train: the reason is kept and the sweep goes on. */
    public static RunResult failed(String runId, String name, String reason, double seconds, JsonNode config) {
        return new RunResult(runId, name, RunStatus.FAILED.name(), reason, 0, seconds, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, config, null);
    }

    /** This result, recording the data file it was trained on. */
    public RunResult withDataFingerprint(String fingerprint) {
        return new RunResult(runId, name, status, reason, iterations, seconds, device, terms, mask, coefficients,
                coefficientsNormalized, estimatorCoefficients, probabilities, equation, mse, reg, testMse, maskUpdates,
                truth, correctSupport, coefficientErrors, outputs, config, fingerprint);
    }
}
