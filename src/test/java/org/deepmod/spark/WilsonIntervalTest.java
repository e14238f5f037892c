package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.deepmod.results.SweepSummary;

/** The Wilson score interval against Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3. */
class WilsonIntervalTest {
    @ParameterizedTest
    @CsvSource({
        "81, 263, 0.2553, 0.3662",
        "15, 148, 0.0624, 0.1605",
        "0, 20, 0.0000, 0.1611",
        "1, 29, 0.0061, 0.1718",
    })
    void matchesNewcombesPublishedIntervals(int k, int n, double low, double high) {
        SweepSummary.Interval i = SweepAggregation.wilson(k, n);
        assertEquals(low, i.low(), 5e-5);
        assertEquals(high, i.high(), 5e-5);
    }

    @Test
    void noTrialsHaveNoInterval() {
        assertNull(SweepAggregation.wilson(0, 0));
    }
}
