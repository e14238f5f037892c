package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Matrix;

/**
 * The largest |imaginary part| over the largest |real part| of a complex array as a file holds it, computed here
 * from the stored values (not by the readers under test), and the check that a note states it.
 */
public final class ImaginaryRatios {
    private static final Pattern STATED = Pattern.compile("up to (\\S+) of the real values");

    private ImaginaryRatios() {
    }

    /** Of a MAT-file's complex variable, read with MFL. */
    public static double ofMatVariable(Path file, String variable) {
        try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
            Matrix m = mat.getMatrix(variable);
            double real = 0;
            double imaginary = 0;
            for (int k = 0; k < m.getNumElements(); k++) {
                real = Math.max(real, Math.abs(m.getDouble(k)));
                imaginary = Math.max(imaginary, Math.abs(m.getImaginaryDouble(k)));
            }
            return imaginary / real;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Of a little-endian complex128 array of a pickled dict as DeePyMoD saves its examples: the pickle's raw
     * bytes of the array, taken as (real, imaginary) pairs of doubles.
     */
    public static double ofPickledArray(Path file, String name) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Object root = new RestrictedUnpickler().loads(Arrays.copyOfRange(bytes,
                    NpyFormat.dataStart(bytes, file.toString()), bytes.length));
            // np.save(path, dict) pickles a 0-d object array whose one element is the dict
            Map<?, ?> dict = (Map<?, ?>) ((List<?>) ((RestrictedUnpickler.ArrayState) root).state[4]).get(0);
            Object[] array = ((RestrictedUnpickler.ArrayState) dict.get(name)).state;
            assertEquals("<c16", ((RestrictedUnpickler.DtypeState) array[2]).descr(), file + ": " + name);
            ByteBuffer values = ByteBuffer.wrap((byte[]) array[4]).order(ByteOrder.LITTLE_ENDIAN);
            double real = 0;
            double imaginary = 0;
            while (values.hasRemaining()) {
                real = Math.max(real, Math.abs(values.getDouble()));
                imaginary = Math.max(imaginary, Math.abs(values.getDouble()));
            }
            return imaginary / real;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that a note states this ratio ("up to 2.1e-06 of the real values") to the two significant digits
     * it is written with: within half a unit of the second.
     */
    public static void assertStated(double ratio, String note) {
        Matcher stated = STATED.matcher(note);
        assertTrue(stated.find(), "no ratio in: " + note);
        double halfUnit = 0.5 * Math.pow(10, Math.floor(Math.log10(ratio)) - 1);
        assertEquals(ratio, Double.parseDouble(stated.group(1)), halfUnit, note);
    }
}
