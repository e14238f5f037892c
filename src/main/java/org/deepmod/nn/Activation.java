package org.deepmod.nn;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.deepmod.nn.kernel.KernelForm;
import org.deepmod.nn.kernel.TanhDerivatives;

/** A smooth activation σ with its derivatives, as needed by forward-mode derivative jets. */
public interface Activation {

    /** [σ(z), σ'(z), ..., σ^(order)(z)] elementwise; order is 1..4. */
    NDArray[] derivatives(NDArray z, int order, Scalars scalars);

    /** σ(z) alone, for value-only predictions. */
    NDArray apply(NDArray z);

    String name();

    /** The activations a config may name. */
    List<String> NAMES = List.of("tanh", "sin");

    static Activation byName(String name) {
        switch (name) {
            case "tanh": return new Tanh();
            case "sin": return new Sine();
            default: throw new IllegalArgumentException("unknown activation '" + name + "'; known: "
                    + String.join(", ", NAMES));
        }
    }

    /** This activation's form in the hand-written kernels; null where they have none (training takes autograd). */
    default KernelForm kernelForm() {
        return null;
    }

    /** tanh, with all derivatives written in a = tanh z ({@link TanhDerivatives}). */
    final class Tanh implements Activation {
        @Override
        public NDArray[] derivatives(NDArray z, int order, Scalars c) {
            ArrayArithmetic r = new ArrayArithmetic(c);
            NDArray[] s = new NDArray[order + 1];
            NDArray a = z.tanh();
            s[0] = a;
            NDArray q = r.mul(a, a);
            NDArray d1 = TanhDerivatives.first(r, q);
            s[1] = d1;
            if (order >= 2) {
                s[2] = TanhDerivatives.second(r, a, d1);
            }
            if (order >= 3) {
                s[3] = TanhDerivatives.third(r, q, d1);
            }
            if (order >= 4) {
                s[4] = TanhDerivatives.fourth(r, a, q, d1);
            }
            return s;
        }

        @Override
        public NDArray apply(NDArray z) {
            return z.tanh();
        }

        @Override
        public String name() {
            return "tanh";
        }

        @Override
        public KernelForm kernelForm() {
            return KernelForm.TANH;
        }
    }

    /** sin: its derivatives cycle through cos, -sin, -cos, sin. */
    final class Sine implements Activation {
        @Override
        public NDArray[] derivatives(NDArray z, int order, Scalars c) {
            NDArray[] s = new NDArray[order + 1];
            NDArray sin = z.sin();
            NDArray cos = z.cos();
            s[0] = sin;
            s[1] = cos;
            if (order >= 2) {
                s[2] = sin.neg();
            }
            if (order >= 3) {
                s[3] = cos.neg();
            }
            if (order >= 4) {
                s[4] = sin;
            }
            return s;
        }

        @Override
        public NDArray apply(NDArray z) {
            return z.sin();
        }

        @Override
        public String name() {
            return "sin";
        }

        @Override
        public KernelForm kernelForm() {
            return KernelForm.SINE;
        }
    }
}
