package org.deepmod.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector width of the hand-written kernels ({@link HiddenLayerKernel}, {@link TileProducts}): the CPU's
 * preferred one, but at most 256 bits ({@link #DEFAULT_MAX_BITS}), unless the system property {@value #PROPERTY} names
 * another (128, 256 or 512). The property lets the tests run the kernels at both common widths on one machine,
 * and a benchmark compare them; a width wider than the CPU's runs correctly, only slowly (the Vector API then
 * computes lane by lane). Nothing else may assume a lane count: tiles are padded to whole vectors of this width.
 *
 * <p>Chosen once per JVM (a constant the JIT folds into the kernels); read it before the first kernel loads.
 */
public final class VectorWidth {
    public static final String PROPERTY = "deepmod.vector.bits";

    /**
     * The widest default. Measured with {@code bench step} (ms per training step, the Burgers set-up, median of
     * 80 windows) on an AMD EPYC (Zen 5) whose JVM prefers 512-bit vectors, the same launch order:
     * <pre>
     *   --vector-bits 256   8.36 ms   (after the mask update  9.55 ms)
     *   --vector-bits 512  72.56 ms   (after the mask update 48.03 ms)
     * </pre>
     * Java 17's C2 does not compile these kernels' 512-bit operations into AVX-512 instructions here (a Burgers run:
     * 1217 s at 512 bits against 233 s at 256 on the same, loaded, machine), so 512 bits is only taken when asked for.
     */
    public static final int DEFAULT_MAX_BITS = 256;

    /**
     * The chosen species, in a class of its own: it is initialised at the first kernel's use, not when
     * {@link #species} checks a value before the property is set ({@code bench step --vector-bits}).
     */
    static final class Chosen {
        static final VectorSpecies<Float> FLOATS = fromProperty();

        private Chosen() {
        }

        private static VectorSpecies<Float> fromProperty() {
            try {
                return species(System.getProperty(PROPERTY));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PROPERTY + ": " + e.getMessage(), e);
            }
        }
    }

    private VectorWidth() {
    }

    /**
     * The species a width in bits names; when it is null or empty the CPU's preferred one, at most
     * {@link #DEFAULT_MAX_BITS} wide.
     *
     * @throws IllegalArgumentException for anything but 128, 256 or 512
     */
    public static VectorSpecies<Float> species(String bits) {
        if (bits == null || bits.isBlank()) {
            return preferredBits() > DEFAULT_MAX_BITS ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED;
        }
        return switch (bits.strip()) {
            case "128" -> FloatVector.SPECIES_128;
            case "256" -> FloatVector.SPECIES_256;
            case "512" -> FloatVector.SPECIES_512;
            default -> throw new IllegalArgumentException("expected 128, 256 or 512 (bits), got '" + bits + "'");
        };
    }

    /** Bits of a vector in the kernels. */
    public static int bits() {
        return Chosen.FLOATS.vectorBitSize();
    }

    /** Floats per vector in the kernels. */
    public static int lanes() {
        return Chosen.FLOATS.length();
    }

    /** Bits of the CPU's preferred float vector (what the kernels use unless told otherwise). */
    public static int preferredBits() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }

    /** For benchmark output: "512-bit vectors (16 floats; the CPU's preferred width)". */
    public static String describe() {
        boolean preferred = VectorShape.preferredShape().vectorBitSize() == bits();
        return bits() + "-bit vectors (" + lanes() + " floats; "
                + (preferred ? "the CPU's preferred width" : "the CPU prefers " + preferredBits()) + ")";
    }
}
