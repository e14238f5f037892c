package org.deepmod.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import org.deepmod.training.LossPlateauScheduler;
import org.deepmod.training.PeriodicScheduler;
import org.deepmod.training.SparsityScheduler;

/**
 * The config's {@code scheduler}: when the sparse estimator sets a new mask, read once from its {@code type}.
 * Each kind knows its keys, the scheduler it builds and how it is written back.
 */
public sealed interface SchedulerSpec permits SchedulerSpec.PeriodicSpec, SchedulerSpec.TrainTestSpec,
        SchedulerSpec.TrainTestPeriodicSpec {

    /** The name under {@code scheduler.type}. */
    String type();

    /** A new scheduler (schedulers keep state: one per run). */
    SparsityScheduler create();

    /** The keys of this kind, after {@code type}. */
    void writeOwnKeys(ObjectNode s);

    /** Every {@code periodicity} iterations from {@code initial} on. */
    record PeriodicSpec(int periodicity, int initial) implements SchedulerSpec {
        static final String TYPE = "periodic";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public SparsityScheduler create() {
            return new PeriodicScheduler(periodicity, initial);
        }

        @Override
        public void writeOwnKeys(ObjectNode s) {
            s.put("periodicity", periodicity);
            s.put("initial", initial);
        }
    }

    /** Whenever the test loss has stopped improving by {@code delta} for {@code patience} iterations. */
    record TrainTestSpec(int patience, double delta) implements SchedulerSpec {
        static final String TYPE = "train-test";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public SparsityScheduler create() {
            return LossPlateauScheduler.onPlateau(patience, delta);
        }

        @Override
        public void writeOwnKeys(ObjectNode s) {
            s.put("patience", patience);
            s.put("delta", delta);
        }
    }

    /**
     * Once the test loss has stopped improving (watched from iteration {@code initial} on), then every
     * {@code periodicity} iterations.
     */
    record TrainTestPeriodicSpec(int periodicity, int patience, double delta, int initial) implements SchedulerSpec {
        static final String TYPE = "train-test-periodic";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public SparsityScheduler create() {
            return LossPlateauScheduler.onPlateauThenPeriodic(periodicity, patience, delta, initial);
        }

        @Override
        public void writeOwnKeys(ObjectNode s) {
            s.put("periodicity", periodicity);
            s.put("patience", patience);
            s.put("delta", delta);
            if (initial > 0) { // only when asked for, so older run ids stay
                s.put("initial", initial);
            }
        }
    }

    /** Reads {@code scheduler}; every key is read (and checked) whatever the type, each kind keeps its own. */
    static SchedulerSpec read(ConfigReader r) {
        String type = r.string("type", TrainTestPeriodicSpec.TYPE,
                new LinkedHashSet<>(List.of(PeriodicSpec.TYPE, TrainTestSpec.TYPE, TrainTestPeriodicSpec.TYPE)));
        int periodicity = r.integer("periodicity", 50, 1, 1_000_000);
        int initial = r.integer("initial", 0, 0, 100_000_000);
        int patience = r.integer("patience", 200, 0, 100_000_000);
        double delta = r.number("delta", 1e-5, 0.0, 1e6);
        r.finish();
        switch (type) {
            case PeriodicSpec.TYPE: return new PeriodicSpec(periodicity, initial);
            case TrainTestSpec.TYPE: return new TrainTestSpec(patience, delta);
            default: return new TrainTestPeriodicSpec(periodicity, patience, delta, initial);
        }
    }

    /** The resolved {@code scheduler} mapping. */
    default ObjectNode writeTo(ObjectNode s) {
        s.put("type", type());
        writeOwnKeys(s);
        return s;
    }
}
