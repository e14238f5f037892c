package org.deepmod.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernels run at the width the build asked for: the surefire executions that repeat the kernel tests at
 * 256 and 512 bits set {@value VectorWidth#PROPERTY}, and this class fails there if the kernels ignored it (the
 * repeated tests would then only have tested the preferred width again).
 */
class VectorWidthTest {
    @Test
    void theKernelsUseTheRequestedWidth() {
        String requested = System.getProperty(VectorWidth.PROPERTY);
        int expected = requested == null || requested.isBlank()
                ? Math.min(VectorWidth.preferredBits(), VectorWidth.DEFAULT_MAX_BITS) : Integer.parseInt(requested.strip());
        assertEquals(expected, VectorWidth.bits());
        assertEquals(expected, TileProducts.LANES.vectorBitSize());
        assertEquals(expected / Float.SIZE, VectorWidth.lanes());
        assertTrue(VectorWidth.describe().startsWith(expected + "-bit vectors (" + expected / Float.SIZE + " floats"),
                VectorWidth.describe());
    }

    /** Unset, the CPU's preferred width, but no wider than 256 bits (512 measured 8.7 times slower: VectorWidth). */
    @Test
    void theDefaultIsThePreferredWidthUpTo256Bits() {
        int bits = VectorWidth.species(null).vectorBitSize();
        assertEquals(Math.min(VectorWidth.preferredBits(), 256), bits);
        assertEquals(bits, VectorWidth.species(" ").vectorBitSize());
    }

    @ParameterizedTest(name = "{0} bits")
    @CsvSource({"128, 4", "256, 8", "512, 16", "' 256 ', 8"})
    void eachWidthNamesItsSpecies(String bits, int lanes) {
        assertEquals(lanes, VectorWidth.species(bits).length());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"64", "1024", "avx2", "8"})
    void otherValuesAreRefused(String bits) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VectorWidth.species(bits));
        assertEquals("expected 128, 256 or 512 (bits), got '" + bits + "'", e.getMessage());
    }

    /** Padding rounds a layer up to whole vectors of the width in use, never to a fixed 8. */
    @ParameterizedTest(name = "{0} units")
    @ValueSource(ints = {1, 8, 16, 20, 50, 64, 100})
    void layersArePaddedToWholeVectorsOfThisWidth(int units) {
        int lanes = VectorWidth.lanes();
        int padded = TileProducts.padded(units);
        assertEquals(0, padded % lanes, "padded to " + padded);
        assertTrue(padded >= units && padded - units < lanes, "padded to " + padded);
    }
}
