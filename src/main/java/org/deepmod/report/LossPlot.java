package org.deepmod.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.deepmod.training.TraceEntry;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * MSE, Reg and test MSE over training on a log axis ({@code loss.png}), with the mask updates marked.
 * Values a log axis cannot show (0, negative, NaN: no test set) are left out.
 */
public final class LossPlot {
    static {
        Charts.useHeadlessUnlessSet(); // before any AWT class initialises
    }

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 500;

    private LossPlot() {
    }

    public static void write(List<TraceEntry> trace, Path png) throws IOException {
        Charts.writePng(chart(trace), png, WIDTH, HEIGHT);
    }

    public static void write(List<TraceEntry> trace, OutputStream png, int width, int height) throws IOException {
        Charts.writePng(chart(trace), png, width, height);
    }

    static JFreeChart chart(List<TraceEntry> trace) {
        if (trace.isEmpty()) {
            throw new IllegalArgumentException("an empty trace has nothing to plot");
        }
        DefaultXYDataset losses = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, trace.size() == 1);
        addSeries(losses, renderer, "MSE", trace, TraceEntry::mse);
        addSeries(losses, renderer, "Reg", trace, TraceEntry::reg);
        addSeries(losses, renderer, "test MSE", trace, TraceEntry::testMse);

        NumberAxis iterations = new NumberAxis("iteration");
        iterations.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        iterations.setAutoRangeIncludesZero(false);
        LogAxis loss = new LogAxis("loss");
        loss.setBase(10);
        loss.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole decades
        for (var axis : List.of(iterations, loss)) {
            axis.setLabelFont(Charts.LABEL);
            axis.setTickLabelFont(Charts.TICK);
        }

        XYPlot plot = new XYPlot(losses, iterations, loss, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Charts.GRID);
        plot.setRangeGridlinePaint(Charts.GRID);
        Charts.markMaskUpdates(plot, trace, Layer.BACKGROUND);
        JFreeChart chart = new JFreeChart("Losses", Charts.TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(Charts.TICK);
        return chart;
    }

    private static void addSeries(DefaultXYDataset losses, XYLineAndShapeRenderer renderer, String name,
                                  List<TraceEntry> trace, ToDoubleFunction<TraceEntry> value) {
        double[][] xy = new double[2][trace.size()];
        int kept = 0;
        for (TraceEntry entry : trace) {
            double v = value.applyAsDouble(entry);
            if (v > 0 && v < Double.POSITIVE_INFINITY) {
                xy[0][kept] = entry.iteration();
                xy[1][kept] = v;
                kept++;
            }
        }
        if (kept == 0) {
            return; // e.g. no test set: no legend entry for a line that is not there
        }
        int series = losses.getSeriesCount();
        losses.addSeries(name, Downsample.minMax(Arrays.copyOf(xy[0], kept), Arrays.copyOf(xy[1], kept),
                Charts.LINE_BUCKETS));
        renderer.setSeriesPaint(series, Charts.colour(series));
        renderer.setSeriesStroke(series, new BasicStroke(1.8f));
    }
}
