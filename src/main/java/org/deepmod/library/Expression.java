package org.deepmod.library;

import ai.djl.ndarray.NDArray;
import java.util.Set;
import org.deepmod.nn.Partial;

/**
 * A factor of a {@link Term} that is not a plain power of a field or a derivative: a coordinate ({@code x}),
 * an elementary function of an expression ({@code sin(u)}), a quotient ({@code 1/(1+u)}); inside them sums,
 * products, integer powers and constants. Evaluated per sample on the JVM with its gradient (the hand-written
 * step), and on DJL arrays in the jet's graph (autograd): both from this one tree.
 */
public sealed interface Expression {

    /** The value at sample {@code i}. */
    double value(Inputs in, int i);

    /** Adds {@code upstream}·∂value/∂leaf at sample {@code i} to every field leaf's gradient. */
    void backward(Inputs in, int i, double upstream);

    /** The value as an N x 1 array in the graph of {@code in}. */
    NDArray evaluate(ArrayInputs in);

    /** The text of a term name: canonical spacing, parentheses only where needed. */
    String text();

    /** Binding strength for parenthesising: 0 sum, 1 product, 2 power, 3 atom. */
    default int precedence() {
        return 3;
    }

    /** Adds the field factors this expression reads. */
    void leaves(Set<Term.Factor> out);

    /** Whether any leaf is a coordinate. */
    boolean readsCoordinates();

    /** What the JVM evaluation reads: field channels per sample (values and derivatives) and the coordinates. */
    interface Inputs {
        double field(Term.Factor f, int i);

        double coordinate(int column, int i);

        void addGradient(Term.Factor f, int i, double g);
    }

    /** What the DJL evaluation reads: field channels (N x 1) and coordinate columns, and constants that outlive backward. */
    interface ArrayInputs {
        NDArray field(Term.Factor f);

        NDArray coordinate(int column);

        NDArray constant(double value);
    }

    /** The coordinate names by input column: time, then x, y. */
    String[] COORDINATES = {"t", "x", "y"};

    record Constant(double c) implements Expression {
        public double value(Inputs in, int i) {
            return c;
        }

        public void backward(Inputs in, int i, double upstream) {
        }

        public NDArray evaluate(ArrayInputs in) {
            return in.constant(c);
        }

        public String text() {
            return c == Math.rint(c) && Math.abs(c) < 1e15 ? Long.toString((long) c) : Double.toString(c);
        }

        public void leaves(Set<Term.Factor> out) {
        }

        public boolean readsCoordinates() {
            return false;
        }
    }

    record Field(Term.Factor factor) implements Expression {
        public double value(Inputs in, int i) {
            return in.field(factor, i);
        }

        public void backward(Inputs in, int i, double upstream) {
            in.addGradient(factor, i, upstream);
        }

        public NDArray evaluate(ArrayInputs in) {
            return in.field(factor);
        }

        public String text() {
            String variable = TermNames.output(factor.output());
            return factor.derivative() == null ? variable : TermNames.derivative(variable, factor.derivative().suffix());
        }

        public void leaves(Set<Term.Factor> out) {
            out.add(factor);
        }

        public boolean readsCoordinates() {
            return false;
        }
    }

    /** An input coordinate (column 0 is time): constant with respect to the network, so without gradient. */
    record Coordinate(int column) implements Expression {
        public double value(Inputs in, int i) {
            return in.coordinate(column, i);
        }

        public void backward(Inputs in, int i, double upstream) {
        }

        public NDArray evaluate(ArrayInputs in) {
            return in.coordinate(column);
        }

        public String text() {
            return COORDINATES[column];
        }

        public void leaves(Set<Term.Factor> out) {
        }

        public boolean readsCoordinates() {
            return true;
        }
    }

    /** An operation on two expressions: its leaves and whether it reads coordinates are both operands'. */
    sealed interface Binary extends Expression permits Sum, Product, Quotient {
        Expression a();

        Expression b();

        default void leaves(Set<Term.Factor> out) {
            a().leaves(out);
            b().leaves(out);
        }

        default boolean readsCoordinates() {
            return a().readsCoordinates() || b().readsCoordinates();
        }
    }

    /** a + b, or a − b when {@code subtract}. */
    record Sum(Expression a, Expression b, boolean subtract) implements Binary {
        public double value(Inputs in, int i) {
            return subtract ? a.value(in, i) - b.value(in, i) : a.value(in, i) + b.value(in, i);
        }

        public void backward(Inputs in, int i, double upstream) {
            a.backward(in, i, upstream);
            b.backward(in, i, subtract ? -upstream : upstream);
        }

        public NDArray evaluate(ArrayInputs in) {
            return subtract ? a.evaluate(in).sub(b.evaluate(in)) : a.evaluate(in).add(b.evaluate(in));
        }

        public String text() {
            return a.text() + (subtract ? "-" : "+") + (subtract ? wrap(b, 1) : b.text());
        }

        public int precedence() {
            return 0;
        }
    }

    record Product(Expression a, Expression b) implements Binary {
        public double value(Inputs in, int i) {
            return a.value(in, i) * b.value(in, i);
        }

        public void backward(Inputs in, int i, double upstream) {
            a.backward(in, i, upstream * b.value(in, i));
            b.backward(in, i, upstream * a.value(in, i));
        }

        public NDArray evaluate(ArrayInputs in) {
            return a.evaluate(in).mul(b.evaluate(in));
        }

        public String text() {
            return wrap(a, 1) + "*" + wrap(b, 2);
        }

        public int precedence() {
            return 1;
        }
    }

    record Quotient(Expression a, Expression b) implements Binary {
        public double value(Inputs in, int i) {
            return a.value(in, i) / b.value(in, i);
        }

        public void backward(Inputs in, int i, double upstream) {
            double d = b.value(in, i);
            a.backward(in, i, upstream / d);
            b.backward(in, i, -upstream * a.value(in, i) / (d * d));
        }

        public NDArray evaluate(ArrayInputs in) {
            return a.evaluate(in).div(b.evaluate(in));
        }

        public String text() {
            return wrap(a, 1) + "/" + wrap(b, 2);
        }

        public int precedence() {
            return 1;
        }
    }

    record Negation(Expression a) implements Expression {
        public double value(Inputs in, int i) {
            return -a.value(in, i);
        }

        public void backward(Inputs in, int i, double upstream) {
            a.backward(in, i, -upstream);
        }

        public NDArray evaluate(ArrayInputs in) {
            return a.evaluate(in).neg();
        }

        public String text() {
            return "-" + wrap(a, 2);
        }

        public int precedence() {
            return 1;
        }

        public void leaves(Set<Term.Factor> out) {
            a.leaves(out);
        }

        public boolean readsCoordinates() {
            return a.readsCoordinates();
        }
    }

    /** a^n for an integer n ≥ 2 (a power of one leaf at a term's top level is repeated factors instead). */
    record Power(Expression a, int n) implements Expression {
        public double value(Inputs in, int i) {
            return Math.pow(a.value(in, i), n);
        }

        public void backward(Inputs in, int i, double upstream) {
            a.backward(in, i, upstream * n * Math.pow(a.value(in, i), n - 1));
        }

        public NDArray evaluate(ArrayInputs in) {
            NDArray base = a.evaluate(in);
            NDArray out = base;
            for (int k = 1; k < n; k++) {
                out = out.mul(base);
            }
            return out;
        }

        public String text() {
            return wrap(a, 3) + "^" + n;
        }

        public int precedence() {
            return 2;
        }

        public void leaves(Set<Term.Factor> out) {
            a.leaves(out);
        }

        public boolean readsCoordinates() {
            return a.readsCoordinates();
        }
    }

    /** An elementary function of one argument. */
    record Call(Function function, Expression a) implements Expression {
        public double value(Inputs in, int i) {
            return function.value(a.value(in, i));
        }

        public void backward(Inputs in, int i, double upstream) {
            a.backward(in, i, upstream * function.derivative(a.value(in, i)));
        }

        public NDArray evaluate(ArrayInputs in) {
            NDArray x = a.evaluate(in);
            return switch (function) {
                case SIN -> x.sin();
                case COS -> x.cos();
                case EXP -> x.exp();
                case LOG -> x.log();
            };
        }

        public String text() {
            return function.configName() + "(" + a.text() + ")";
        }

        public void leaves(Set<Term.Factor> out) {
            a.leaves(out);
        }

        public boolean readsCoordinates() {
            return a.readsCoordinates();
        }
    }

    /** The functions a term may apply; {@code log} is defined where its argument is positive. */
    enum Function {
        SIN, COS, EXP, LOG;

        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        double value(double x) {
            return switch (this) {
                case SIN -> Math.sin(x);
                case COS -> Math.cos(x);
                case EXP -> Math.exp(x);
                case LOG -> Math.log(x);
            };
        }

        double derivative(double x) {
            return switch (this) {
                case SIN -> Math.cos(x);
                case COS -> -Math.sin(x);
                case EXP -> Math.exp(x);
                case LOG -> 1 / x;
            };
        }
    }

    /** {@code e}'s text, in parentheses when it binds more loosely than {@code precedence}. */
    private static String wrap(Expression e, int precedence) {
        return e.precedence() < precedence ? "(" + e.text() + ")" : e.text();
    }

    /** Whether the expression has a hand-written partial derivative ({@link Partial}) among its leaves. */
    static boolean readsDerivatives(Expression e) {
        Set<Term.Factor> leaves = new java.util.HashSet<>();
        e.leaves(leaves);
        return leaves.stream().anyMatch(f -> f.derivative() != null);
    }
}
