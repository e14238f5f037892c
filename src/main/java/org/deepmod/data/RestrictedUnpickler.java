package org.deepmod.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Pyrolite's unpickler with every way to name a class closed but three: numpy's array reconstructor, its
 * ndarray and dtype (and {@code _codecs.encode}, with which protocol 2 spells bytes). Pyrolite already builds
 * only plain Java values (maps, lists, arrays, numbers, strings) and never runs Python; but for a global it
 * does not know it makes a ClassDict of whatever class the stream names, and it applies BUILD states by
 * reflection. Here a global outside the list, INST, OBJ, NEWOBJ, persistent ids and extension codes are
 * refused with a {@link PickleException} naming the class, before anything is constructed; REDUCE and BUILD
 * apply only to this class's own array and dtype stand-ins.
 */
final class RestrictedUnpickler extends Unpickler {

    private static final Set<String> ARRAY_RECONSTRUCTORS = Set.of("numpy.core.multiarray._reconstruct",
            "numpy._core.multiarray._reconstruct");

    /** An ndarray as its pickle describes it; {@link #setState} receives (version, shape, dtype, fortran, data). */
    static final class ArrayState {
        Object[] state;

        void setState(Object state) {
            if (!(state instanceof Object[] tuple) || tuple.length != 5) {
                throw new PickleException("an ndarray's state is not the 5-tuple numpy writes");
            }
            this.state = tuple;
        }
    }

    /** A dtype: its type code ('f8', 'c16') from the constructor, byte order ('<', '>', '|') from its state. */
    static final class DtypeState {
        final String code;
        String order = "|";

        DtypeState(String code) {
            this.code = code;
        }

        void setState(Object state) {
            if (state instanceof Object[] tuple && tuple.length > 1 && tuple[1] instanceof String order) {
                this.order = order;
            } else {
                throw new PickleException("a dtype's state is not the tuple numpy writes");
            }
        }

        String descr() {
            return order + code;
        }
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(admitted(module, name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                stack.add(admitted(String.valueOf(module), String.valueOf(name)));
                return NO_RETURN_VALUE;
            }
            case Opcodes.REDUCE -> {
                Object args = stack.pop();
                Object callable = stack.pop();
                if (!(callable instanceof Admitted admitted) || !(args instanceof Object[] tuple)) {
                    throw new PickleException("REDUCE applied to " + describe(callable) + ", not to an admitted "
                            + "numpy constructor");
                }
                stack.add(admitted.construct(tuple));
                return NO_RETURN_VALUE;
            }
            case Opcodes.BUILD -> {
                Object state = stack.pop();
                Object target = stack.peek();
                if (target instanceof ArrayState array) {
                    array.setState(state);
                } else if (target instanceof DtypeState dtype) {
                    dtype.setState(state);
                } else {
                    throw new PickleException("BUILD applied to " + describe(target) + ", not to a numpy array or "
                            + "dtype");
                }
                return NO_RETURN_VALUE;
            }
            case Opcodes.INST, Opcodes.OBJ, Opcodes.NEWOBJ, Opcodes.NEWOBJ_EX, Opcodes.PERSID, Opcodes.BINPERSID,
                 Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4 ->
                throw new PickleException("pickle opcode " + key + " (object construction) is not admitted");
            default -> {
                return super.dispatch(key);
            }
        }
    }

    /** A global the stream may name, as the callable REDUCE applies. */
    private interface Admitted extends IObjectConstructor {
    }

    private static Admitted admitted(String module, String name) {
        String qualified = module + "." + name;
        if (ARRAY_RECONSTRUCTORS.contains(qualified)) {
            return args -> new ArrayState();
        }
        switch (qualified) {
            case "numpy.ndarray":
                return args -> {
                    throw new PickleException("numpy.ndarray is admitted only as _reconstruct's argument");
                };
            case "numpy.dtype":
                return args -> {
                    if (args.length < 1 || !(args[0] instanceof String code)) {
                        throw new PickleException("numpy.dtype without a type code");
                    }
                    return new DtypeState(code);
                };
            case "_codecs.encode":
                // protocol 2 writes bytes as encode(text, 'latin1'): each char one byte
                return args -> {
                    if (args.length != 2 || !(args[0] instanceof String text) || !"latin1".equals(args[1])) {
                        throw new PickleException("_codecs.encode is admitted only as protocol 2's bytes (latin1)");
                    }
                    return text.getBytes(StandardCharsets.ISO_8859_1);
                };
            default:
                throw new PickleException("refused to construct " + qualified + ": only dicts, lists, tuples, "
                        + "numbers, strings and numpy arrays are read from a pickle");
        }
    }

    private static String describe(Object value) {
        return value == null ? "None" : value.getClass().getSimpleName();
    }
}
