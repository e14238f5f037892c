package org.deepmod.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Matrix;

/** MAT-files for tests of complex data, in PDE-FIND's layout: {@code usol} (x rows, t columns) beside x and t. */
public final class ComplexMatFiles {
    /** The grid: usol is 20 × 10. */
    public static final int NX = 20;
    public static final int NT = 10;

    private ComplexMatFiles() {
    }

    /**
     * usol complex with real part {@code 1 + i + j} (largest 29) and imaginary part {@code fraction} times it;
     * x is i and t is j.
     */
    public static Path pdeFindShaped(Path file, double fraction) {
        return pdeFindShaped(file, (i, j) -> fraction * (1 + i + j));
    }

    /** usol complex with real part {@code 1 + i + j} and the imaginary part {@code imaginary(i, j)}; x is i, t is j. */
    public static Path pdeFindShaped(Path file, IntToDoubleBiFunction imaginary) {
        Matrix usol = Mat5.newComplex(NX, NT);
        Matrix x = Mat5.newMatrix(NX, 1);
        Matrix t = Mat5.newMatrix(NT, 1);
        for (int i = 0; i < NX; i++) {
            x.setDouble(i, 0, i);
            for (int j = 0; j < NT; j++) {
                t.setDouble(j, 0, j);
                usol.setDouble(i, j, 1 + i + j);
                usol.setImaginaryDouble(i, j, imaginary.apply(i, j));
            }
        }
        try {
            Mat5.writeToFile(Mat5.newMatFile().addArray("usol", usol).addArray("x", x).addArray("t", t), file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The imaginary part at row i, column j. */
    @FunctionalInterface
    public interface IntToDoubleBiFunction {
        double apply(int i, int j);
    }
}
