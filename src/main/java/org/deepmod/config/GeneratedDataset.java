package org.deepmod.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deepmod.data.AdvectionDiffusion2D;
import org.deepmod.data.AllenCahn;
import org.deepmod.data.AnalyticSolution;
import org.deepmod.data.Axis;
import org.deepmod.data.BurgersCos;
import org.deepmod.data.BurgersDelta;
import org.deepmod.data.BurgersSawtooth;
import org.deepmod.data.Dataset;
import org.deepmod.data.DiffusionGaussian;
import org.deepmod.data.DiffusionRotation;
import org.deepmod.data.Grid;
import org.deepmod.data.KdvDoubleSoliton;
import org.deepmod.data.KdvSingleSoliton;
import org.deepmod.data.KellerSegel;
import org.deepmod.data.KuramotoSivashinsky;
import org.deepmod.data.LotkaVolterra;
import org.deepmod.data.Simulation;

/**
 * Data of a known system, sampled on a grid: one of the {@link Kind kinds}, each with the reference's parameters
 * and a default domain, so {@code type: burgers-delta} alone is the notebook's Burgers set-up.
 *
 * @param parameters the kind's parameters in its order, each one value, or a list where the kind's default is one
 * @param axes       t[, x[, y]] -> the grid along that coordinate
 */
public record GeneratedDataset(Kind kind, Map<String, List<Double>> parameters, Map<String, Range> axes)
        implements DatasetSpec {

    /** {@code count} points from {@code start} to {@code stop}. */
    public record Range(double start, double stop, int count) {
        Axis axis() {
            return Axis.linspace(start, stop, count);
        }
    }

    /**
     * The generators: each one's name, fields, parameter defaults, default axes and the system its parameters
     * build, which states the truth and makes the data. The default axes are t and one per spatial dimension (t
     * alone for an ODE): they are the kind's dimensions, and the only axes a config can move.
     */
    public enum Kind {
        BURGERS_DELTA("burgers-delta", 1,
                defaults().scalar("nu", 0.1).scalar("a", 1.0),
                axes(range(0.5, 5.0, 50), range(-3.0, 4.0, 100)),
                closedForm(d -> new BurgersDelta(d.value("nu"), d.value("a")))),
        BURGERS_COS("burgers-cos", 1,
                defaults().scalar("nu", 0.1).scalar("a", 1.0).scalar("b", 2.0).scalar("k", 1.0),
                axes(range(0.1, 5.0, 50), range(0, 2 * Math.PI, 100)),
                closedForm(d -> new BurgersCos(d.value("nu"), d.value("a"), d.value("b"), d.value("k")))),
        BURGERS_SAWTOOTH("burgers-sawtooth", 1,
                defaults().scalar("nu", 0.1),
                axes(range(0.0, 0.5, 50), range(0, 2 * Math.PI, 100)),
                closedForm(d -> new BurgersSawtooth(d.value("nu")))),
        KDV_SINGLE_SOLITON("kdv-single-soliton", 1,
                defaults().scalar("c", 2.0).scalar("x0", 0.0),
                axes(range(0.0, 2.0, 50), range(-10.0, 10.0, 100)),
                closedForm(d -> new KdvSingleSoliton(d.value("c"), d.value("x0")))),
        KDV_DOUBLE_SOLITON("kdv-double-soliton", 1,
                defaults().list("c", 1.0, 0.5).list("x0", -20.0, 5.0),
                axes(range(0.0, 20.0, 201), range(-30.0, 30.0, 512)),
                closedForm(d -> new KdvDoubleSoliton(d.value("c", 0), d.value("c", 1), d.value("x0", 0),
                        d.value("x0", 1)))),
        DIFFUSION_GAUSSIAN("diffusion-gaussian", 1,
                defaults().scalar("d", 0.5).scalar("x0", 0.0).scalar("sigma", 0.5),
                axes(range(0.0, 5.0, 50), range(-5.0, 5.0, 100)),
                closedForm(d -> new DiffusionGaussian(d.value("d"), d.value("x0"), d.value("sigma")))),
        ADVECTION_DIFFUSION_2D("advection-diffusion-2d", 1,
                defaults().scalar("d", 0.5).list("x0", 0.0, 0.0).scalar("sigma", 0.5).list("v", 0.25, 0.5),
                axes(range(0.0, 5.0, 21), range(-5.0, 5.0, 41), range(-5.0, 5.0, 41)),
                closedForm(d -> new AdvectionDiffusion2D(d.value("d"), d.value("x0", 0), d.value("x0", 1),
                        d.value("sigma"), d.value("v", 0), d.value("v", 1)))),
        // DeePyMoD's ODE_Lotka_Voltera notebook: a = 1, b = 0.1, c = 1.5, d·b = 0.075, U0 = (10, 5)
        LOTKA_VOLTERRA("lotka-volterra", 2,
                defaults().scalar("alpha", 1.0).scalar("beta", 0.1).scalar("gamma", 1.5).scalar("delta", 0.075)
                        .scalar("u0", 10.0).scalar("v0", 5.0),
                axes(range(0.0, 15.0, 500)),
                simulated(d -> new LotkaVolterra(d.value("alpha"), d.value("beta"), d.value("gamma"),
                        d.value("delta"), d.value("u0"), d.value("v0")))),
        DIFFUSION_ROTATION("diffusion-rotation", 2,
                defaults().scalar("d", 0.1).scalar("omega", 1.0).scalar("x0", 0.0).scalar("sigma", 0.5),
                axes(range(0.0, 4.0, 41), range(-3.0, 3.0, 100)),
                simulated(d -> new DiffusionRotation(d.value("d"), d.value("omega"), d.value("x0"),
                        d.value("sigma")))),
        KURAMOTO_SIVASHINSKY("kuramoto-sivashinsky", 1,
                defaults(),
                axes(range(0.0, 40.0, 101), range(0.0, 32 * Math.PI, 256)),
                simulated(d -> new KuramotoSivashinsky())),
        ALLEN_CAHN("allen-cahn", 1,
                defaults().scalar("epsilon", 0.1).scalar("amplitude", 0.5),
                axes(range(0.0, 4.0, 41), range(0.0, 2 * Math.PI, 128)),
                simulated(d -> new AllenCahn(d.value("epsilon"), d.value("amplitude")))),
        KELLER_SEGEL("keller-segel", 2,
                defaults().scalar("du", 0.5).scalar("chi", 2.0).scalar("dv", 0.5).scalar("alpha", 1.0)
                        .scalar("beta", 0.2).scalar("chemical", 1.0),
                axes(range(0.0, 1.0, 51), range(-10.0, 10.0, 256)),
                simulated(d -> new KellerSegel(d.value("du"), d.value("chi"), d.value("dv"), d.value("alpha"),
                        d.value("beta"), d.value("chemical"))));

        private final String type;
        private final int fieldCount;
        private final Map<String, double[]> defaults;
        private final Map<String, Range> defaultAxes;
        private final Model model;

        Kind(String type, int fieldCount, Defaults defaults, Map<String, Range> defaultAxes, Model model) {
            this.type = type;
            this.fieldCount = fieldCount;
            this.defaults = defaults.values;
            this.defaultAxes = defaultAxes;
            this.model = model;
        }

        /** The name under {@code dataset.type}. */
        public String type() {
            return type;
        }

        public int fieldCount() {
            return fieldCount;
        }

        public int spatialDims() {
            return defaultAxes.size() - 1;
        }

        static Kind byType(String type) {
            for (Kind kind : values()) {
                if (kind.type.equals(type)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("no dataset generator " + type);
        }

        /** Parameter defaults, in the order they are written back: one value, or a list of fixed length. */
        private static final class Defaults {
            private final Map<String, double[]> values = new LinkedHashMap<>();

            Defaults scalar(String name, double value) {
                values.put(name, new double[] {value});
                return this;
            }

            Defaults list(String name, double... list) {
                values.put(name, list);
                return this;
            }
        }

        private static Defaults defaults() {
            return new Defaults();
        }

        private static Range range(double start, double stop, int count) {
            return new Range(start, stop, count);
        }

        /** The time axis, then one axis per spatial dimension, named t, x, y. */
        private static Map<String, Range> axes(Range... axes) {
            Map<String, Range> named = new LinkedHashMap<>();
            List<String> names = Dataset.canonicalCoordNames(axes.length - 1);
            for (int i = 0; i < axes.length; i++) {
                named.put(names.get(i), axes[i]);
            }
            return Collections.unmodifiableMap(named);
        }

        /** The system a kind's parameters build: it states the truth and makes the data. */
        private interface Model {
            Map<String, Map<String, Double>> truth(GeneratedDataset d);

            Dataset generate(GeneratedDataset d);
        }

        /** A closed form u(t, x[, y]), sampled at every point of the grid. */
        private static Model closedForm(Function<GeneratedDataset, AnalyticSolution> solution) {
            return new Model() {
                @Override
                public Map<String, Map<String, Double>> truth(GeneratedDataset d) {
                    return Map.of("u", solution.apply(d).truth());
                }

                @Override
                public Dataset generate(GeneratedDataset d) {
                    return d.grid().sample(solution.apply(d));
                }
            };
        }

        /** A system solved on the grid's times (and x axis, where it has one). */
        private static Model simulated(Function<GeneratedDataset, Simulation> simulation) {
            return new Model() {
                @Override
                public Map<String, Map<String, Double>> truth(GeneratedDataset d) {
                    return simulation.apply(d).truth();
                }

                @Override
                public Dataset generate(GeneratedDataset d) {
                    Range x = d.axes.get("x");
                    return simulation.apply(d).sample(d.axes.get("t").axis().values(),
                            x == null ? null : new double[] {x.start(), x.stop(), x.count()});
                }
            };
        }
    }

    /** Reads the kind's parameters and axes; the system is built once to check the parameters (e.g. b > |a|). */
    static GeneratedDataset read(Kind kind, ConfigReader r) {
        Map<String, List<Double>> parameters = new LinkedHashMap<>();
        kind.defaults.forEach((name, fallback) -> {
            double[] values = fallback.length == 1 ? new double[] {r.number(name, fallback[0], -1e6, 1e6)}
                    : r.numbers(name, fallback, fallback.length, -1e6, 1e6);
            parameters.put(name, Arrays.stream(values).boxed().toList());
        });
        Map<String, Range> axes = new LinkedHashMap<>();
        kind.defaultAxes.forEach((name, fallback) -> {
            ConfigReader ar = r.child(name);
            double start = ar.number("start", fallback.start(), -1e6, 1e6);
            double stop = ar.number("stop", fallback.stop(), -1e6, 1e6);
            int count = ar.integer("count", fallback.count(), 2, 100_000);
            ar.finish();
            if (!(stop > start)) {
                r.problems().add(r.path(name) + ": stop (" + stop + ") must be greater than start (" + start + ")");
            }
            axes.put(name, new Range(start, stop, count));
        });
        r.finish(); // a misspelt parameter (nuu: 0.1) would otherwise train on the default without a word
        GeneratedDataset dataset = new GeneratedDataset(kind, Collections.unmodifiableMap(parameters),
                Collections.unmodifiableMap(axes));
        try {
            dataset.knownTruth();
        } catch (RuntimeException e) {
            r.problems().add(r.path("type") + ": " + e.getMessage());
        }
        return dataset;
    }

    @Override
    public String type() {
        return kind.type();
    }

    @Override
    public int fieldCount() {
        return kind.fieldCount();
    }

    @Override
    public int spatialDims() {
        return kind.spatialDims();
    }

    @Override
    public Map<String, Map<String, Double>> knownTruth() {
        return kind.model.truth(this);
    }

    /** The data: the closed form sampled on the grid, or the simulation. */
    public Dataset generate() {
        return kind.model.generate(this);
    }

    /** The points of the grid: the product of its axes' counts. */
    public long gridPoints() {
        long n = 1;
        for (Range axis : axes.values()) {
            n *= axis.count();
        }
        return n;
    }

    /** A one-value parameter. */
    private double value(String name) {
        return parameters.get(name).get(0);
    }

    /** One value of a list parameter. */
    private double value(String name, int index) {
        return parameters.get(name).get(index);
    }

    private Grid grid() {
        Axis t = axes.get("t").axis();
        Axis x = axes.get("x").axis();
        return axes.containsKey("y") ? Grid.of(t, x, axes.get("y").axis()) : Grid.of(t, x);
    }

    @Override
    public void writeOwnKeys(ObjectNode d) {
        parameters.forEach((name, values) -> {
            if (values.size() == 1) {
                d.put(name, values.get(0));
            } else {
                values.forEach(d.putArray(name)::add);
            }
        });
        axes.forEach((name, range) -> {
            ObjectNode a = d.putObject(name);
            a.put("start", range.start());
            a.put("stop", range.stop());
            a.put("count", range.count());
        });
    }
}
