package org.deepmod.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import org.deepmod.BadInputException;
import org.deepmod.library.Library;
import org.deepmod.library.Library1D;
import org.deepmod.library.Library2D;

/**
 * The config's {@code library}: which candidate terms Θ holds, read once from its {@code type}. Each kind
 * knows its defaults, the library it builds and how it is written back into the resolved config.
 */
public sealed interface LibrarySpec permits LibrarySpec.Library1DSpec, LibrarySpec.Library2DSpec,
        LibrarySpec.OdeLibrarySpec {

    /** Highest power of the fields' values. */
    int poly();

    /** Highest order of the x-derivatives (2 for the 2D library, 0 for an ODE). */
    int diff();

    /** The name under {@code library.type}. */
    String type();

    /** The library for data with {@code outputs} fields; a combination the library cannot take is bad input. */
    Library create(int outputs);

    /** The library's number of terms for data with {@code fields} fields. */
    default int termCount(int fields) {
        return create(fields).termNames().size();
    }

    /** Powers of u and v with their x-derivatives up to {@code diff}, and the cross terms of several fields. */
    record Library1DSpec(int poly, int diff) implements LibrarySpec {
        static final String TYPE = "1d";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Library create(int outputs) {
            return new Library1D(poly, diff, outputs);
        }
    }

    /** Powers of u with its x- and y-derivatives up to second order, for one field. */
    record Library2DSpec(int poly) implements LibrarySpec {
        static final String TYPE = "2d";
        static final int DIFF = 2;

        @Override
        public int diff() {
            return DIFF;
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Library create(int outputs) {
            if (outputs != 1) {
                throw new BadInputException("library: a 2d library takes one field, the data has " + outputs);
            }
            return new Library2D(poly);
        }

        /** Counted as for one field: data with more is refused when it is read. */
        @Override
        public int termCount(int fields) {
            return create(1).termNames().size();
        }
    }

    /** Products of the fields' powers, no derivatives: for data with time as the only coordinate. */
    record OdeLibrarySpec(int poly) implements LibrarySpec {
        static final String TYPE = "ode";

        @Override
        public int diff() {
            return 0;
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Library create(int outputs) {
            return Library1D.ode(poly, outputs);
        }
    }

    /** The library type that fits a dataset of 0, 1 or 2 space dimensions. */
    List<String> TYPE_BY_DIMS = List.of(OdeLibrarySpec.TYPE, Library1DSpec.TYPE, Library2DSpec.TYPE);

    /**
     * Reads {@code library} for a dataset of {@code spatialDims} space dimensions, whose library type is the
     * default; a type that does not fit it, and a {@code diff} the type fixes, are problems.
     */
    static LibrarySpec read(ConfigReader r, int spatialDims) {
        String fitting = TYPE_BY_DIMS.get(spatialDims);
        String type = r.string("type", fitting, new LinkedHashSet<>(TYPE_BY_DIMS));
        boolean twoD = type.equals(Library2DSpec.TYPE);
        boolean ode = type.equals(OdeLibrarySpec.TYPE);
        int poly = r.integer("poly", twoD ? 1 : 2, 0, 5);
        int diff = r.integer("diff", twoD ? Library2DSpec.DIFF : ode ? 0 : 3, 0, 4);
        r.finish();
        List<String> problems = r.problems();
        if (twoD && diff != Library2DSpec.DIFF) {
            problems.add(r.path("diff") + ": a 2d library has derivatives up to second order fixed; leave diff out");
        }
        if (ode && diff != 0) {
            problems.add(r.path("diff") + ": an ode library has no x-derivatives; leave diff out");
        }
        if (!type.equals(fitting)) {
            problems.add(r.path("type") + ": '" + type + "' does not fit a dataset with " + spatialDims
                    + " space dimension(s)");
        }
        return twoD ? new Library2DSpec(poly) : ode ? new OdeLibrarySpec(poly) : new Library1DSpec(poly, diff);
    }

    /** The resolved {@code library} mapping. */
    default ObjectNode writeTo(ObjectNode l) {
        l.put("type", type());
        l.put("poly", poly());
        l.put("diff", diff());
        return l;
    }
}
