package org.deepmod.training;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deepmod.constraint.Constraint;
import org.deepmod.constraint.GradParams;
import org.deepmod.constraint.LeastSquares;
import org.deepmod.library.Library;
import org.deepmod.library.Library1D;
import org.deepmod.library.TermsLibrary;
import org.deepmod.nn.Activation;
import org.deepmod.nn.DjlEnvironment;
import org.deepmod.nn.JetMlp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The new library shapes train alike on the hand-written step and on autograd: an ODE library over two
 * fields (the network's only input is t, the jet carries u_t alone; poly 1: with poly 2 the columns 1, u², v² of
 * a circle are collinear and the least squares amplify round-off) and a fourth-order library (u_xxxx, as
 * Kuramoto–Sivashinsky needs), and a library of named terms with functions, a quotient and the coordinate x
 * ({@link TermsLibrary}). From the same seed the losses of 60 Adam steps agree to float32 round-off and
 * fall, so either library is trained by whichever step the trainer picks.
 */
class LibraryPathsTest {
    @BeforeAll
    static void engine() {
        DjlEnvironment.init();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ode-two-fields", "fourth-order", "named-terms"})
    void handWrittenAndAutogradStepsTrainAlike(String kind) {
        TrainingPathsTest.assertTrainAlike(kind, gradients -> train(kind, gradients), 0.8);
    }

    private static List<TraceEntry> train(String kind, Trainer.Gradients gradients) {
        boolean ode = kind.startsWith("ode");
        int inputs = ode ? 1 : 2;
        int outputs = ode ? 2 : 1;
        SplittableRandom random = new SplittableRandom(11);
        int points = 400;
        double[] coords = new double[points * inputs];
        double[] targets = new double[points * outputs];
        for (int i = 0; i < points; i++) {
            double t = random.nextDouble();
            coords[i * inputs] = t;
            if (ode) {
                targets[2 * i] = Math.cos(2 * t); // u_t = -2 v, v_t = 2 u
                targets[2 * i + 1] = Math.sin(2 * t);
            } else {
                double x = random.nextDouble() * 2 - 1;
                coords[i * inputs + 1] = x;
                targets[i] = Math.exp(-t) * Math.sin(x); // u_t = -u_xxxx
            }
        }
        Samples train = new Samples(coords, inputs, targets, outputs);
        Samples test = new Samples(new double[0], inputs, new double[0], outputs);
        List<TraceEntry> trace = new ArrayList<>();
        TrainingOptions options = TrainingPathsTest.SIXTY_STEPS;
        try (NDManager manager = NDManager.newBaseManager()) {
            JetMlp net = JetMlp.mlp(manager, inputs, new int[] {20, 20}, outputs, new Activation.Tanh(),
                    DataType.FLOAT32, 3);
            Library library = ode ? Library1D.ode(1, 2) : kind.equals("named-terms")
                    ? TermsLibrary.of(Map.of("", List.of("1", "u_xx", "u*u_x", "sin(u)", "x*u_x", "u/(1+u^2)",
                            "exp(-x*x)*u_xxxx")), 1, 1, 4)
                    : new Library1D(1, 4);
            MaskEstimator estimator = (lib, output) -> {
                throw new IllegalStateException("the mask is never updated here");
            };
            DeepMoD model = new DeepMoD(net, library, estimator, new LeastSquares());
            new Trainer(options, gradients).train(model, train, test, new PeriodicScheduler(1, Integer.MAX_VALUE), trace::add);
        }
        return trace;
    }
}
