package org.deepmod.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes .npy and .npz bytes as NumPy does, so that tests need no Python. */
final class NpyBytes {

    private NpyBytes() {
    }

    /** Magic, version, header length and the dict padded with spaces and '\n' to a multiple of 64, as numpy. */
    static byte[] header(int major, String dict) {
        int prefix = 6 + 2 + (major == 1 ? 2 : 4);
        int padded = (prefix + dict.length() + 1 + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - prefix - dict.length() - 1) + "\n";
        ByteBuffer out = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            out.putShort((short) text.length());
        } else {
            out.putInt(text.length());
        }
        out.put(text.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        return out.array();
    }

    static String dict(String descr, boolean fortran, int... shape) {
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            tuple.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        tuple.append(shape.length == 1 ? ",)" : ")");
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + tuple + ", }";
    }

    /** A float64 array, C order, format 1.0. */
    static byte[] npy(int[] shape, double... cOrder) {
        return npy(1, "<f8", false, shape, cOrder, null);
    }

    /**
     * @param cOrder    the values in C order; written in Fortran order if {@code fortran}
     * @param imaginary for complex dtypes, the imaginary parts (C order); else null
     */
    static byte[] npy(int major, String descr, boolean fortran, int[] shape, double[] cOrder, double[] imaginary) {
        ByteOrder order = descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String type = descr.replaceAll("^[<>|=]", "");
        int size = Integer.parseInt(type.substring(1));
        ByteBuffer data = ByteBuffer.allocate(cOrder.length * size).order(order);
        for (int p = 0; p < cOrder.length; p++) {
            int i = fortran ? fortranToCIndex(p, shape) : p;
            put(data, type, cOrder[i]);
            if (imaginary != null) {
                put(data, type, imaginary[i]);
            }
        }
        return concat(header(major, dict(descr, fortran, shape)), data.array());
    }

    private static void put(ByteBuffer data, String type, double v) {
        switch (type) {
            case "f8", "c16" -> data.putDouble(v);
            case "f4", "c8" -> data.putFloat((float) v);
            case "i8" -> data.putLong((long) v);
            case "i4", "u4" -> data.putInt((int) (long) v);
            case "i2", "u2" -> data.putShort((short) v);
            case "i1", "u1" -> data.put((byte) v);
            default -> throw new IllegalArgumentException(type);
        }
    }

    /** The C-order position of the p-th value in Fortran order. */
    private static int fortranToCIndex(int p, int[] shape) {
        int c = 0;
        int stride = 1;
        int[] index = new int[shape.length];
        for (int k = 0; k < shape.length; k++) {
            index[k] = p % shape[k];
            p /= shape[k];
        }
        for (int k = shape.length - 1; k >= 0; k--) {
            c += index[k] * stride;
            stride *= shape[k];
        }
        return c;
    }

    static byte[] npz(Map<String, byte[]> arrays, boolean compressed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> array : arrays.entrySet()) {
                ZipEntry entry = new ZipEntry(array.getKey() + ".npy");
                if (!compressed) {
                    CRC32 crc = new CRC32();
                    crc.update(array.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(array.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(array.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
