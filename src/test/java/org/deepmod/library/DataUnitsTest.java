package org.deepmod.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.deepmod.data.Scaling;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Burgers' equation u_t = 0.1 u_xx − u u_x written by hand in normalised variables t' = a_t t + b_t,
 * x' = a_x x + b_x, u' = a u + b: u'_t' = 0.1 a_x²/a_t u'_x'x' − a_x/(a a_t) u' u'_x' + b a_x/(a a_t) u'_x'.
 * Mapped back, those coefficients must give the data-unit equation again, the u_x the offset brought in
 * cancelling to 0.
 */
class DataUnitsTest {

    @ParameterizedTest(name = "a_t={0} a_x={1} a={2} b={3}")
    @CsvSource({"1, 1, 1, 0", "0.4, 0.25, 3, 0", "0.4, 0.25, 3, -0.7", "2, 5, 0.1, 0.3"})
    void burgersOnNormalisedDataMapsBackToTheDataUnits(double at, double ax, double a, double b) {
        Library1D library = new Library1D(2, 3);
        List<String> names = library.termNames();
        Scaling scaling = new Scaling(new double[] {at, ax}, new double[] {-1.5, 0.2}, new double[] {a},
                new double[] {b});
        double[] normalised = new double[names.size()];
        normalised[names.indexOf("u_xx")] = 0.1 * ax * ax / at;
        normalised[names.indexOf("u*u_x")] = -ax / (a * at);
        normalised[names.indexOf("u_x")] = b * ax / (a * at);
        double[] data = DataUnits.coefficients(library, scaling, new double[][] {normalised})[0];
        for (int j = 0; j < names.size(); j++) {
            double expected = names.get(j).equals("u_xx") ? 0.1 : names.get(j).equals("u*u_x") ? -1 : 0;
            assertEquals(expected, data[j], 1e-12, names.get(j));
        }
    }

    /** Two fields: u_t = u − u v, v_t = −v + u v with u, v scaled by different factors and no offset. */
    @ParameterizedTest(name = "a_t={0} a_u={1} a_v={2}")
    @CsvSource({"1, 1, 1", "0.2, 0.5, 4"})
    void lotkaVolterraWithScaledFieldsMapsBack(double at, double au, double av) {
        Library1D library = new Library1D(2, 0, 2);
        List<String> names = library.termNames();
        Scaling scaling = new Scaling(new double[] {at}, new double[] {0}, new double[] {au, av}, new double[2]);
        // u' = au u, v' = av v: u'_t' = (au/at) u_t = (1/at) u' − 1/(at av) u' v'
        double[][] normalised = new double[2][names.size()];
        normalised[0][names.indexOf("u")] = 1 / at;
        normalised[0][names.indexOf("u*v")] = -1 / (at * av);
        normalised[1][names.indexOf("v")] = -1 / at;
        normalised[1][names.indexOf("u*v")] = 1 / (at * au);
        double[][] data = DataUnits.coefficients(library, scaling, normalised);
        assertEquals(1, data[0][names.indexOf("u")], 1e-12);
        assertEquals(-1, data[0][names.indexOf("u*v")], 1e-12);
        assertEquals(-1, data[1][names.indexOf("v")], 1e-12);
        assertEquals(1, data[1][names.indexOf("u*v")], 1e-12);
    }
}
