package org.deepmod.data;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads an .npz archive: its arrays by name, assembled into points by {@link NamedArrays} (a grid as
 * np.meshgrid gives it, flat vectors, or axis vectors beside a gridded field). Every array is flattened in C
 * order, so the PDE-FIND file (x along axis 0, t along axis 1) comes out with time fastest, as
 * {@link Grid#sample} orders points.
 */
final class NpzReader {

    private NpzReader() {
    }

    static Dataset read(String file, byte[] bytes, ReadOptions options, Consumer<String> notes) {
        Map<String, byte[]> entries = NpzArchive.entries(bytes, file);
        // only the arrays the options name are decoded: others (metadata, strings) may be of any dtype
        return NamedArrays.assemble(file, entries.keySet(),
                name -> NpyFormat.parse(entries.get(name), file + ": array '" + name + "'"), options, notes);
    }
}
