package org.deepmod.report.sweep;

import java.util.Locale;
import org.deepmod.library.EquationFormatter;

/**
 * A page built as text, well-formed enough for an XML parser (tests read it so): every element closed, text
 * and attributes escaped, no named entities but XML's own.
 */
final class Html {
    private final StringBuilder sb = new StringBuilder();

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    Html raw(String s) {
        sb.append(s);
        return this;
    }

    Html text(String s) {
        sb.append(escape(s));
        return this;
    }

    Html open(String tag, String... attributes) {
        sb.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                sb.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        sb.append('>');
        return this;
    }

    Html close(String tag) {
        sb.append("</").append(tag).append('>');
        return this;
    }

    /** Opens a table and writes its header row. */
    Html table(String id, String... headers) {
        open("table", "id", id).open("tr");
        for (String h : headers) {
            element("th", h);
        }
        return close("tr");
    }

    /** An element holding text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** A table cell holding a number, tagged with what it shows ({@code data-of}) so that tests can check it. */
    Html number(String of, String shown) {
        return element("td", shown, "class", "n", "data-of", of);
    }

    Html number(String of, Double value) {
        // data-digits: 4 significant digits, trailing zeros dropped (so the decimals shown do not tell the rounding)
        return value == null ? element("td", "–", "class", "n")
                : element("td", coefficient(value), "class", "n", "data-of", of, "data-digits", "4");
    }

    Html percent(String of, Double rate) {
        return rate == null ? element("td", "–", "class", "n") : number(of, percent(rate));
    }

    static String coefficient(double v) {
        return org.deepmod.library.EquationFormatter.coefficient(v);
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
