package org.deepmod.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deepmod.nn.DerivativeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibraryTermsTest {

    @Test
    void oneDimensionalOrderIsTheReferences() {
        assertEquals(List.of("1", "u_x", "u_xx", "u_xxx", "u", "u*u_x", "u*u_xx", "u*u_xxx", "u^2", "u^2*u_x",
                "u^2*u_xx", "u^2*u_xxx"), new Library1D(2, 3).termNames());
    }

    /** Column counts of the reference (deepymod.md §2.3) for one output. */
    @ParameterizedTest(name = "P={0}, D={1}: {2} terms")
    @CsvSource({"2,3,12", "3,3,16", "2,4,15", "1,4,10", "3,2,12", "3,4,20", "5,0,6"})
    void oneOutputColumnCounts(int poly, int diff, int terms) {
        assertEquals(terms, new Library1D(poly, diff).termCount());
    }

    @Test
    void twoDimensionalOrderIsTheReferences() {
        assertEquals(List.of("1", "u_x", "u_y", "u_xx", "u_yy", "u_xy", "u", "u*u_x", "u*u_y", "u*u_xx", "u*u_yy",
                "u*u_xy"), new Library2D(1).termNames());
    }

    /**
     * Two outputs get the terms the reference intends (its code repeats the last output's derivatives):
     * monomials, products of derivatives, and u^p times the derivatives of every output, no duplicates.
     */
    @Test
    void twoOutputsHaveTheIntendedCrossTermsWithoutDuplicates() {
        List<String> names = new Library1D(1, 2, 2).termNames();
        assertEquals(List.of("1", "v", "u", "u*v",
                "v_x", "v_xx", "u_x", "u_x*v_x", "u_x*v_xx", "u_xx", "u_xx*v_x", "u_xx*v_xx",
                "u*u_x", "u*u_xx", "u*v_x", "u*v_xx", "v*u_x", "v*u_xx", "v*v_x", "v*v_xx"), names);
        assertEquals(names.size(), names.stream().distinct().count());
        // Lotka-Volterra's ODE library: 1, v, u, uv
        assertEquals(List.of("1", "v", "u", "u*v"), new Library1D(1, 0, 2).termNames());
    }

    /**
     * A step between mask updates carries the derivatives of the active terms only: masks as strings of the
     * active columns (1) in term order, and the highest x-derivative they need.
     */
    @ParameterizedTest(name = "P={0}, D={1}, outputs={2}, mask {3}: order {4}")
    @CsvSource({
        "2,3,1,111111111111,3", // all active: the library's own spec
        "2,3,1,011011001010,2", // Burgers after its first mask update (no u_xxx term left)
        "2,3,1,001001000000,2", // u_xx and u*u_x
        "2,3,1,000011000000,1", // u, u*u_x
        "2,3,1,100010001000,0", // 1, u, u^2: u_t only
        "2,3,1,000000000001,3", // u^2*u_xxx alone
        "1,2,2,00000000000001000000,2", // two outputs: u*u_xx in the first one's mask
    })
    void maskedSpecCarriesWhatActiveTermsUse(int poly, int diff, int outputs, String mask, int order) {
        Library1D library = outputs == 1 ? new Library1D(poly, diff) : new Library1D(poly, diff, outputs);
        boolean[][] masks = new boolean[outputs][library.termCount()];
        for (int j = 0; j < library.termCount(); j++) {
            masks[0][j] = mask.charAt(j) == '1';
        }
        assertEquals(DerivativeSet.oneDimensional(order), library.derivativeSet(masks));
        assertEquals(library.derivativeSet(), library.derivativeSet(all(outputs, library.termCount())));
    }

    private static boolean[][] all(int outputs, int terms) {
        boolean[][] masks = new boolean[outputs][terms];
        for (boolean[] m : masks) {
            java.util.Arrays.fill(m, true);
        }
        return masks;
    }

    /** The same for two space dimensions: the active terms' derivatives and the first ones they need. */
    @ParameterizedTest(name = "2D P=1, mask {0}: {1}")
    @CsvSource({
        "111111111111, T X Y XX YY XY",
        "011110000000, T X Y XX YY", // advection-diffusion: u_x, u_y, u_xx, u_yy
        "000001000000, T X Y XY",
        "000000000100, T X XX", // u*u_xx
        "100000100000, T", // 1, u
    })
    void twoDimensionalMaskedSpec(String mask, String partials) {
        Library2D library = new Library2D(1);
        boolean[][] masks = new boolean[1][library.termCount()];
        for (int j = 0; j < library.termCount(); j++) {
            masks[0][j] = mask.charAt(j) == '1';
        }
        java.util.EnumSet<org.deepmod.nn.Partial> expected = java.util.EnumSet.noneOf(org.deepmod.nn.Partial.class);
        for (String p : partials.split(" ")) {
            expected.add(org.deepmod.nn.Partial.valueOf(p));
        }
        assertEquals(DerivativeSet.twoDimensional(expected), library.derivativeSet(masks));
        assertEquals(expected, library.derivativeSet(masks).partials());
    }
}
