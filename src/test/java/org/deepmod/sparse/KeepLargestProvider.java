package org.deepmod.sparse;

import java.util.Arrays;
import java.util.List;

/** A stand-in for a user's own estimator: least squares on an orthogonal design, keeping the largest |c|. */
public final class KeepLargestProvider implements SparseEstimatorProvider {
    @Override
    public String name() {
        return "keep-largest";
    }

    @Override
    public String description() {
        return "test plug-in: X^T y, keeping the `count` largest";
    }

    @Override
    public List<EstimatorParameter> parameters() {
        return List.of(EstimatorParameter.integer("count", "1", 0, "terms kept"));
    }

    @Override
    public SparseEstimator create(EstimatorParameters parameters, long seed) {
        return new KeepLargest(parameters.integer("count"));
    }

    static final class KeepLargest implements SparseEstimator {
        private final int count;
        private double[] c = new double[0];

        KeepLargest(int count) {
            this.count = count;
        }

        @Override
        public SparseEstimator fit(double[][] x, double[] y) {
            c = new double[x[0].length];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < c.length; j++) {
                    c[j] += x[i][j] * y[i];
                }
            }
            double[] sorted = Arrays.stream(c).map(Math::abs).sorted().toArray();
            double cut = count == 0 ? Double.POSITIVE_INFINITY : sorted[sorted.length - count];
            for (int j = 0; j < c.length; j++) {
                if (Math.abs(c[j]) < cut) {
                    c[j] = 0.0;
                }
            }
            return this;
        }

        @Override
        public double[] coefficients() {
            return c.clone();
        }
    }
}
