package org.deepmod.nn.kernel;

import jdk.incubator.vector.FloatVector;

/** {@link JetArithmetic} on the kernels' float vectors, lane by lane. */
enum VectorArithmetic implements JetArithmetic<FloatVector> {
    LANES;

    @Override
    public FloatVector add(FloatVector a, FloatVector b) {
        return a.add(b);
    }

    @Override
    public FloatVector mul(FloatVector a, FloatVector b) {
        return a.mul(b);
    }

    @Override
    public FloatVector times(FloatVector a, float c) {
        return a.mul(c);
    }

    @Override
    public FloatVector plus(FloatVector a, float c) {
        return a.add(c);
    }

    @Override
    public FloatVector neg(FloatVector a) {
        return a.neg();
    }
}
