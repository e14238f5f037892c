package org.deepmod.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    /** Records what a scheduler asked of its checkpoints. */
    static final class Log implements SparsityScheduler.Checkpoints {
        final List<String> calls = new ArrayList<>();

        @Override
        public void save() {
            calls.add("save");
        }

        @Override
        public void restore() {
            calls.add("restore");
        }
    }

    @Test
    void periodicHonoursItsInitialIteration() {
        PeriodicScheduler p = new PeriodicScheduler(50, 1000);
        List<Integer> fired = new ArrayList<>();
        for (int it = 0; it <= 1200; it += 25) {
            if (p.shouldUpdate(it, 0, new Log())) {
                fired.add(it);
            }
        }
        assertEquals(List.of(1000, 1050, 1100, 1150, 1200), fired, "the reference fired at 0, 50, 100, ...");
    }

    @Test
    void trainTestPeriodicRestoresTheBestThenGoesPeriodic() {
        LossPlateauScheduler s = LossPlateauScheduler.onPlateauThenPeriodic(50, 100, 1e-3);
        Log log = new Log();
        double[] losses = {1.0, 0.5, 0.4995, 0.4994, 0.4993, 0.4992, 0.4991, 0.4990};
        List<Integer> fired = new ArrayList<>();
        int it = 0;
        for (double loss : losses) {
            if (s.shouldUpdate(it, loss, log)) {
                fired.add(it);
            }
            it += 25;
        }
        // best at 25 (0.5); no improvement of 1e-3 until 125 = 25 + 100: restore and update there,
        // then every 50 iterations whatever the loss
        assertEquals(List.of(125, 175), fired);
        assertEquals(List.of("save", "save", "restore"), log.calls);
        assertFalse(s.shouldUpdate(200, 9.0, log));
        assertTrue(s.shouldUpdate(225, 9.0, log));
    }

    /** A flat start (the loss not moving before the network fits anything) is not a plateau before initial. */
    @Test
    void trainTestPeriodicIgnoresPlateausBeforeItsInitialIteration() {
        assertEquals(List.of(100, 150), firings(LossPlateauScheduler.onPlateauThenPeriodic(50, 100, 1e-3), 150),
                "without a warm-up the flat start fires at 0 + patience");
        // watched from 500: best 0.75 there, falling until 575 (0.5625), flat after: fires at 575 + 100
        assertEquals(List.of(675, 725, 775),
                firings(LossPlateauScheduler.onPlateauThenPeriodic(50, 100, 1e-3, 500), 800));
    }

    /**
     * The shock after a mask change: the Kuramoto–Sivashinsky traces (docs/results.md) show the test MSE jump
     * a thousandfold within 25 iterations of the first mask and then fall back over some 1500 iterations. A
     * periodic phase chooses masks on the shocked network (there it swapped u·u_x for u); the plateau rule waits
     * for the network to recover, since a recovering loss keeps improving.
     */
    @Test
    void trainTestHoldsTheMaskWhileTheNetworkRecovers() {
        assertEquals(List.of(500, 2800), shockFirings(LossPlateauScheduler.onPlateau(200, 1e-5)),
                "fires at the first plateau, then only at the plateau after the recovery (2600 + 200)");
        List<Integer> periodic = shockFirings(LossPlateauScheduler.onPlateauThenPeriodic(50, 200, 1e-5));
        assertEquals(List.of(500, 550, 600, 650), periodic.subList(0, 4), "periodic: every 50 through the shock");
    }

    /**
     * Where a scheduler fires over a test MSE flat at 4e-5 from 300 (a plateau at 300 + 200 = 500), shocked to
     * 0.05 by the mask chosen there, recovering geometrically to 1e-4 at 2600, and flat after.
     */
    private static List<Integer> shockFirings(LossPlateauScheduler s) {
        List<Integer> fired = new ArrayList<>();
        boolean shocked = false;
        int shockedAt = 0;
        for (int it = 0; it <= 3000; it += 25) {
            double loss;
            if (!shocked) {
                loss = it < 300 ? 1e-3 - it * 3.2e-6 : 4e-5;
            } else {
                int since = it - shockedAt;
                loss = since >= 2100 ? 1e-4 : 0.05 * Math.pow(1e-4 / 0.05, since / 2100.0);
            }
            if (s.shouldUpdate(it, loss, new Log())) {
                fired.add(it);
                if (!shocked) {
                    shocked = true;
                    shockedAt = it;
                }
            }
        }
        return fired;
    }

    /** Where a scheduler fires over a loss flat at 1 until 400, falling to 0.5625 by 575, then flat. */
    private static List<Integer> firings(LossPlateauScheduler s, int last) {
        List<Integer> fired = new ArrayList<>();
        for (int it = 0; it <= last; it += 25) {
            double loss = it < 400 ? 1.0 : it < 600 ? 1.0 - (it - 400) * 0.0025 : 0.5625;
            if (s.shouldUpdate(it, loss, new Log())) {
                fired.add(it);
            }
        }
        return fired;
    }

    @Test
    void convergenceWaitsForAMaskUpdate() {
        Convergence c = new Convergence(200, 1e-4);
        for (int it = 0; it <= 1000; it += 25) {
            assertFalse(c.converged(it, 1.0, new double[] {1.0}), "no convergence with every term still active");
        }
        c.maskUpdated();
        assertFalse(c.converged(1025, 1.0, new double[] {1.0}));
        assertFalse(c.converged(1200, 1.00005, new double[] {1.00005}));
        assertTrue(c.converged(1225, 1.00009, new double[] {1.00009}), "within delta of the reference for 200 iterations");
        Convergence moving = new Convergence(200, 1e-4);
        moving.maskUpdated();
        for (int it = 0; it <= 1000; it += 25) {
            double l1 = 1.0 + it * 1e-5;
            assertFalse(moving.converged(it, l1, new double[] {l1}), "drifting coefficients never converge");
        }
    }

    /** An extra term fading while a true one grows keeps L1 still; the per-coefficient band sees it. */
    @Test
    void relativeBandWatchesEveryCoefficient() {
        Convergence absoluteL1 = new Convergence(200, 1e-2);
        Convergence perCoefficient = new Convergence(200, 5e-3, true);
        absoluteL1.maskUpdated();
        perCoefficient.maskUpdated();
        boolean l1Converged = false;
        boolean coefficientsConverged = false;
        for (int it = 0; it <= 1000; it += 25) {
            double fading = 0.2 - it * 1e-4;
            double[] c = {-(0.8 + it * 1e-4), fading};
            l1Converged |= absoluteL1.converged(it, 1.0, c);
            coefficientsConverged |= perCoefficient.converged(it, 1.0, c);
        }
        assertTrue(l1Converged, "L1 is constant");
        assertFalse(coefficientsConverged, "but the terms are still trading places");
        Convergence settled = new Convergence(200, 5e-3, true);
        settled.maskUpdated();
        boolean done = false;
        for (int it = 0; it <= 400 && !done; it += 25) {
            done = settled.converged(it, 1.0, new double[] {-0.9 - it * 1e-6, 0.6 + it * 1e-6});
        }
        assertTrue(done, "a drift of 0.02 % per 100 iterations is settled");
    }
}
