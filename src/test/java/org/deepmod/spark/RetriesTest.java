package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How many attempts Spark gives a run's task, and on which attempt it is recorded as FAILED. */
class RetriesTest {

    @ParameterizedTest(name = "{0} (spark.task.maxFailures={1}): {2}")
    @CsvSource(nullValues = "none", value = {
        "local, 8, 1", "local[2], 8, 1", "'local[*]', none, 1", "'local[2,3]', 8, 3", "'local[*, 5]', none, 5",
        "'local-cluster[2,1,1024]', none, 4", "'local-cluster[2,1,1024]', 2, 2", "spark://127.0.0.1:7077, none, 4",
        "spark://127.0.0.1:7077, 6, 6", "k8s://https://k8s:6443, none, 4"})
    void attemptsFollowTheMaster(String master, String maxFailures, int attempts) {
        SparkConf conf = new SparkConf(false);
        if (maxFailures != null) {
            conf.set("spark.task.maxFailures", maxFailures);
        }
        assertEquals(attempts, Retries.maxAttempts(master, conf));
    }

    @ParameterizedTest(name = "attempt {0} of {1}: last = {2}")
    @CsvSource({"0, 1, true", "0, 4, false", "2, 4, false", "3, 4, true", "5, 4, true"})
    void theLastAttemptRecordsTheFailure(int attempt, int attempts, boolean last) {
        assertEquals(last, Retries.isLastAttempt(attempt, attempts));
    }
}
