package org.deepmod.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deepmod.nn.HostArrays;

/**
 * Adam with optional AMSGrad, exactly as PyTorch writes it (DJL's fused Adam has no AMSGrad):
 * m = β1 m + (1−β1) g, v = β2 v + (1−β2) g², v̂ = max(v̂, v),
 * p −= lr/(1−β1^t) · m / (√v̂ / √(1−β2^t) + ε). Runs with autograd off; zeroes the gradients after
 * the update (DJL's collector does not).
 */
public final class Adam {
    private final List<NDArray> parameters;
    private final List<NDArray> state = new ArrayList<>();
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private final List<NDArray> maxSecondMoments = new ArrayList<>();
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean amsgrad;
    private int steps;

    public Adam(List<NDArray> parameters, NDManager stateManager, double learningRate, double beta1,
                double beta2, double epsilon, boolean amsgrad) {
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.amsgrad = amsgrad;
        for (NDArray p : this.parameters) {
            NDArray m = stateManager.zeros(p.getShape(), p.getDataType());
            NDArray v = stateManager.zeros(p.getShape(), p.getDataType());
            firstMoments.add(m);
            secondMoments.add(v);
            state.add(m);
            state.add(v);
            if (amsgrad) {
                NDArray vMax = stateManager.zeros(p.getShape(), p.getDataType());
                maxSecondMoments.add(vMax);
                state.add(vMax);
            }
        }
    }

    /** One update from the parameters' accumulated gradients; temporaries live in {@code step}. */
    public void step(NDManager step) {
        step(step, Map.of());
    }

    /**
     * One update where {@code gradients} gives some parameters' gradients explicitly (a network
     * differentiated by hand); the others use what autograd accumulated.
     */
    public void step(NDManager step, Map<NDArray, NDArray> gradients) {
        step.tempAttachAll(state.toArray(new NDArray[0]));
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            steps++;
            double bias1 = 1 - Math.pow(beta1, steps);
            double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, steps));
            for (int i = 0; i < parameters.size(); i++) {
                NDArray p = parameters.get(i);
                NDArray explicit = gradientOf(gradients, p);
                NDArray g = explicit != null ? explicit : p.getGradient();
                NDArray m = firstMoments.get(i);
                NDArray v = secondMoments.get(i);
                m.muli(beta1).addi(g.mul(1 - beta1));
                v.muli(beta2).addi(g.square().muli(1 - beta2));
                NDArray second = v;
                if (amsgrad) {
                    NDArray vMax = maxSecondMoments.get(i);
                    vMax.addi(v.sub(vMax).maximum(0)); // v̂ = max(v̂, v) in place
                    second = vMax;
                }
                NDArray denominator = second.sqrt().divi(bias2Sqrt).addi(epsilon);
                p.subi(m.div(denominator).muli(learningRate / bias1));
                if (explicit == null) {
                    JniUtils.zeroGrad((PtNDArray) p);
                }
            }
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    /** By identity: NDArray's equals compares contents. */
    private static NDArray gradientOf(Map<NDArray, NDArray> gradients, NDArray parameter) {
        for (Map.Entry<NDArray, NDArray> e : gradients.entrySet()) {
            if (e.getKey() == parameter) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The optimiser state as float64 copies (for checkpoints), with the step count last. */
    public double[][] snapshot() {
        double[][] out = new double[state.size() + 1][];
        for (int i = 0; i < state.size(); i++) {
            out[i] = HostArrays.toDoubles(state.get(i));
        }
        out[state.size()] = new double[] {steps};
        return out;
    }

    public void restore(double[][] snapshot) {
        for (int i = 0; i < state.size(); i++) {
            HostArrays.assign(state.get(i), snapshot[i]);
        }
        steps = (int) snapshot[state.size()][0];
    }
}
