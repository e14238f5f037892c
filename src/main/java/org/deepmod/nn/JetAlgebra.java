package org.deepmod.nn;

import ai.djl.ndarray.NDArray;

/**
 * Arithmetic on jet components where null stands for an identically zero derivative (the inputs' second and
 * higher derivatives), so that zero terms cost nothing.
 */
final class JetAlgebra {
    private JetAlgebra() {
    }

    static NDArray mul(NDArray a, NDArray b) {
        return a == null || b == null ? null : a.mul(b);
    }

    static NDArray add(NDArray a, NDArray b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }

    /**
     * Faà di Bruno along one coordinate: given s[k] = σ^(k)(z) and z[k] = ∂^k z (z[0] unused, null = zero),
     * returns a[k] = ∂^k σ(z) for k = 1..order (order up to 4):
     * a' = σ'z', a'' = σ''z'^2 + σ'z'', a''' = σ'''z'^3 + 3σ''z'z'' + σ'z''',
     * a'''' = σ''''z'^4 + 6σ'''z'^2 z'' + σ''(3z''^2 + 4z'z''') + σ'z''''.
     */
    static NDArray[] chain(NDArray[] s, NDArray[] z, int order, Scalars c) {
        NDArray[] a = new NDArray[order + 1];
        NDArray z1 = z[1];
        NDArray z2 = order >= 2 ? z[2] : null;
        NDArray z3 = order >= 3 ? z[3] : null;
        NDArray z4 = order >= 4 ? z[4] : null;
        a[1] = mul(s[1], z1);
        if (order >= 2) {
            NDArray z1Sq = z1 == null ? null : z1.square();
            a[2] = add(mul(s[2], z1Sq), mul(s[1], z2));
            if (order >= 3) {
                NDArray z1Cu = mul(z1Sq, z1);
                NDArray z1z2 = mul(z1, z2);
                a[3] = add(add(mul(s[3], z1Cu), mul(mul(s[2], z1z2), c.of(3))), mul(s[1], z3));
                if (order >= 4) {
                    NDArray z1Qu = z1Sq == null ? null : z1Sq.square();
                    NDArray inner = add(mul(z2 == null ? null : z2.square(), c.of(3)), mul(mul(z1, z3), c.of(4)));
                    a[4] = add(add(add(mul(s[4], z1Qu), mul(mul(s[3], mul(z1Sq, z2)), c.of(6))),
                            mul(s[2], inner)), mul(s[1], z4));
                }
            }
        }
        return a;
    }
}
