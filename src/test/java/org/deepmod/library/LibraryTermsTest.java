package org.deepmod.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
        assertEquals(terms, new Library1D(poly, diff).terms());
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
}
