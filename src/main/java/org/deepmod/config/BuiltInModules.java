package org.deepmod.config;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepmod.constraint.Constraint;
import org.deepmod.constraint.ConstraintProvider;
import org.deepmod.constraint.RidgeConstraint;
import org.deepmod.library.Library;
import org.deepmod.library.LibraryProvider;
import org.deepmod.nn.ApproximatorProvider;
import org.deepmod.nn.FunctionApproximator;
import org.deepmod.sparse.EstimatorParameter;
import org.deepmod.sparse.EstimatorParameters;

/**
 * The built-in approximators, libraries and constraints, each registered in {@code META-INF/services} exactly
 * as a plug-in would be, so that {@code deepmod modules} lists them all and each can be built from its declared
 * parameters. Configs of these types are read by their typed specs ({@link NetworkSpec}, {@link LibrarySpec},
 * {@link ConstraintSpec}); the defaults declared here are theirs (BuiltInModulesTest holds the two equal).
 */
public final class BuiltInModules {
    private BuiltInModules() {
    }

    private static final EstimatorParameter HIDDEN = new EstimatorParameter("hidden", "50,50,50,50",
            "hidden layer widths, first to last");
    private static final EstimatorParameter PRECISION = new EstimatorParameter("precision", "float32",
            "float32 (hand-written step on the CPU) or float64 (autograd)");

    private static int[] widths(EstimatorParameters p) {
        return Arrays.stream(p.text("hidden").replace("[", "").replace("]", "").split(","))
                .mapToInt(w -> Integer.parseInt(w.trim())).toArray();
    }

    private static NetworkSpec.Precision precision(EstimatorParameters p) {
        return NetworkSpec.Precision.byConfigName(p.text("precision"));
    }

    public static final class Mlp implements ApproximatorProvider {
        public String type() {
            return NetworkSpec.MlpSpec.TYPE;
        }

        public String description() {
            return "a multilayer perceptron with one activation throughout (the reference's network)";
        }

        public List<EstimatorParameter> parameters() {
            return List.of(HIDDEN, new EstimatorParameter("activation", "tanh", "tanh, sin, ..."), PRECISION);
        }

        public FunctionApproximator create(EstimatorParameters p, NDManager manager, int coords, int outputs,
                                           long seed) {
            return new NetworkSpec.MlpSpec(widths(p), p.text("activation"), precision(p))
                    .create(manager, coords, outputs, seed);
        }
    }

    public static final class Siren implements ApproximatorProvider {
        public String type() {
            return NetworkSpec.SirenSpec.TYPE;
        }

        public String description() {
            return "a SIREN: sine layers, the first scaled by omega0, the hidden ones by omegaHidden";
        }

        public List<EstimatorParameter> parameters() {
            return List.of(HIDDEN, EstimatorParameter.number("omega0", "30.0", 1e-6, 1e4, "first layer's frequency"),
                    EstimatorParameter.number("omegaHidden", "30.0", 1e-6, 1e4, "hidden layers' frequency"),
                    PRECISION);
        }

        public FunctionApproximator create(EstimatorParameters p, NDManager manager, int coords, int outputs,
                                           long seed) {
            return new NetworkSpec.SirenSpec(widths(p), "sin", p.number("omega0"), p.number("omegaHidden"),
                    precision(p)).create(manager, coords, outputs, seed);
        }
    }

    public static final class OneDimensional implements LibraryProvider {
        public String type() {
            return LibrarySpec.Library1DSpec.TYPE;
        }

        public String description() {
            return "powers of the fields times their x-derivatives, and the cross terms of several fields";
        }

        public List<EstimatorParameter> parameters() {
            return List.of(EstimatorParameter.integer("poly", "2", 0, "highest power of a field"),
                    EstimatorParameter.integer("diff", "3", 0, "highest order of an x-derivative"));
        }

        public Library create(EstimatorParameters p, int outputs, int spatialDims) {
            return new LibrarySpec.Library1DSpec(p.integer("poly"), p.integer("diff")).create(outputs);
        }
    }

    public static final class TwoDimensional implements LibraryProvider {
        public String type() {
            return LibrarySpec.Library2DSpec.TYPE;
        }

        public String description() {
            return "powers of u times its x- and y-derivatives up to second order (one field)";
        }

        public List<EstimatorParameter> parameters() {
            return List.of(EstimatorParameter.integer("poly", "1", 0, "highest power of u"));
        }

        public Library create(EstimatorParameters p, int outputs, int spatialDims) {
            return new LibrarySpec.Library2DSpec(p.integer("poly")).create(outputs);
        }
    }

    public static final class Ode implements LibraryProvider {
        public String type() {
            return LibrarySpec.OdeLibrarySpec.TYPE;
        }

        public String description() {
            return "products of the fields' powers, no derivatives (time the only coordinate)";
        }

        public List<EstimatorParameter> parameters() {
            return List.of(EstimatorParameter.integer("poly", "2", 0, "highest power of a field"));
        }

        public Library create(EstimatorParameters p, int outputs, int spatialDims) {
            return new LibrarySpec.OdeLibrarySpec(p.integer("poly")).create(outputs);
        }
    }

    public static final class Terms implements LibraryProvider {
        public String type() {
            return LibrarySpec.TermsSpec.TYPE;
        }

        public String description() {
            return "the terms you name: products and powers of fields, derivatives (u_xy), coordinates, "
                    + "sin/cos/exp/log, division; one list, or one per field ({u: [...], v: [...]})";
        }

        public List<EstimatorParameter> parameters() {
            return List.of(EstimatorParameter.integer("diff", "4", 0, "highest derivative order allowed"),
                    new EstimatorParameter("terms", "1", "the terms separated by ; (a config gives a list: [u_xx, u*u_x, sin(u), x*u_x, 1])"));
        }

        public Library create(EstimatorParameters p, int outputs, int spatialDims) {
            Map<String, List<String>> terms = new LinkedHashMap<>();
            terms.put("", Arrays.stream(p.text("terms").split(";")).map(String::trim).toList());
            return new LibrarySpec.TermsSpec(p.integer("diff"), terms, spatialDims).create(outputs);
        }
    }

    public static final class LeastSquares implements ConstraintProvider {
        public String type() {
            return ConstraintSpec.LeastSquaresSpec.TYPE;
        }

        public String description() {
            return "ordinary least squares on the active terms each step";
        }

        public List<EstimatorParameter> parameters() {
            return List.of();
        }

        public Constraint create(EstimatorParameters p, NDManager manager, Library library, DataType dataType,
                                 long seed) {
            return new org.deepmod.constraint.LeastSquares();
        }
    }

    public static final class Ridge implements ConstraintProvider {
        public String type() {
            return ConstraintSpec.RidgeSpec.TYPE;
        }

        public String description() {
            return "least squares with the reference's ridge penalty lambda";
        }

        public List<EstimatorParameter> parameters() {
            return List.of(EstimatorParameter.nonNegative("lambda", Double.toString(RidgeConstraint.DEFAULT_LAMBDA),
                    "penalty on the column-normalised coefficients"));
        }

        public Constraint create(EstimatorParameters p, NDManager manager, Library library, DataType dataType,
                                 long seed) {
            return new RidgeConstraint(p.number("lambda"));
        }
    }

    public static final class GradParams implements ConstraintProvider {
        public String type() {
            return ConstraintSpec.GradParamsSpec.TYPE;
        }

        public String description() {
            return "coefficients trained with the network by the optimiser";
        }

        public List<EstimatorParameter> parameters() {
            return List.of();
        }

        public Constraint create(EstimatorParameters p, NDManager manager, Library library, DataType dataType,
                                 long seed) {
            return new org.deepmod.constraint.GradParams(manager, library.termCount(), library.outputs(), dataType, seed);
        }
    }
}
