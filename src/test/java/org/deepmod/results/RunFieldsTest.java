package org.deepmod.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.deepmod.experiment.RunResult;
import org.junit.jupiter.api.Test;

/**
 * A two-field result as deepmod run writes it for a generated system (the truth comes with the generator, so the
 * config has none): each field's truth is its output's own, with plain term names, not the top-level truth whose
 * keys are qualified by the field ("v: u").
 */
class RunFieldsTest {
    private static final String TWO_FIELDS = """
            {"runId": "r", "name": "two", "status": "MAX_ITERATIONS", "iterations": 10, "seconds": 1.0,
             "terms": ["1", "u", "v", "u_xx", "v_xx"],
             "mask": [false, false, true, true, false], "coefficients": [0, 0, -0.9, 0.11, 0],
             "truth": {"u: u_xx": 0.1, "u: v": -1.0, "v: u": 1.0, "v: v_xx": 0.1},
             "outputs": [
               {"output": "u", "mask": [false, false, true, true, false], "coefficients": [0, 0, -0.9, 0.11, 0],
                "truth": {"u_xx": 0.1, "v": -1.0}},
               {"output": "v", "mask": [false, true, false, false, true], "coefficients": [0, 1.0, 0, 0, 0.1],
                "truth": {"u": 1.0, "v_xx": 0.1}}],
             "config": {"dataset": {"type": "diffusion-rotation"}}}
            """;

    @Test
    void eachFieldTakesItsOutputsOwnTruth() throws Exception {
        RunResult r = new ObjectMapper().readValue(TWO_FIELDS, RunResult.class);
        List<RunFields> fields = RunFields.of(r);
        assertEquals(Map.of("u_xx", 0.1, "v", -1.0), fields.get(0).truth());
        assertEquals(Map.of("u", 1.0, "v_xx", 0.1), fields.get(1).truth());
        assertEquals(true, fields.get(0).correctSupport());
        assertEquals(true, fields.get(1).correctSupport());
        assertEquals(0.1, fields.get(0).coefficientErrors().get("u_xx"), 1e-12);
    }
}
