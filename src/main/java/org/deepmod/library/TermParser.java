package org.deepmod.library;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deepmod.nn.Partial;

/**
 * Reads a term a config names ({@code u_xx}, {@code u*u_x}, {@code u^2*v_x}, {@code x*u_x}, {@code sin(u)},
 * {@code u/(1+u)}, {@code 1}) into a {@link Term}: its top level is a product, whose powers of fields and
 * derivatives become the term's factors (sorted as the built-in libraries order them: values by field, then
 * derivatives, so {@code u_x*u} and {@code u*u_x} are one term) and whose coordinates, function calls and
 * divisors become its extras. Inside a call or a divisor, sums, constants and powers are allowed too.
 * Whatever cannot be read is an {@link IllegalArgumentException} whose message says why, in one line.
 */
public final class TermParser {
    /** Highest integer exponent: beyond it a column's scale is useless to a least-squares fit. */
    static final int MAX_POWER = 9;

    private final String text;
    private final int outputs;
    private final int spatialDims;
    private final int maxDiff;
    private int at;

    private TermParser(String text, int outputs, int spatialDims, int maxDiff) {
        this.text = text;
        this.outputs = outputs;
        this.spatialDims = spatialDims;
        this.maxDiff = maxDiff;
    }

    /**
     * The term {@code text} names, for data with {@code outputs} fields (u, v, w) and {@code spatialDims} space
     * dimensions, its x- and y-derivatives at most of order {@code maxDiff}.
     */
    public static Term parse(String text, int outputs, int spatialDims, int maxDiff) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("'" + (text == null ? "" : text) + "': a term is empty");
        }
        TermParser p = new TermParser(text, outputs, spatialDims, maxDiff);
        Expression e = p.sum();
        p.skipSpaces();
        if (p.at < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.at) + "'");
        }
        return p.term(e);
    }

    /** The top level as a product of factors and extras; a sum or a bare constant factor is refused. */
    private Term term(Expression e) {
        List<Term.Factor> factors = new ArrayList<>();
        List<Expression> extras = new ArrayList<>();
        if (e instanceof Expression.Constant c && c.c() == 1) {
            return new Term(factors, extras);
        }
        split(e, factors, extras, false);
        factors.sort(Comparator.comparing((Term.Factor f) -> f.derivative() != null)
                .thenComparingInt(Term.Factor::output)
                .thenComparingInt(f -> f.derivative() == null ? -1 : f.derivative().ordinal()));
        extras.sort(Comparator.comparingInt(TermParser::extraRank).thenComparing(Expression::text));
        return new Term(factors, extras);
    }

    private static int extraRank(Expression e) {
        return e instanceof Expression.Coordinate ? 0 : e instanceof Expression.Quotient ? 2 : 1;
    }

    private void split(Expression e, List<Term.Factor> factors, List<Expression> extras, boolean divisor) {
        if (e instanceof Expression.Product p) {
            split(p.a(), factors, extras, divisor);
            split(p.b(), factors, extras, divisor);
        } else if (e instanceof Expression.Quotient q && !divisor) {
            split(q.a(), factors, extras, false);
            if (q.b() instanceof Expression.Constant) {
                throw error("division by a constant only rescales the coefficient; leave it out");
            }
            extras.add(new Expression.Quotient(new Expression.Constant(1), q.b()));
        } else if (e instanceof Expression.Power p && (p.a() instanceof Expression.Field
                || p.a() instanceof Expression.Coordinate || p.a() instanceof Expression.Call)) {
            for (int k = 0; k < p.n(); k++) {
                split(p.a(), factors, extras, divisor);
            }
        } else if (e instanceof Expression.Field f) {
            factors.add(f.factor());
        } else if (e instanceof Expression.Constant c) {
            if (c.c() != 1 || !factors.isEmpty() || !extras.isEmpty()) {
                throw error("a constant factor only rescales the coefficient; name the term without it ("
                        + "the constant term is '1')");
            }
        } else if (e instanceof Expression.Sum || e instanceof Expression.Negation) {
            throw error("a term is a product, not a sum or a negation; name each part as a term of its own "
                    + "(a sum may stand inside a function or a divisor)");
        } else {
            extras.add(e);
        }
    }

    private Expression sum() {
        Expression left = product();
        while (true) {
            skipSpaces();
            if (peek('+') || peek('-')) {
                boolean subtract = text.charAt(at++) == '-';
                left = new Expression.Sum(left, product(), subtract);
            } else {
                return left;
            }
        }
    }

    private Expression product() {
        Expression left = unary();
        while (true) {
            skipSpaces();
            if (peek('*')) {
                at++;
                left = new Expression.Product(left, unary());
            } else if (peek('/')) {
                at++;
                left = new Expression.Quotient(left, unary());
            } else {
                return left;
            }
        }
    }

    private Expression unary() {
        skipSpaces();
        if (peek('-')) {
            at++;
            return new Expression.Negation(unary());
        }
        Expression base = atom();
        skipSpaces();
        if (!peek('^')) {
            return base;
        }
        at++;
        skipSpaces();
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        String digits = text.substring(start, at);
        if (digits.isEmpty() || digits.length() > 2 || Integer.parseInt(digits) < 1
                || Integer.parseInt(digits) > MAX_POWER) {
            throw error("an exponent must be a whole number 1.." + MAX_POWER
                    + " (for a negative power divide: 1/u)");
        }
        int n = Integer.parseInt(digits);
        return n == 1 ? base : new Expression.Power(base, n);
    }

    private Expression atom() {
        skipSpaces();
        if (at >= text.length()) {
            throw error("ends where a field, coordinate, number or '(' was expected");
        }
        char c = text.charAt(at);
        if (c == '(') {
            at++;
            Expression inner = sum();
            expect(')');
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            int start = at;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.'
                    || text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                at++;
            }
            try {
                return new Expression.Constant(Double.parseDouble(text.substring(start, at)));
            } catch (NumberFormatException e) {
                throw error("'" + text.substring(start, at) + "' is not a number");
            }
        }
        if (!Character.isLetter(c)) {
            throw error("unexpected '" + c + "'");
        }
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        String name = text.substring(start, at);
        skipSpaces();
        if (peek('(')) {
            Expression.Function function = function(name);
            at++;
            Expression argument = sum();
            expect(')');
            return new Expression.Call(function, argument);
        }
        return variable(name);
    }

    private Expression.Function function(String name) {
        for (Expression.Function f : Expression.Function.values()) {
            if (f.configName().equals(name)) {
                return f;
            }
        }
        throw error("unknown function '" + name + "'; known: sin, cos, exp, log");
    }

    /** A field (u, v, w), its derivative (u_x, u_xx, u_y, u_xy), or a coordinate (t, x, y). */
    private Expression variable(String name) {
        for (int c = 0; c <= spatialDims; c++) {
            if (name.equals(Expression.COORDINATES[c])) {
                return new Expression.Coordinate(c);
            }
        }
        int underscore = name.indexOf('_');
        String field = underscore < 0 ? name : name.substring(0, underscore);
        int output = -1;
        for (int k = 0; k < 3; k++) {
            if (TermNames.output(k).equals(field)) {
                output = k;
            }
        }
        if (output < 0) {
            List<String> known = new ArrayList<>();
            for (int k = 0; k < outputs; k++) {
                known.add(TermNames.output(k));
            }
            for (int c = 0; c <= spatialDims; c++) {
                known.add(Expression.COORDINATES[c]);
            }
            throw error("unknown name '" + name + "'; known: " + String.join(", ", known)
                    + ", their derivatives (u_x) and sin, cos, exp, log");
        }
        if (output >= outputs) {
            throw error("'" + field + "' is field " + (output + 1) + ", the data has " + outputs);
        }
        if (underscore < 0) {
            return new Expression.Field(new Term.Factor(output, null));
        }
        return new Expression.Field(new Term.Factor(output, derivative(name.substring(underscore + 1))));
    }

    private Partial derivative(String suffix) {
        if (suffix.isEmpty() || !suffix.chars().allMatch(ch -> ch == 'x' || ch == 'y' || ch == 't')) {
            throw error("'_" + suffix + "' is not a derivative; write u_x, u_xx, u_y, u_xy");
        }
        if (suffix.indexOf('t') >= 0) {
            throw error("time derivatives are the left-hand side (u_t), not candidate terms");
        }
        if (spatialDims == 0) {
            throw error("the data has no space coordinate, so no x- or y-derivative");
        }
        long ys = suffix.chars().filter(ch -> ch == 'y').count();
        if (ys > 0 && spatialDims < 2) {
            throw error("the data has one space dimension, so no y-derivative");
        }
        if (suffix.length() > maxDiff) {
            throw error("derivative of order " + suffix.length() + " above the library's diff " + maxDiff);
        }
        String sorted = "x".repeat(suffix.length() - (int) ys) + "y".repeat((int) ys);
        for (Partial p : Partial.values()) {
            if (p != Partial.T && p.suffix().equals(sorted)) {
                return p;
            }
        }
        throw error("no derivative u_" + suffix + " is carried (1D: u_x..u_xxxx; 2D: u_x, u_y, u_xx, u_yy, u_xy)");
    }

    private void expect(char c) {
        skipSpaces();
        if (!peek(c)) {
            throw error(at >= text.length() ? "'" + c + "' missing" : "expected '" + c + "' at '" + text.charAt(at)
                    + "'");
        }
        at++;
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String why) {
        return new IllegalArgumentException("'" + text + "': " + why);
    }
}
