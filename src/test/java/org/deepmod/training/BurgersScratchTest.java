package org.deepmod.training;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Map;
import org.deepmod.constraint.LeastSquares;
import org.deepmod.data.*;
import org.deepmod.library.Library1D;
import org.deepmod.nn.*;
import org.deepmod.sparse.SparseEstimators;
import org.junit.jupiter.api.Test;

class BurgersScratchTest {
    @Test
    void run() {
        DjlEnvironment.init();
        int maxIt = Integer.getInteger("it", 3000);
        double noise = Double.parseDouble(System.getProperty("noise", "0.05"));
        Dataset full = Grid.of(Axis.linspace(0.5, 5.0, 50), Axis.linspace(-3, 4, 100)).sample(new BurgersDelta(0.1, 1.0));
        Dataset noisy = Noise.gaussian(full, noise, 1);
        Dataset sub = Subsample.random(noisy, 2000, 2);
        TrainTestSplit.Split split = TrainTestSplit.split(sub, 0.8, 3);
        Samples tr = new Samples(split.train().coordsFlat(), 2, split.train().targetsFlat(), 1);
        Samples te = new Samples(split.test().coordsFlat(), 2, split.test().targetsFlat(), 1);
        try (NDManager m = NDManager.newBaseManager()) {
            JetMlp net = JetMlp.mlp(m, 2, new int[] {50, 50, 50, 50}, 1, new Activation.Tanh(), DataType.FLOAT32, Long.getLong("seed", 0));
            Library1D lib = new Library1D(2, 3);
            DeepMoD model = new DeepMoD(net, lib, new SparseMaskEstimator(SparseEstimators.create("threshold", Map.of(), 0)), new LeastSquares());
            TrainingResult res = new Trainer(TrainingOptions.defaults().withMaxIterations(maxIt)).train(model, tr, te,
                    TrainTest.trainTestPeriodic(50, 200, 1e-5), e -> {
                        if (e.iteration() % 500 == 0 || e.maskUpdated())
                            System.out.printf("%6d loss %.3e mse %.3e reg %.3e test %.3e l1 %.4f %s%n", e.iteration(), e.loss(), e.mse(), e.reg(), e.testMse(), e.l1(), Arrays.toString(e.masks()[0]));
                    });
            System.out.println(res.status() + " " + res.reason() + " it=" + res.iterations() + " s=" + res.seconds()
                    + " ms/it=" + 1000 * res.seconds() / res.iterations());
            System.out.println(lib.termNames());
            System.out.println(Arrays.toString(res.coefficients()[0]));
            System.out.println(Arrays.toString(res.normalizedCoefficients()[0]));
        }
    }
}
