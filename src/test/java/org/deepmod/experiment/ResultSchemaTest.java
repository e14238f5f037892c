package org.deepmod.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.deepmod.training.RunStatus;

/** What a result file must hold to be counted, and the reason given for one that does not. */
class ResultSchemaTest {
    private static final String VALID = "{\"runId\": \"abc\", \"status\": \"MAX_ITERATIONS\", \"iterations\": 100, "
            + "\"seconds\": 1.5, \"terms\": [\"u_x\", \"u_xx\"], \"mask\": [false, true], \"coefficients\": [0, 0.1], "
            + "\"coefficientsNormalized\": [0, 0.4], \"futureField\": 1}";

    @Test
    void aCompleteResultIsReadWithFieldsALaterVersionAdds() throws Exception {
        RunResult r = ResultSchema.parse(VALID.getBytes(StandardCharsets.UTF_8), "abc");
        assertEquals(RunStatus.MAX_ITERATIONS, r.status());
        assertEquals(2, r.discovery().mask().length);
        RunResult failed = ResultSchema.parse(("{\"runId\": \"abc\", \"status\": \"FAILED\", \"reason\": \"bad data\","
                + " \"iterations\": 0, \"seconds\": 0.0}").getBytes(StandardCharsets.UTF_8), "abc");
        assertEquals("bad data", failed.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated                  | " + "{\"runId\": \"abc\", \"status\": \"MAX_ITER | not JSON",
        "empty object               | {}                                            | runId: missing",
        "empty file                 | ''                                            | empty",
        "a list                     | [1, 2]                                        | not a JSON object",
        "unknown status             | {\"runId\": \"abc\", \"status\": \"DONE\", \"iterations\": 1, \"seconds\": 1} | status: \"DONE\" is not one of",
        "another run's id           | {\"runId\": \"xyz\", \"status\": \"FAILED\", \"reason\": \"r\", \"iterations\": 0, \"seconds\": 0} | runId: xyz is not the file's own (abc)",
        "FAILED without a reason    | {\"runId\": \"abc\", \"status\": \"FAILED\", \"iterations\": 0, \"seconds\": 0} | reason: missing",
        "negative iterations        | {\"runId\": \"abc\", \"status\": \"FAILED\", \"reason\": \"r\", \"iterations\": -1, \"seconds\": 0} | iterations: -1 is not",
        "no terms                   | {\"runId\": \"abc\", \"status\": \"CONVERGED\", \"iterations\": 1, \"seconds\": 1} | terms: missing",
        "mask shorter than terms    | {\"runId\": \"abc\", \"status\": \"CONVERGED\", \"iterations\": 1, \"seconds\": 1, \"terms\": [\"a\", \"b\"], \"mask\": [true], \"coefficients\": [1, 2]} | mask: 1 values for 2 terms",
        "coefficients as text       | {\"runId\": \"abc\", \"status\": \"CONVERGED\", \"iterations\": 1, \"seconds\": 1, \"terms\": [\"a\"], \"mask\": [true], \"coefficients\": [\"x\"]} | coefficients: expected a list of numbers",
        "an output's mask too long  | {\"runId\": \"abc\", \"status\": \"CONVERGED\", \"iterations\": 1, \"seconds\": 1, \"terms\": [\"a\"], \"mask\": [true], \"coefficients\": [1], \"outputs\": [{\"mask\": [true, false], \"coefficients\": [1]}]} | outputs[0].mask: 2 values for 1 terms"})
    void anInvalidResultIsRefusedWithItsReason(String what, String json, String reason) {
        ResultSchema.InvalidResultException e = assertThrows(ResultSchema.InvalidResultException.class,
                () -> ResultSchema.parse(json.getBytes(StandardCharsets.UTF_8), "abc"));
        assertTrue(e.getMessage().contains(reason), what + ": " + e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, "one line: " + e.getMessage());
    }

    @Test
    void binaryBytesAreNotJson() {
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, (byte) 0xff};
        ResultSchema.InvalidResultException e = assertThrows(ResultSchema.InvalidResultException.class,
                () -> ResultSchema.parse(bytes, null));
        assertTrue(e.getMessage().startsWith("not JSON"), e.getMessage());
    }
}
