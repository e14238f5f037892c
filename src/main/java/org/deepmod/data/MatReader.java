package org.deepmod.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.deepmod.BadInputException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sources;

/**
 * Reads the numeric variables of a MATLAB level-5 MAT-file (v6 and compressed v7, as PDE-FIND ships its
 * benchmarks: {@code usol} or {@code uu} with {@code x} and {@code t} or {@code tt}) with MFL. MATLAB stores
 * column-major; the arrays come out in C order like every other reader's. Complex variables give their real part
 * and how large the imaginary one was, which the dataset checks ({@link NpyArray#requireReal}: PDE-FIND's are
 * complex, with imaginary parts up to about 2e-6 of the real ones in kdv.mat).
 */
final class MatReader {

    private static final int HEADER = 128;
    private static final Set<MatlabType> NUMERIC = Set.of(MatlabType.Double, MatlabType.Single, MatlabType.Int8,
            MatlabType.Int16, MatlabType.Int32, MatlabType.Int64, MatlabType.UInt8, MatlabType.UInt16,
            MatlabType.UInt32, MatlabType.UInt64);

    private MatReader() {
    }

    /** Every numeric variable by name; other variables (cells, structs, strings) are left out. */
    static Map<String, NpyArray> arrays(String file, byte[] bytes) {
        checkLevel(file, bytes);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (Mat5File mat = Mat5.newReader(Sources.wrap(bytes)).readMat()) {
            for (MatFile.Entry entry : mat.getEntries()) {
                Array value = entry.getValue();
                if (value instanceof Matrix matrix && NUMERIC.contains(value.getType())) {
                    arrays.put(entry.getName(), values(file + ": variable '" + entry.getName() + "'", matrix));
                }
            }
        } catch (BadInputException e) {
            throw e; // a variable the reader understood and refuses, not a broken file
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file + ": truncated or corrupt MAT-file (" + e.getMessage() + ")", e);
        }
        return arrays;
    }

    /** Level 5 has a 128-byte header: text, then version 0x0100 and the endian mark "IM" or "MI". */
    private static void checkLevel(String file, byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 116), StandardCharsets.ISO_8859_1);
        if (text.startsWith("MATLAB 7.3")) {
            throw new BadInputException(file + ": a MATLAB v7.3 MAT-file (HDF5), which is not read; re-save it as "
                    + "level 5 in MATLAB with save(path, '-v7') or in Python with scipy.io.savemat");
        }
        if (bytes.length < HEADER) {
            throw new BadInputException(file + ": truncated: " + bytes.length + " bytes, shorter than a MAT-file "
                    + "header (128)");
        }
        String endian = new String(bytes, 126, 2, StandardCharsets.ISO_8859_1);
        int version = endian.equals("IM") ? (bytes[124] & 0xff) | (bytes[125] & 0xff) << 8
                : (bytes[124] & 0xff) << 8 | (bytes[125] & 0xff);
        if (!text.startsWith("MATLAB") || !(endian.equals("IM") || endian.equals("MI")) || version != 0x0100) {
            throw new BadInputException(file + ": not a level-5 MAT-file (no 'MATLAB 5.0' header with version 0x0100; "
                    + "level-4 and v7.3 files are not read): re-save it with save(path, '-v7')");
        }
    }

    private static NpyArray values(String source, Matrix matrix) {
        int[] shape = matrix.getDimensions();
        int count = matrix.getNumElements();
        double[] real = new double[count];
        double largestReal = 0;
        double largestImaginary = 0;
        for (int i = 0; i < count; i++) {
            real[i] = matrix.getDouble(i);
            largestReal = Math.max(largestReal, Math.abs(real[i]));
            if (matrix.isComplex()) {
                largestImaginary = Math.max(largestImaginary, Math.abs(matrix.getImaginaryDouble(i)));
            }
        }
        return new NpyArray(source, shape, NpyFormat.fortranToC(real, shape), matrix.isComplex()
                ? new NpyArray.Imaginary("MATLAB complex " + matrix.getType(), largestReal, largestImaginary) : null);
    }
}
