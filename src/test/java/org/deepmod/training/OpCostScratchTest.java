package org.deepmod.training;

import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import java.lang.management.*;
import org.deepmod.nn.*;
import org.junit.jupiter.api.Test;

class OpCostScratchTest {
    @Test
    void run() {
        DjlEnvironment.init();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomUniform(0, 1, new Shape(1600, 50));
            NDArray b = m.randomUniform(0, 1, new Shape(1600, 50));
            NDArray w = m.randomUniform(0, 1, new Shape(50, 50));
            NDArray big = m.randomUniform(0, 1, new Shape(6400, 50));
            NDArray s = m.randomUniform(0, 1, new Shape(2, 2));
            String[] names = {"mul 1600x50", "exp", "sin", "cos", "tanh 1600x50", "sigmoid", "square", "add"};
            for (int k = 0; k < names.length; k++) {
                int n = 2000;
                long t0 = 0;
                for (int i = 0; i < n + 200; i++) {
                    if (i == 200) t0 = mx.getCurrentThreadCpuTime();
                    try (NDManager step = m.newSubManager()) {
                        step.tempAttachAll(a, b, w, big, s);
                        switch (k) {
                            case 0: a.mul(b); break;
                            case 1: a.exp(); break;
                            case 2: a.sin(); break;
                            case 3: a.cos(); break;
                            case 5: ai.djl.nn.Activation.sigmoid(a); break;
                            case 6: a.square(); break;
                            case 7: a.add(b); break;
                            default: a.tanh();
                        }
                    }
                }
                System.out.printf("%-22s %.1f us%n", names[k], (mx.getCurrentThreadCpuTime() - t0) / 1e3 / n);
            }
        }
    }
}
