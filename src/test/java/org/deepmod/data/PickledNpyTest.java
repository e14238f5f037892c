package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;

import net.razorvine.pickle.Unpickler;
import org.apache.hadoop.conf.Configuration;
import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DeePyMoD's own example file (an .npy holding a pickled dict of arrays) reads to the same points as the
 * plain .npz of the same data; a pickle naming any other class is refused before that class is constructed.
 */
class PickledNpyTest {

    private static final Configuration CONF = new Configuration();
    private static final Path DATA = Paths.get(System.getProperty("deepmod.project.dir", ".")).resolve("data");

    @TempDir
    Path dir;

    @Test
    void deepymodsBurgersFileReadsAsThePdeFindArchive() {
        Dataset pickled = DataFiles.read(DATA.resolve("deepymod-burgers.npy").toString(), CONF);
        Dataset archive = DataFiles.read(DATA.resolve("burgers-pdefind.npz").toString(), CONF);
        assertEquals(256 * 101, pickled.size());
        assertArrayEquals(archive.coordsFlat(), pickled.coordsFlat(), 0.0);
        // the .npz kept the real part of the same complex array
        assertArrayEquals(archive.targetsFlat(), pickled.targetsFlat(), 1e-12);
    }

    /** Counts how often Pyrolite's own registry would have built the canary class. */
    private static final AtomicInteger CANARIES = new AtomicInteger();

    static {
        Unpickler.registerConstructor("canary", "Canary", args -> {
            CANARIES.incrementAndGet();
            return "constructed";
        });
    }

    /** protocol 2: GLOBAL module.name, EMPTY_TUPLE, REDUCE, STOP: what pickle writes for module.name(). */
    private static byte[] callPickle(String module, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x80, 2, 'c'});
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {')', 'R', '.'});
        return out.toByteArray();
    }

    private String objectNpy(String fileName, byte[] pickle) throws IOException {
        Path file = dir.resolve(fileName);
        Files.write(file, NpyBytes.concat(NpyBytes.header(1, "{'descr': '|O', 'fortran_order': False, 'shape': (), }"),
                pickle));
        return file.toString();
    }

    @Test
    void aClassOutsideTheListIsRefusedAndNeverConstructed() throws Exception {
        byte[] pickle = callPickle("canary", "Canary");
        assertEquals("constructed", new Unpickler().loads(pickle), "the plain unpickler builds it: the test can see it");
        int before = CANARIES.get();
        String path = objectNpy("canary.npy", pickle);
        String message = assertThrows(BadInputException.class, () -> DataFiles.read(path, CONF)).getMessage();
        assertEquals(before, CANARIES.get(), "the restricted reader constructed the class");
        assertTrue(message.contains("canary.npy") && message.contains("refused to construct canary.Canary"), message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"os system", "builtins eval", "subprocess Popen", "__builtin__ set", "numpy frombuffer"})
    void globalsOutsideTheListAreRefusedByName(String global) throws IOException {
        String[] parts = global.split(" ");
        String path = objectNpy("evil.npy", callPickle(parts[0], parts[1]));
        String message = assertThrows(BadInputException.class, () -> DataFiles.read(path, CONF)).getMessage();
        assertTrue(message.contains("evil.npy") && message.contains(parts[0] + "." + parts[1]), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void objectConstructionOpcodesAreRefused() throws IOException {
        // protocol 0 INST: "i" module "\n" name "\n" after a MARK: builds module.name() in Python
        byte[] inst = "(icanary\nCanary\n.".getBytes(StandardCharsets.US_ASCII);
        int before = CANARIES.get();
        String path = objectNpy("inst.npy", inst);
        String message = assertThrows(BadInputException.class, () -> DataFiles.read(path, CONF)).getMessage();
        assertEquals(before, CANARIES.get());
        assertTrue(message.contains("inst.npy") && message.contains("not admitted"), message);
    }

    @Test
    void truncatedPickleIsRefused() throws IOException {
        byte[] whole = Files.readAllBytes(DATA.resolve("deepymod-burgers.npy"));
        Path cut = dir.resolve("cut.npy");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        String message = assertThrows(BadInputException.class, () -> DataFiles.read(cut.toString(), CONF))
                .getMessage();
        assertTrue(message.contains("cut.npy"), message);
    }
}
