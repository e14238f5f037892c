package org.deepmod.nn.kernel;

/** The forms the hand-written kernels compute an activation σ and its derivatives in. */
public enum KernelForm {
    /** The derivatives of σ as polynomials in a = tanh z. */
    TANH,
    /** sin and cos, the derivatives cycling through them. */
    SINE
}
