package org.deepmod.spark;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import org.deepmod.config.PlannedRun;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Progress of a sweep from Spark's own events (a listener on the driver, not a poll of the output folder):
 * runs done of the total, failed, elapsed and an ETA, printed when a run ends and at least every
 * {@code interval}. The ETA weighs runs by their cost estimate, since the longest start first and a plain
 * count would promise too much early on.
 */
final class SweepProgress extends SparkListener implements AutoCloseable {
    /** SparkContext.SPARK_JOB_GROUP_ID, which Java cannot reach. */
    private static final String JOB_GROUP_ID = "spark.jobGroup.id";
    private final String name;
    private final String jobGroup;
    private final int planned;
    private final int toTrain;
    private List<PlannedRun> tasks = List.of();
    private final int resumed;
    private final LongAccumulator failedRuns;
    private final PrintStream out;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private final long startNanos = System.nanoTime();
    private final double totalCost;
    private double doneCost;
    private int done;
    private int retried;
    private final long quietNanos;
    private long lastPrint;

    /**
     * @param planned the runs of the whole plan (the total shown)
     * @param runs the runs to train now (for the cost estimates of the ETA)
     * @param resumed runs of the plan that already had a result and are not trained again
     */
    SweepProgress(String name, String jobGroup, int planned, List<PlannedRun> runs, int resumed, LongAccumulator failedRuns,
                  PrintStream out, long intervalMillis) {
        this.name = name;
        this.jobGroup = jobGroup;
        this.planned = planned;
        this.toTrain = runs.size();
        this.resumed = resumed;
        this.failedRuns = failedRuns;
        this.out = out;
        this.totalCost = runs.stream().mapToDouble(PlannedRun::cost).sum();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deepmod-sweep-progress");
            t.setDaemon(true);
            return t;
        });
        // Checked several times per interval, so that no gap between two lines exceeds the interval.
        long check = Math.max(10, Math.min(1000, intervalMillis / 4));
        this.quietNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis - check);
        this.lastPrint = System.nanoTime();
        ticker.scheduleAtFixedRate(this::printIfQuiet, check, check, TimeUnit.MILLISECONDS);
    }

    /** A job is about to train these runs, partition i training runs.get(i). */
    synchronized void beginJob(List<PlannedRun> runs) {
        tasks = List.copyOf(runs);
    }

    /** The last line, with the count of runs trained as the driver received them. */
    synchronized void finish(int trained) {
        if (done == trained) {
            return; // the last task's line said it all
        }
        done = trained;
        doneCost = totalCost;
        print();
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        if (jobStart.properties() != null
                && jobGroup.equals(jobStart.properties().getProperty(JOB_GROUP_ID))) {
            for (Object id : CollectionConverters.asJava(jobStart.stageIds())) {
                stages.add((Integer) id);
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (!stages.contains(taskEnd.stageId())) {
            return;
        }
        synchronized (this) {
            if (taskEnd.taskInfo().successful()) {
                done++;
                int index = taskEnd.taskInfo().index();
                doneCost += index < tasks.size() ? tasks.get(index).cost() : 0;
            } else {
                retried++;
            }
            print();
        }
    }

    private synchronized void printIfQuiet() {
        if (System.nanoTime() - lastPrint >= quietNanos) {
            print();
        }
    }

    synchronized String line() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        String eta = done == 0 || doneCost <= 0 ? "?" : duration(elapsed * (totalCost - doneCost) / doneCost);
        return String.format("[%s] %d/%d runs done%s, %d failed%s, elapsed %s, ETA %s", name,
                done + resumed, planned, resumed > 0 ? " (" + resumed + " resumed)" : "",
                failedRuns.value(), retried > 0 ? ", " + retried + " attempt(s) retried" : "",
                duration(elapsed), done >= toTrain ? "0s" : eta);
    }

    private synchronized void print() {
        lastPrint = System.nanoTime();
        out.println(line());
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + String.format("%02d", s % 60) + "s";
        }
        return s / 3600 + "h" + String.format("%02d", s % 3600 / 60) + "m";
    }

    synchronized int done() {
        return done;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
