package org.deepmod.training;

import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.lang.management.*;
import java.util.*;
import org.deepmod.constraint.LeastSquares;
import org.deepmod.library.*;
import org.deepmod.nn.*;
import org.junit.jupiter.api.Test;

class StepProfileScratchTest {
    static ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    @Test
    void run() {
        DjlEnvironment.init();
        try (NDManager m = NDManager.newBaseManager()) {
            JetMlp net = JetMlp.mlp(m, 2, new int[] {50, 50, 50, 50}, 1, new Activation.Tanh(), DataType.FLOAT32, 0);
            Library1D lib = new Library1D(2, 3);
            Scalars sc = new Scalars(m, DataType.FLOAT32);
            Random r = new Random(1);
            double[] c = new double[3200]; double[] y = new double[1600];
            for (int i = 0; i < c.length; i++) c[i] = r.nextDouble();
            for (int i = 0; i < y.length; i++) y[i] = r.nextDouble();
            NDArray coords = m.create(c, new Shape(1600, 2)).toType(DataType.FLOAT32, false);
            NDArray tg = m.create(y, new Shape(1600, 1)).toType(DataType.FLOAT32, false);
            List<NDArray> params = net.parameters();
            Adam adam = new Adam(params, m, 1e-3, 0.99, 0.99, 1e-8, true);
            boolean[][] masks = new boolean[1][12]; Arrays.fill(masks[0], true);
            LeastSquares ls = new LeastSquares();
            long[] t = new long[6];
            int n = 300;
            for (int it = 0; it < n + 50; it++) {
                try (NDManager step = m.newSubManager()) {
                    List<NDArray> att = new ArrayList<>(params); att.add(coords); att.add(tg);
                    step.tempAttachAll(att.toArray(new NDArray[0]));
                    long a0 = mx.getCurrentThreadCpuTime();
                    JniUtils.setGradMode(true);
                    Jet jet = net.forward(coords, lib.jetSpec());
                    long a1 = mx.getCurrentThreadCpuTime();
                    LibraryValues lv = lib.evaluate(jet, sc);
                    long a2 = mx.getCurrentThreadCpuTime();
                    HostLibrary host = HostLibrary.copyOf(lv);
                    NDArray xi = ls.coefficients(host, masks, step, DataType.FLOAT32);
                    long a3 = mx.getCurrentThreadCpuTime();
                    NDArray mse = jet.value().sub(tg).square().mean(new int[]{0}).sum();
                    NDArray reg = lv.timeDerivatives().sub(lv.theta().matMul(xi)).square().mean(new int[]{0}).sum();
                    NDArray loss = mse.add(reg);
                    double lv0 = loss.getFloat();
                    long a4 = mx.getCurrentThreadCpuTime();
                    JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                    JniUtils.setGradMode(false);
                    long a5 = mx.getCurrentThreadCpuTime();
                    adam.step(step);
                    long a6 = mx.getCurrentThreadCpuTime();
                    if (it >= 50) { t[0]+=a1-a0; t[1]+=a2-a1; t[2]+=a3-a2; t[3]+=a4-a3; t[4]+=a5-a4; t[5]+=a6-a5; }
                }
            }
            String[] names = {"forward jets", "library", "host+LS", "loss", "backward", "adam"};
            double tot = 0;
            for (int i = 0; i < 6; i++) { System.out.printf("%-14s %.3f ms%n", names[i], t[i] / 1e6 / n); tot += t[i]/1e6/n; }
            System.out.printf("total cpu %.3f ms%n", tot);
        }
    }
}
