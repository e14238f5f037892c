package org.deepmod.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EquationFormatterTest {

    private static final List<String> TERMS = List.of("1", "u_x", "u_xx", "u", "u*u_x", "u*u_xx");

    private static double[] doubles(String spaceSeparated) {
        String[] parts = spaceSeparated.trim().split(" +");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    private static boolean[] mask(String bits) {
        boolean[] out = new boolean[bits.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bits.charAt(i) == '1';
        }
        return out;
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = ';', value = {
        "0 0 0.09820 0 -1.0041 0;  001010; u_t = 0.0982*u_xx - 1.004*u*u_x",
        "0 0 -0.1 0 1 0;           001010; u_t = -0.1*u_xx + 1*u*u_x",
        "2.5 0 -0.1 0 -1 0;        101010; u_t = 2.5 - 0.1*u_xx - 1*u*u_x",
        "-2.5 0 0 0 0 0;           100000; u_t = -2.5",
        "0 0.7 0.1 0 -1 0;         000000; u_t = 0",
        "9 9 0.1 9 -1 9;           001010; u_t = 0.1*u_xx - 1*u*u_x",
        "0 1e-5 0 0 0 -2.5e-12;    010001; u_t = 1e-5*u_x - 2.5e-12*u*u_xx",
        "0 12345.6 0 0 0 0.00012346; 010001; u_t = 1.235e4*u_x + 1.235e-4*u*u_xx",
        "0 3.2e15 0 0 0 -7.77e-123; 010001; u_t = 3.2e15*u_x - 7.77e-123*u*u_xx",
        "0 0.0009999 0 0 0 9999.4;  010001; u_t = 9.999e-4*u_x + 9999*u*u_xx",
        "0 0.00099996 0 0 0 9999.6; 010001; u_t = 0.001*u_x + 1e4*u*u_xx",
        "0 0 0 0 123.456 0;         000010; u_t = 123.5*u*u_x",
        "0 0 0 0 0 0;               000010; u_t = 0*u*u_x",
    })
    void formatsEquations(String coefficients, String bits, String expected) {
        assertEquals(expected, EquationFormatter.format("u_t", TERMS, doubles(coefficients), mask(bits)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0.001, 0.001", "-0.001, -0.001", "1.0, 1", "100, 100", "1234.5678, 1235", "9999, 9999",
        "10000, 1e4", "-1e-5, -1e-5", "1.23456e-10, 1.235e-10", "6.02214e23, 6.022e23", "NaN, NaN",
        "Infinity, Infinity",
    })
    void formatsSingleCoefficients(double value, String expected) {
        assertEquals(expected, EquationFormatter.coefficient(value));
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> EquationFormatter.format("u_t", TERMS, new double[5], new boolean[6]));
    }

    @Test
    void comparisonMarksMissedAndExtraTermsAndWrongSupport() {
        Map<String, Double> truth = new LinkedHashMap<>();
        truth.put("u_xx", 0.1);
        truth.put("u*u_x", -1.0);
        String table = EquationFormatter.compare(TERMS, doubles("0 0.02 0.0982 0 0 0"), mask("011000"), truth);
        assertEquals("""
                | term  |  found | truth | error % |
                | :---- | -----: | ----: | ------: |
                | u_x   |   0.02 |     - |   extra |
                | u_xx  | 0.0982 |   0.1 |    1.80 |
                | u*u_x |      - |    -1 |  missed |

                correct support: no
                """, table);
    }

    @Test
    void comparisonOfTheRightSupportSaysYes() {
        Map<String, Double> truth = Map.of("u_xx", 0.1, "u*u_x", -1.0);
        String table = EquationFormatter.compare(TERMS, doubles("0 0 0.1 0 -1.004 0"), mask("001010"), truth);
        assertEquals("""
                | term  |  found | truth | error % |
                | :---- | -----: | ----: | ------: |
                | u_xx  |    0.1 |   0.1 |    0.00 |
                | u*u_x | -1.004 |    -1 |    0.40 |

                correct support: yes
                """, table);
    }

    @Test
    void trueTermsOutsideTheLibraryCountAsMissed() {
        String table = EquationFormatter.compare(TERMS, doubles("0 0 0.1 0 0 0"), mask("001000"),
                Map.of("u_xx", 0.1, "u_xxxx", -1.0));
        assertEquals("""
                | term   | found | truth | error % |
                | :----- | ----: | ----: | ------: |
                | u_xx   |   0.1 |   0.1 |    0.00 |
                | u_xxxx |     - |    -1 |  missed |

                correct support: no
                """, table);
    }
}
