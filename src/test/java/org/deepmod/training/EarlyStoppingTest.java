package org.deepmod.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deepmod.constraint.LeastSquares;
import org.deepmod.library.Library1D;
import org.deepmod.nn.Activation;
import org.deepmod.nn.DjlEnvironment;
import org.deepmod.nn.JetMlp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @BeforeAll
    static void engine() {
        DjlEnvironment.init();
    }

    /** The rule on a test MSE written every 25 iterations. */
    @Test
    void stopsOnlyAfterTheTestMseHasStayedAboveItsBandForThePatience() {
        EarlyStopping rule = new EarlyStopping(100, 0.05);
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.watch(0, 1.0), "not watched before the first mask");
        rule.maskUpdated();
        assertEquals(EarlyStopping.Decision.KEEP, rule.watch(25, 0.50));
        assertEquals(EarlyStopping.Decision.KEEP, rule.watch(50, 0.40));
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.watch(75, 0.41), "within 5 % of the lowest");
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.watch(100, 0.43), "above the band from 100 on");
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.watch(150, 0.45));
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.watch(175, 0.419), "back in the band: the clock restarts");
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.watch(200, 0.43));
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.watch(275, 0.44), "75 iterations above");
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.watch(290, Double.NaN), "no test set: no decision");
        assertEquals(EarlyStopping.Decision.STOP, rule.watch(300, 0.44), "100 iterations above");
        assertEquals(50, rule.lowestIteration());
        assertEquals(0.40, rule.lowest());
    }

    @Test
    void patienceZeroIsOff() {
        EarlyStopping rule = new EarlyStopping(0, 0.05);
        rule.maskUpdated();
        for (int it = 0; it < 1000; it += 25) {
            assertEquals(EarlyStopping.Decision.CONTINUE, rule.watch(it, it < 100 ? 1.0 : 10.0));
        }
    }

    /**
     * A real training that fits the noise: 40 samples of sin(πx)·e^(−t) with noise of its own size, a network
     * with some 2 700 parameters. The run must stop on the rule, and its final test MSE, computed in the end from
     * the network it keeps, must be the lowest the trace saw after the first mask (not the last one's).
     */
    @Test
    void aNetworkFittingTheNoiseIsStoppedAndTheBestTestNetworkKept() {
        SplittableRandom random = new SplittableRandom(3);
        Samples train = TrainingPathsTest.decayingSine(random, 40, 0.5);
        Samples test = TrainingPathsTest.decayingSine(random, 400, 0.5);
        TrainingOptions options = TrainingOptions.builder()
                .maxIterations(6000)
                .writeIterations(25)
                .convergence(100_000, 0) // only the rule can end the run
                .earlyStopping(200, 0.02)
                .learningRate(5e-3)
                .betas(0.9, 0.999)
                .build();
        List<TraceEntry> trace = new ArrayList<>();
        TrainingResult result;
        try (NDManager manager = NDManager.newBaseManager()) {
            JetMlp net = JetMlp.mlp(manager, 2, new int[] {50, 50}, 1, new Activation.Tanh(), DataType.FLOAT32, 2);
            Library1D library = new Library1D(1, 2);
            MaskEstimator estimator = (lib, output) -> new double[] {0, 0, 1, 0, 0, 0}; // u_xx alone
            DeepMoD model = new DeepMoD(net, library, estimator, new LeastSquares());
            result = new Trainer(options, Trainer.Gradients.HAND_WRITTEN)
                    .train(model, train, test, null, new PeriodicScheduler(50, 100), trace::add);
        }
        assertTrue(result.reason().startsWith("stopped early"), result.reason());
        assertTrue(result.iterations() < options.maxIterations(), "stopped at " + result.iterations());
        double lowest = trace.stream().filter(e -> e.iteration() >= 100).mapToDouble(TraceEntry::testMse).min()
                .orElseThrow();
        double last = trace.get(trace.size() - 1).testMse();
        assertTrue(last > lowest * 1.02, "the run ended above the band: last " + last + ", lowest " + lowest);
        assertEquals(lowest, result.testMse(), lowest * 1e-5, "the kept network is the one of the lowest test MSE");
    }
}
