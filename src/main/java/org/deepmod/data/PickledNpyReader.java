package org.deepmod.data;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import net.razorvine.pickle.PickleException;
import org.deepmod.BadInputException;

/**
 * Reads DeePyMoD's example files: an .npy of dtype object holding a pickled dict of numpy arrays
 * ({@code np.save(path, {"x": x, "t": t, "u": u})}), through {@link RestrictedUnpickler}, which admits only
 * dicts, lists, tuples, numbers, strings and numpy arrays and dtypes. The arrays are decoded by
 * {@link NpyFormat} exactly as if they had been .npy files.
 */
final class PickledNpyReader {

    private PickledNpyReader() {
    }

    static Map<String, NpyArray> arrays(String file, byte[] bytes) {
        Object root;
        int start = NpyFormat.dataStart(bytes, file);
        try {
            root = new RestrictedUnpickler().loads(Arrays.copyOfRange(bytes, start, bytes.length));
        } catch (PickleException e) {
            throw new BadInputException(file + ": pickled data refused: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file + ": unreadable pickle (truncated or corrupt): " + e, e);
        }
        // np.save(path, dict) pickles a 0-d object array whose one element is the dict
        if (root instanceof RestrictedUnpickler.ArrayState array && array.state != null
                && array.state[4] instanceof java.util.List<?> elements && elements.size() == 1) {
            root = elements.get(0);
        }
        if (!(root instanceof Map<?, ?> dict)) {
            throw new BadInputException(file + ": the pickle holds " + (root == null ? "None"
                    : root.getClass().getSimpleName()) + ", not a dict of named arrays");
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (e.getValue() instanceof RestrictedUnpickler.ArrayState array) {
                arrays.put(name, decode(file + ": array '" + name + "'", array));
            }
        }
        return arrays;
    }

    private static NpyArray decode(String source, RestrictedUnpickler.ArrayState array) {
        Object[] state = array.state;
        if (state == null || !(state[1] instanceof Object[] shapeTuple)
                || !(state[2] instanceof RestrictedUnpickler.DtypeState dtype)
                || !(state[3] instanceof Boolean fortran)) {
            throw new BadInputException(source + ": not a numpy array state (version, shape, dtype, order, data)");
        }
        if (!(state[4] instanceof byte[] data)) {
            throw new BadInputException(source + ": holds Python objects (dtype " + dtype.descr() + "), not numbers");
        }
        int[] shape = new int[shapeTuple.length];
        for (int k = 0; k < shape.length; k++) {
            if (!(shapeTuple[k] instanceof Number n) || n.longValue() < 0 || n.longValue() > Integer.MAX_VALUE) {
                throw new BadInputException(source + ": bad shape entry " + shapeTuple[k]);
            }
            shape[k] = n.intValue();
        }
        return NpyFormat.decode(dtype.descr(), shape, fortran, data, 0, source);
    }
}
