package org.deepmod.nn;

/**
 * A network's outputs and their derivatives on the JVM (float32, each N x K row-major: sample n, output k at
 * n·K + k), with a gradient array of the same shape per channel for the loss to fill: what the library and
 * the loss of a step work on when the network is differentiated by hand ({@link JetTape}).
 */
public final class JetWithGradients {
    private final JetChannels layout;
    private final int samples;
    private final int outputs;
    private final float[][] values;
    private final float[][] gradients;

    /** Zero values and gradients for {@code samples} points and {@code outputs} outputs. */
    public JetWithGradients(DerivativeSet spec, int samples, int outputs) {
        this.layout = new JetChannels(spec);
        this.samples = samples;
        this.outputs = outputs;
        this.values = new float[layout.count()][samples * outputs];
        this.gradients = new float[layout.count()][samples * outputs];
    }

    public int samples() {
        return samples;
    }

    public int outputs() {
        return outputs;
    }

    /** The outputs themselves (N x K), writable. */
    public float[] value() {
        return values[0];
    }

    /** A derivative (N x K), writable; null when it is not carried. */
    public float[] derivative(Partial p) {
        int c = layout.of(p);
        return c < 0 ? null : values[c];
    }

    /** ∂loss/∂value (N x K), for the loss to add to. */
    public float[] valueGradient() {
        return gradients[0];
    }

    /** ∂loss/∂(the derivative p) (N x K); null when p is not carried. */
    public float[] derivativeGradient(Partial p) {
        int c = layout.of(p);
        return c < 0 ? null : gradients[c];
    }

    /** Channel order of {@link JetChannels}: value first. */
    float[][] channelValues() {
        return values;
    }

    float[][] channelGradients() {
        return gradients;
    }
}
