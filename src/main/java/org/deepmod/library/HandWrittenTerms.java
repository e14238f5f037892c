package org.deepmod.library;

import java.util.Arrays;
import java.util.List;
import org.deepmod.nn.JetWithGradients;
import org.deepmod.nn.Partial;

/**
 * A library evaluated and differentiated on the JVM from its {@link Library#products() products}: Θ and u_t
 * from a {@link JetWithGradients}, and the chain rule back from ∂loss/∂Θ and ∂loss/∂u_t to the jet's gradients. For
 * 1600 samples and a dozen terms this is microseconds of arithmetic, where the same through PyTorch and
 * autograd is ~60 small operations (~2 ms a step).
 */
public final class HandWrittenTerms {
    private final List<Term> terms;
    private final int outputs;

    public HandWrittenTerms(Library library) {
        this.terms = library.products();
        this.outputs = library.outputs();
        if (terms.size() != library.terms()) {
            throw new IllegalStateException("library lists " + library.terms() + " names but " + terms.size()
                    + " products");
        }
    }

    /**
     * Θ and u_t in float64, the form the constraint and the estimators take. A term with a derivative the jet
     * does not carry (one no active term needs, see {@link Library#jetSpec(boolean[][])}) gets a zero column.
     */
    public LibraryColumns evaluate(JetWithGradients jet) {
        int n = jet.samples();
        double[][] theta = new double[terms.size()][n];
        for (int j = 0; j < terms.size(); j++) {
            double[] column = theta[j];
            if (!carried(jet, terms.get(j))) {
                continue;
            }
            Arrays.fill(column, 1.0);
            for (Term.Factor f : terms.get(j).factors()) {
                float[] values = values(jet, f.derivative());
                for (int i = 0, at = f.output(); i < n; i++, at += outputs) {
                    column[i] *= values[at];
                }
            }
        }
        float[] ut = jet.derivative(Partial.T);
        double[][] timeDerivatives = new double[outputs][n];
        for (int k = 0; k < outputs; k++) {
            for (int i = 0; i < n; i++) {
                timeDerivatives[k][i] = ut[i * outputs + k];
            }
        }
        return new LibraryColumns(theta, timeDerivatives);
    }

    /**
     * Adds to the jet's gradients what flows back from {@code thetaGradient} ([F][N], null rows for terms
     * with no gradient) and {@code timeGradient} ([K][N]): a product's gradient with respect to one factor
     * is the product of the others.
     */
    public void backward(JetWithGradients jet, double[][] thetaGradient, double[][] timeGradient) {
        int n = jet.samples();
        float[] ut = jet.derivativeGradient(Partial.T);
        for (int k = 0; k < outputs; k++) {
            for (int i = 0; i < n; i++) {
                ut[i * outputs + k] += (float) timeGradient[k][i];
            }
        }
        for (int j = 0; j < terms.size(); j++) {
            double[] upstream = thetaGradient[j];
            List<Term.Factor> factors = terms.get(j).factors();
            if (upstream == null || factors.isEmpty()) {
                continue;
            }
            if (!carried(jet, terms.get(j))) {
                throw new IllegalStateException("term " + j + " has a gradient but the jet does not carry its derivatives");
            }
            int m = factors.size();
            float[][] factorValues = new float[m][];
            int[] factorOutputs = new int[m];
            for (int f = 0; f < m; f++) {
                factorValues[f] = values(jet, factors.get(f).derivative());
                factorOutputs[f] = factors.get(f).output();
            }
            for (int f = 0; f < m; f++) {
                float[] target = gradient(jet, factors.get(f).derivative());
                for (int i = 0; i < n; i++) {
                    double others = upstream[i];
                    for (int o = 0; o < m; o++) {
                        if (o != f) {
                            others *= factorValues[o][i * outputs + factorOutputs[o]];
                        }
                    }
                    target[i * outputs + factorOutputs[f]] += (float) others;
                }
            }
        }
    }

    private static boolean carried(JetWithGradients jet, Term term) {
        for (Term.Factor f : term.factors()) {
            if (f.derivative() != null && jet.derivative(f.derivative()) == null) {
                return false;
            }
        }
        return true;
    }

    private static float[] values(JetWithGradients jet, Partial p) {
        return p == null ? jet.value() : jet.derivative(p);
    }

    private static float[] gradient(JetWithGradients jet, Partial p) {
        return p == null ? jet.valueGradient() : jet.derivativeGradient(p);
    }
}
