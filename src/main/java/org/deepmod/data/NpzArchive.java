package org.deepmod.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.deepmod.BadInputException;

/**
 * The .npy entries of an .npz file (a zip archive, stored or deflated, as np.savez and np.savez_compressed
 * write it), undecoded, by array name.
 */
final class NpzArchive {

    /** "PK\3\4" starts every local entry; "PK\5\6" starts the end-of-central-directory record. */
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int END_OF_ARCHIVE = 0x06054b50;
    private static final int END_RECORD_LENGTH = 22;
    private static final int MAX_COMMENT_LENGTH = 0xffff;

    private NpzArchive() {
    }

    static Map<String, byte[]> entries(byte[] zip, String file) {
        if (zip.length < 4 || (intAt(zip, 0) != LOCAL_HEADER && intAt(zip, 0) != END_OF_ARCHIVE)) {
            throw new BadInputException(file + ": not a zip archive (an .npz is a zip of .npy files, as np.savez "
                    + "writes it)");
        }
        // Entries are read front to back, so a file cut after its last complete entry would otherwise pass:
        // the end record, written last, tells whether the archive is whole.
        if (!hasEndRecord(zip)) {
            throw new BadInputException(file + ": truncated: the zip archive has no end record, the file was cut "
                    + "short (" + zip.length + " bytes)");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String current = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                current = entry.getName();
                if (!entry.isDirectory()) {
                    String name = current.endsWith(".npy") ? current.substring(0, current.length() - 4) : current;
                    entries.put(name, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": truncated or corrupt zip archive"
                    + (current == null ? "" : " (in entry '" + current + "')") + ": " + e.getMessage(), e);
        }
        return entries;
    }

    private static boolean hasEndRecord(byte[] zip) {
        int last = zip.length - END_RECORD_LENGTH;
        for (int i = last; i >= 0 && i >= last - MAX_COMMENT_LENGTH; i--) {
            if (intAt(zip, i) == END_OF_ARCHIVE) {
                return true;
            }
        }
        return false;
    }

    private static int intAt(byte[] bytes, int i) {
        return (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff) << 16
                | (bytes[i + 3] & 0xff) << 24;
    }
}
