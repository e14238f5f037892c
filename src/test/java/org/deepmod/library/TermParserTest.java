package org.deepmod.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deepmod.nn.Partial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The term parser: every kind of term reads into the factors and extras the built-in libraries and the name
 * format use (written back as its canonical name), and every kind of mistake is refused with a message that
 * quotes the term and says why.
 */
class TermParserTest {

    /** Text as a config gives it (two fields, one or two space dimensions, diff 4) and its canonical name. */
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "1|1|1",
        "u|1|u",
        "v|1|v",
        "u_x|1|u_x",
        "u_xxxx|1|u_xxxx",
        "u*u_x|1|u*u_x",
        "u_x*u|1|u*u_x",               // factors sorted as the built-in libraries order them
        "u^2*u_xxx|1|u^2*u_xxx",
        "u*u*u_xxx|1|u^2*u_xxx",       // a repeated factor is a power
        "u_x * v_x|1|u_x*v_x",
        "v_xx*u|1|u*v_xx",
        "u_x*v|1|v*u_x",               // as Library1D names it
        "u*v^2|1|u*v^2",
        "x*u_x|1|x*u_x",
        "u_x*x|1|x*u_x",
        "t*u|1|t*u",
        "sin(u)|1|sin(u)",
        "cos(u_x)|1|cos(u_x)",
        "exp(-u)|1|exp(-u)",
        "log(1 + u^2)|1|log(1+u^2)",
        "u*sin(v)|1|u*sin(v)",
        "sin(u)^2|1|sin(u)*sin(u)",
        "u/(1+u)|1|u/(1+u)",
        "1/u|1|1/u",
        "u_xx/(1+u*u)|1|u_xx/(1+u*u)",
        "u/(v*v)|1|u/(v*v)",
        "sin(x)*u|1|u*sin(x)",
        "exp(0.5*u)|1|exp(0.5*u)",
        "u_y|2|u_y",
        "u_xy|2|u_xy",
        "u_yx|2|u_xy",
        "y*u_yy|2|y*u_yy",
    })
    void readsEveryKindOfTerm(String text, int spatialDims, String name) {
        Term term = TermParser.parse(text, 2, spatialDims, 4);
        assertEquals(name, TermNames.of(term));
        // the canonical name reads back into the same term
        assertEquals(term, TermParser.parse(name, 2, spatialDims, 4));
    }

    @Test
    void plainTermsAreTheBuiltInFactorsWithoutExtras() {
        Term term = TermParser.parse("u^2*u_xxx", 1, 1, 3);
        assertEquals(List.of(new Term.Factor(0, null), new Term.Factor(0, null), new Term.Factor(0, Partial.XXX)),
                term.factors());
        assertTrue(term.extras().isEmpty());
        assertEquals(new Term(List.of()), TermParser.parse("1", 1, 1, 3));
    }

    @Test
    void elementaryFunctionsAndCoordinatesAreExtrasWithTheirValues() {
        Term term = TermParser.parse("x*u/(1+u^2)*exp(v_x)", 2, 1, 2);
        assertEquals(List.of(new Term.Factor(0, null)), term.factors());
        assertEquals(3, term.extras().size());
        Expression.Inputs at = new Expression.Inputs() {
            @Override
            public double field(Term.Factor f, int i) {
                return f.output() == 0 ? 0.5 : 0.25; // u = 0.5, v_x = 0.25
            }

            @Override
            public double coordinate(int column, int i) {
                return column == 1 ? 3.0 : 0.0;
            }

            @Override
            public void addGradient(Term.Factor f, int i, double g) {
            }
        };
        double extras = 1;
        for (Expression e : term.extras()) {
            extras *= e.value(at, 0);
        }
        assertEquals(3.0 / (1 + 0.25) * Math.exp(0.25), extras, 1e-12);
    }

    /** Every mistake: the term quoted and why, in one line. */
    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "''|a term is empty",
        "'  '|a term is empty",
        "u+u_x|a term is a product, not a sum",
        "-u|a term is a product, not a sum or a negation",
        "2*u|a constant factor only rescales",
        "u/2|division by a constant",
        "q*u|unknown name 'q'",
        "w|'w' is field 3, the data has 2",
        "u_t|time derivatives are the left-hand side",
        "u_z|'_z' is not a derivative",
        "u_|'_' is not a derivative",
        "u_y|no y-derivative",
        "y*u|unknown name 'y'",
        "u_xxxxx|above the library's diff 4",
        "tan(u)|unknown function 'tan'",
        "sin(u|')' missing",
        "sin u|unknown name 'sin'",
        "u*|ends where a field",
        "u^0|an exponent must be a whole number 1..9",
        "u^10|an exponent must be a whole number 1..9",
        "u^x|an exponent must be a whole number",
        "u^-1|an exponent must be a whole number",
        "u$|unexpected '$'",
        "(u))|unexpected ')'",
        "1..2*u|'1..2' is not a number",
    })
    void refusesEveryMistakeNamingTheTerm(String text, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TermParser.parse(text, 2, 1, 4));
        assertTrue(e.getMessage().startsWith("'" + text + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anOdeHasNoSpaceDerivativesAndADiffBoundsTheOrder() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TermParser.parse("u_x", 1, 0, 4)).getMessage()
                .contains("no space coordinate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TermParser.parse("x*u", 1, 0, 4)).getMessage()
                .contains("unknown name 'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TermParser.parse("u_xxx", 1, 1, 2)).getMessage()
                .contains("order 3 above the library's diff 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TermParser.parse("u_xxy", 1, 2, 4)).getMessage()
                .contains("no derivative u_xxy"));
    }
}
