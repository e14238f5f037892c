package org.deepmod.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.deepmod.BadInputException;
import org.deepmod.UserText;

/**
 * Decodes NumPy's .npy format (versions 1.0, 2.0 and 3.0): the magic string, a header that is a Python dict
 * literal ({'descr': '&lt;f8', 'fortran_order': False, 'shape': (256, 101), }) and the raw array bytes.
 * Numeric dtypes only: floats (f4, f8), signed (i1 to i8) and unsigned (u1 to u4) integers in either byte
 * order, and complex (c8, c16) when the imaginary part is negligible. Object arrays are refused: reading them
 * means running Python's unpickler.
 */
final class NpyFormat {

    /**
     * The largest imaginary part, relative to the largest real one, taken as a solver's numerical noise: PDE-FIND's
     * files (kdv.mat, from a spectral solver) hold about 2e-6; 1e-4 is still a hundred times below the smallest
     * noise level a study adds (1 %). Above it, a dataset's {@code complex: real} takes the real part.
     */
    static final double IMAGINARY_TOLERANCE = 1e-4;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*(['\"])([^'\"]*)\\1");
    private static final Pattern STRUCTURED = Pattern.compile("['\"]descr['\"]\\s*:\\s*\\[");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern DTYPE = Pattern.compile("([<>|=]?)([a-zA-Z])(\\d*)");

    private NpyFormat() {
    }

    /** @param source names the file (and array) in every message */
    static NpyArray parse(byte[] bytes, String source) {
        Header header = header(bytes, source);
        return decode(dtype(header.text, source), shape(header.text, source), fortranOrder(header.text, source), bytes,
                header.dataStart, source);
    }

    /** The dtype text of a .npy file's header ('&lt;f8', '|O'). */
    static String descr(byte[] bytes, String source) {
        return group(DESCR, header(bytes, source).text, 2, "descr", source);
    }

    /** Where the data (or the pickle stream of an object array) starts: right after the header. */
    static int dataStart(byte[] bytes, String source) {
        return header(bytes, source).dataStart;
    }

    /** The header's dict literal and the offset of the data after it. */
    private record Header(String text, int dataStart) {
    }

    private static Header header(byte[] bytes, String source) {
        checkMagic(bytes, source);
        int major = bytes[6] & 0xff;
        if (major < 1 || major > 3) {
            throw new BadInputException(source + ": .npy format version " + major + "." + (bytes[7] & 0xff)
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        int headerStart = 8 + lengthBytes;
        if (bytes.length < headerStart) {
            throw truncated(source, "the header length");
        }
        ByteBuffer lengthField = ByteBuffer.wrap(bytes, 8, lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? lengthField.getShort() & 0xffff : lengthField.getInt() & 0xffffffffL;
        if (headerStart + headerLength > bytes.length) {
            throw truncated(source, "the header");
        }
        String text = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return new Header(text, (int) (headerStart + headerLength));
    }

    /**
     * Decodes raw array bytes as numpy lays them out, given the dtype text ('&lt;f8', '&gt;c16'), the shape and
     * the order: for .npy files and for the arrays of a pickled dict (whose ndarray state holds the same three).
     */
    static NpyArray decode(String descr, int[] shape, boolean fortran, byte[] bytes, int dataStart, String source) {
        return decode(dtypeOf(descr, source), shape, fortran, bytes, dataStart, source);
    }

    private static NpyArray decode(Dtype dtype, int[] shape, boolean fortran, byte[] bytes, int dataStart,
                                   String source) {
        String shapeText = NpyArray.shapeText(shape);
        long count = 1;
        for (int extent : shape) {
            count *= extent; // stays below 2^62: each factor and the product so far are below 2^31
            if (count * dtype.size > Integer.MAX_VALUE - 8) {
                throw new BadInputException(source + ": an array of shape " + shapeText + " is too large to read");
            }
        }
        int needed = (int) count * dtype.size;
        if (bytes.length - dataStart < needed) {
            throw new BadInputException(source + ": truncated: the header promises shape " + shapeText + " of "
                    + dtype.text + " (" + needed + " bytes of data) but only " + (bytes.length - dataStart)
                    + " bytes follow; the file was cut short");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, needed).order(dtype.order);
        if (dtype.complex) {
            double[] real = new double[(int) count];
            NpyArray.Imaginary imaginary = realPart(data, real, dtype);
            return new NpyArray(source, shape, fortran ? fortranToC(real, shape) : real, imaginary);
        }
        double[] values = decode(data, (int) count, dtype);
        return new NpyArray(source, shape, fortran ? fortranToC(values, shape) : values);
    }

    private static void checkMagic(byte[] bytes, String source) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= bytes.length) {
                throw truncated(source, "the magic string");
            }
            if (bytes[i] != MAGIC[i]) {
                throw new BadInputException(source + ": not a .npy array (it does not start with \\x93NUMPY)");
            }
        }
        if (bytes.length < 8) {
            throw truncated(source, "the format version");
        }
    }

    private static BadInputException truncated(String source, String what) {
        return new BadInputException(source + ": truncated: the file ends inside " + what + " of the .npy header");
    }

    /**
     * A dtype this reader decodes. {@code size} is bytes per element; {@code element} reads one value (for
     * complex dtypes one of the two parts).
     */
    private record Dtype(String text, int size, boolean complex, ByteOrder order,
                         ToDoubleFunction<ByteBuffer> element) {
    }

    private static Dtype dtype(String header, String source) {
        if (STRUCTURED.matcher(header).find()) {
            throw new BadInputException(source + ": structured dtypes (record arrays) are not supported; save each "
                    + "field as its own numeric array, e.g. np.savez(path, t=t, x=x, u=u)");
        }
        return dtypeOf(group(DESCR, header, 2, "descr", source), source);
    }

    private static Dtype dtypeOf(String descr, String source) {
        Matcher m = DTYPE.matcher(descr);
        if (!m.matches()) {
            throw unsupported(source, descr);
        }
        if (m.group(2).equals("O")) {
            throw new BadInputException(source + ": holds pickled Python objects (dtype '" + descr + "'), which are "
                    + "not read because unpickling runs arbitrary code. Re-save the data as numeric arrays, e.g. "
                    + "d = np.load(path, allow_pickle=True).item(); np.savez('data.npz', t=d['t'], x=d['x'], "
                    + "u=d['u'].real) with t, x, u float arrays of equal shape (take .real of complex data)");
        }
        String type = m.group(2) + m.group(3);
        ToDoubleFunction<ByteBuffer> element = switch (type) {
            case "f8", "c16" -> ByteBuffer::getDouble;
            case "f4", "c8" -> ByteBuffer::getFloat;
            case "i8" -> ByteBuffer::getLong;
            case "i4" -> ByteBuffer::getInt;
            case "i2" -> ByteBuffer::getShort;
            case "i1" -> ByteBuffer::get;
            case "u4" -> b -> b.getInt() & 0xffffffffL;
            case "u2" -> b -> b.getShort() & 0xffff;
            case "u1" -> b -> b.get() & 0xff;
            default -> throw unsupported(source, descr);
        };
        // '|' (no byte order: single bytes) and '=' (native: numpy writes '<' on the machines it runs on)
        // read as little-endian
        ByteOrder order = m.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return new Dtype(descr, Integer.parseInt(m.group(3)), type.startsWith("c"), order, element);
    }

    private static BadInputException unsupported(String source, String descr) {
        return new BadInputException(source + ": dtype '" + descr + "' is not supported; use numeric arrays "
                + "(float64 '<f8', float32 '<f4', int64 '<i8', int32 '<i4', ...)");
    }

    private static int[] shape(String header, String source) {
        String inside = group(SHAPE, header, 1, "shape", source);
        String[] parts = inside.split(",");
        int count = 0;
        int[] shape = new int[parts.length];
        for (String part : parts) {
            String extent = part.trim();
            if (extent.isEmpty()) {
                continue; // the trailing comma of (256,) and the empty tuple ()
            }
            if (extent.endsWith("L")) {
                extent = extent.substring(0, extent.length() - 1); // Python 2 longs: (256L, 101L)
            }
            try {
                shape[count] = Integer.parseInt(extent);
            } catch (NumberFormatException e) {
                throw malformed(source, header);
            }
            if (shape[count++] < 0) {
                throw malformed(source, header);
            }
        }
        return Arrays.copyOf(shape, count);
    }

    private static boolean fortranOrder(String header, String source) {
        return group(FORTRAN, header, 1, "fortran_order", source).equals("True");
    }

    private static String group(Pattern pattern, String header, int group, String key, String source) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new BadInputException(source + ": malformed .npy header, no readable '" + key + "' in "
                    + abbreviate(header));
        }
        return m.group(group);
    }

    private static BadInputException malformed(String source, String header) {
        return new BadInputException(source + ": malformed .npy header " + abbreviate(header));
    }

    /** The header as a message quotes it: up to 200 characters of its dict, never bytes that are not text. */
    private static String abbreviate(String header) {
        String trimmed = header.strip();
        if (!UserText.isText(trimmed)) {
            return "(a header of bytes that are not text)";
        }
        return trimmed.length() <= 200 ? trimmed : trimmed.substring(0, 200) + "...";
    }

    private static double[] decode(ByteBuffer data, int count, Dtype dtype) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = dtype.element.applyAsDouble(data);
        }
        return values;
    }

    /** Reads the real parts into {@code real}; returns how large the imaginary parts were. */
    private static NpyArray.Imaginary realPart(ByteBuffer data, double[] real, Dtype dtype) {
        double largestReal = 0;
        double largestImaginary = 0;
        for (int i = 0; i < real.length; i++) {
            real[i] = dtype.element.applyAsDouble(data);
            double imaginary = dtype.element.applyAsDouble(data);
            largestReal = Math.max(largestReal, Math.abs(real[i]));
            largestImaginary = Math.max(largestImaginary, Math.abs(imaginary));
        }
        return new NpyArray.Imaginary("dtype '" + dtype.text + "'", largestReal, largestImaginary);
    }

    /** Fortran order has the first index fastest; walk it in that order and write each value at its C position. */
    static double[] fortranToC(double[] fortran, int[] shape) {
        int n = shape.length;
        int[] cStride = new int[n];
        for (int k = n - 1, stride = 1; k >= 0; stride *= shape[k], k--) {
            cStride[k] = stride;
        }
        double[] c = new double[fortran.length];
        int[] index = new int[n];
        int position = 0;
        for (double value : fortran) {
            c[position] = value;
            for (int k = 0; k < n; k++) {
                index[k]++;
                position += cStride[k];
                if (index[k] < shape[k]) {
                    break;
                }
                position -= cStride[k] * shape[k];
                index[k] = 0;
            }
        }
        return c;
    }
}
