package org.deepmod.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SparseBenchTest {
    @Test
    void reportsAPositiveFigurePerEstimator() {
        Map<String, Double> figures = SparseBench.run(SparseBench.ESTIMATORS, 200, 3);
        assertEquals(SparseBench.ESTIMATORS, java.util.List.copyOf(figures.keySet()));
        figures.values().forEach(ms -> assertTrue(ms > 0, figures.toString()));
    }
}
