package org.deepmod.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deepmod.nn.NDArrayCopies;

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

    /** One update from the parameters' accumulated gradients (autograd); temporaries live in {@code step}. */
    public void step(NDManager step) {
        step.tempAttachAll(state.toArray(new NDArray[0]));
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            steps++;
            double bias1 = 1 - Math.pow(beta1, steps);
            double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, steps));
            for (int i = 0; i < parameters.size(); i++) {
                NDArray p = parameters.get(i);
                NDArray g = p.getGradient();
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
                JniUtils.zeroGrad((PtNDArray) p);
            }
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    /**
     * One update from gradients computed on the JVM (a network differentiated by hand, {@code JetTape}):
     * every parameter must have one. The update runs on JVM copies and is written back into the parameters'
     * and moments' own memory (float32 CPU arrays): for ~8000 parameters that is microseconds, against a dozen
     * PyTorch calls per array.
     */
    public void step(Map<NDArray, float[]> gradients) {
        steps++;
        float bias1 = (float) (1 - Math.pow(beta1, steps));
        float bias2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, steps));
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        float rate = (float) (learningRate / bias1);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray parameter = parameters.get(i);
            float[] g = gradientOf(gradients, parameter);
            if (g == null) {
                throw new IllegalArgumentException("no gradient given for parameter " + parameter.getName());
            }
            FloatBuffer[] memory = {memory(parameter), memory(firstMoments.get(i)), memory(secondMoments.get(i)),
                    amsgrad ? memory(maxSecondMoments.get(i)) : null};
            float[] p = read(memory[0], g.length);
            float[] m = read(memory[1], g.length);
            float[] v = read(memory[2], g.length);
            float[] vMax = amsgrad ? read(memory[3], g.length) : v;
            for (int j = 0; j < g.length; j++) {
                m[j] = b1 * m[j] + (1 - b1) * g[j];
                v[j] = b2 * v[j] + (1 - b2) * g[j] * g[j];
                if (amsgrad) {
                    vMax[j] = Math.max(vMax[j], v[j]);
                }
                p[j] -= rate * m[j] / ((float) Math.sqrt(vMax[j]) / bias2Sqrt + eps);
            }
            memory[0].put(0, p);
            memory[1].put(0, m);
            memory[2].put(0, v);
            if (amsgrad) {
                memory[3].put(0, vMax);
            }
        }
    }

    private static FloatBuffer memory(NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("a JVM-side update needs float32 parameters, got " + array.getDataType());
        }
        return NDArrayCopies.memory(array).asFloatBuffer();
    }

    private static float[] read(FloatBuffer buffer, int length) {
        if (buffer.capacity() != length) {
            throw new IllegalArgumentException("gradient of " + length + " values for a parameter of " + buffer.capacity());
        }
        float[] values = new float[length];
        buffer.get(0, values);
        return values;
    }

    /** By identity: NDArray's equals compares contents. */
    private static float[] gradientOf(Map<NDArray, float[]> gradients, NDArray parameter) {
        for (Map.Entry<NDArray, float[]> e : gradients.entrySet()) {
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
            out[i] = NDArrayCopies.toDoubles(state.get(i));
        }
        out[state.size()] = new double[] {steps};
        return out;
    }

    public void restore(double[][] snapshot) {
        for (int i = 0; i < state.size(); i++) {
            NDArrayCopies.assign(state.get(i), snapshot[i]);
        }
        steps = (int) snapshot[state.size()][0];
    }
}
