package org.deepmod.sparse;

/**
 * The values an {@link EstimatorParameter} takes: parses its text, or says what was expected. The parsed value
 * is an Integer, a Double, a double[], a Boolean, a String, or null for {@code auto}.
 */
public interface ParameterDomain {
    /** The value of {@code text}, or null when it is not in this domain. */
    Object parse(String text);

    /** What a value must be, for the message when it is not: "an integer >= 2". */
    String expected();

    /** Any text: the estimator reads and checks it. */
    static ParameterDomain text() {
        return of("any text", t -> t);
    }

    static ParameterDomain integerFrom(int min) {
        return of("an integer >= " + min, t -> {
            try {
                int v = Integer.parseInt(t);
                return v >= min ? v : null;
            } catch (NumberFormatException e) {
                return null;
            }
        });
    }

    static ParameterDomain numberIn(double min, double max) {
        return of(max == Double.MAX_VALUE ? "a number >= " + format(min) : "a number in [" + format(min) + ", "
                + format(max) + "]", t -> {
                    Double v = finite(t);
                    return v != null && v >= min && v <= max ? v : null;
                });
    }

    static ParameterDomain numberAbove(double exclusiveMin, double max) {
        return of(max == Double.MAX_VALUE ? "a number > " + format(exclusiveMin) : "a number in ("
                + format(exclusiveMin) + ", " + format(max) + "]", t -> {
                    Double v = finite(t);
                    return v != null && v > exclusiveMin && v <= max ? v : null;
                });
    }

    static ParameterDomain nonNegativeOrAuto() {
        ParameterDomain number = numberIn(0, Double.MAX_VALUE);
        return new ParameterDomain() {
            @Override
            public Object parse(String t) {
                return t.equalsIgnoreCase("auto") ? AUTO : number.parse(t);
            }

            @Override
            public String expected() {
                return number.expected() + " or auto";
            }
        };
    }

    static ParameterDomain numbersIn(double min, double max) {
        return of("numbers in [" + format(min) + ", " + format(max) + "] separated by commas", t -> {
            String[] parts = t.split(",");
            double[] values = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                Double v = finite(parts[i].trim());
                if (v == null || v < min || v > max) {
                    return null;
                }
                values[i] = v;
            }
            return values;
        });
    }

    static ParameterDomain flag() {
        return of("true or false", t -> t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")
                ? Boolean.valueOf(t) : null);
    }

    /** What {@link #nonNegativeOrAuto} parses {@code auto} to. */
    String AUTO = "auto";

    private static ParameterDomain of(String expected, java.util.function.Function<String, Object> parse) {
        return new ParameterDomain() {
            @Override
            public Object parse(String text) {
                return parse.apply(text);
            }

            @Override
            public String expected() {
                return expected;
            }
        };
    }

    private static Double finite(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
