package org.deepmod.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The config's {@code dataset}: an analytic solution or a simulation sampled on a grid ({@link GeneratedDataset},
 * one of its {@link GeneratedDataset.Kind kinds}), or a file ({@link FileDataset}), read once from its
 * {@code type}. Each kind knows its keys, its fields and dimensions, and how it is written back.
 */
public sealed interface DatasetSpec permits GeneratedDataset, FileDataset {

    /** The name under {@code dataset.type}. */
    String type();

    /** Number of fields: the generator's (two for Lotka–Volterra), or those a file names. */
    int fieldCount();

    /** 0 for an ODE (points have only t), 1 for fields of (t, x), 2 for (t, x, y). */
    int spatialDims();

    /** The known coefficients per field (u, v, w) by term name, or null for a file that gives none. */
    Map<String, Map<String, Double>> knownTruth();

    /** The keys of this kind, after {@code type}. */
    void writeOwnKeys(ObjectNode d);

    /** Reads {@code dataset}; a generator's parameters are checked by building it. */
    static DatasetSpec read(ConfigReader r) {
        Set<String> types = new LinkedHashSet<>();
        for (GeneratedDataset.Kind kind : GeneratedDataset.Kind.values()) {
            types.add(kind.type());
        }
        types.add(FileDataset.TYPE);
        String type = r.string("type", GeneratedDataset.Kind.BURGERS_DELTA.type(), types);
        return FileDataset.TYPE.equals(type) ? FileDataset.read(r)
                : GeneratedDataset.read(GeneratedDataset.Kind.byType(type), r);
    }

    /** The resolved {@code dataset} mapping. */
    default ObjectNode writeTo(ObjectNode d) {
        d.put("type", type());
        writeOwnKeys(d);
        return d;
    }
}
