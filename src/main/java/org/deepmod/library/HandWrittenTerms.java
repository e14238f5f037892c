package org.deepmod.library;

import java.util.Arrays;
import java.util.List;
import org.deepmod.nn.JetWithGradients;
import org.deepmod.nn.Partial;

/**
 * A library evaluated and differentiated on the JVM from its {@link Library#terms() products}: Θ and u_t
 * from a {@link JetWithGradients}, and the chain rule back from ∂loss/∂Θ and ∂loss/∂u_t to the jet's gradients. For
 * 1600 samples and a dozen terms this is microseconds of arithmetic, where the same through PyTorch and
 * autograd is ~60 small operations (~2 ms a step).
 */
public final class HandWrittenTerms {
    private final List<Term> terms;
    private final int outputs;

    /** Coordinates row-major (N x coordDims), for terms that read them; null when none does. */
    private final double[] coordinates;
    private final int coordDims;

    public HandWrittenTerms(Library library) {
        this(library, null, 0);
    }

    /** For a library whose terms may read the coordinates {@code coordinates} (N x coordDims, row-major). */
    public HandWrittenTerms(Library library, double[] coordinates, int coordDims) {
        this.terms = library.terms();
        this.outputs = library.outputs();
        if (terms.size() != library.termCount()) {
            throw new IllegalStateException("library lists " + library.termCount() + " names but " + terms.size()
                    + " products");
        }
        this.coordinates = coordinates;
        this.coordDims = coordDims;
    }

    /**
     * Θ and u_t in float64, the form the constraint and the estimators take. A term with a derivative the jet
     * does not carry (one no active term needs, see {@link Library#derivativeSet(boolean[][])}) gets a zero column.
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
            if (!terms.get(j).extras().isEmpty()) {
                double[] extras = extrasProduct(jet, terms.get(j), -1);
                for (int i = 0; i < n; i++) {
                    column[i] *= extras[i];
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
            if (upstream == null || factors.isEmpty() && terms.get(j).extras().isEmpty()) {
                continue;
            }
            if (!carried(jet, terms.get(j))) {
                throw new IllegalStateException("term " + j + " has a gradient but the jet does not carry its derivatives");
            }
            if (!terms.get(j).extras().isEmpty()) {
                upstream = backwardExtras(jet, terms.get(j), upstream);
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

    /** The product of a term's extras at every sample, leaving out extra {@code skip} (-1: none). */
    private double[] extrasProduct(JetWithGradients jet, Term term, int skip) {
        int n = jet.samples();
        double[] out = new double[n];
        Arrays.fill(out, 1.0);
        Expression.Inputs in = inputs(jet);
        List<Expression> extras = term.extras();
        for (int e = 0; e < extras.size(); e++) {
            if (e != skip) {
                for (int i = 0; i < n; i++) {
                    out[i] *= extras.get(e).value(in, i);
                }
            }
        }
        return out;
    }

    /**
     * Sends the gradient of a term with extras into the leaves of its extras, and returns the upstream for its
     * plain factors: {@code upstream} times the extras' product.
     */
    private double[] backwardExtras(JetWithGradients jet, Term term, double[] upstream) {
        int n = jet.samples();
        double[] fields = new double[n];
        Arrays.fill(fields, 1.0);
        for (Term.Factor f : term.factors()) {
            float[] values = values(jet, f.derivative());
            for (int i = 0, at = f.output(); i < n; i++, at += outputs) {
                fields[i] *= values[at];
            }
        }
        Expression.Inputs in = inputs(jet);
        List<Expression> extras = term.extras();
        for (int e = 0; e < extras.size(); e++) {
            double[] others = extrasProduct(jet, term, e);
            for (int i = 0; i < n; i++) {
                extras.get(e).backward(in, i, upstream[i] * fields[i] * others[i]);
            }
        }
        double[] all = extrasProduct(jet, term, -1);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = upstream[i] * all[i];
        }
        return out;
    }

    private Expression.Inputs inputs(JetWithGradients jet) {
        return new Expression.Inputs() {
            @Override
            public double field(Term.Factor f, int i) {
                return values(jet, f.derivative())[i * outputs + f.output()];
            }

            @Override
            public double coordinate(int column, int i) {
                if (coordinates == null) {
                    throw new IllegalStateException("a term reads the coordinates, none were given");
                }
                return coordinates[i * coordDims + column];
            }

            @Override
            public void addGradient(Term.Factor f, int i, double g) {
                gradient(jet, f.derivative())[i * outputs + f.output()] += (float) g;
            }
        };
    }

    private static boolean carried(JetWithGradients jet, Term term) {
        for (Term.Factor f : Library.factors(term)) {
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
