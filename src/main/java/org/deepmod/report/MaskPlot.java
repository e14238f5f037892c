package org.deepmod.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.deepmod.library.TermNames;
import org.deepmod.training.TraceEntry;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The picture users look at ({@code mask.png}): for one output, which terms were active over training (top)
 * and how their normalised coefficients moved (bottom), on one iteration axis. Terms active at the end are
 * drawn solid and bold, the others thin and dashed; dashed vertical lines mark the mask updates.
 */
public final class MaskPlot {
    static {
        Charts.useHeadlessUnlessSet(); // before this class' own AWT constants
    }

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 800;

    private static final Color INACTIVE = new Color(0xF3F3F3);
    private static final Stroke FINAL_ACTIVE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke FINAL_INACTIVE = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {6f, 4f}, 0f);
    /** Half the height of a mask row, in rows: the rest is the white gap that separates them. */
    private static final double ROW_HALF_HEIGHT = 0.4;

    private MaskPlot() {
    }

    public static void write(List<TraceEntry> trace, List<String> terms, int output, Path png) throws IOException {
        Charts.writePng(chart(trace, terms, output), png, WIDTH, HEIGHT);
    }

    public static void write(List<TraceEntry> trace, List<String> terms, int output, OutputStream png,
                             int width, int height) throws IOException {
        Charts.writePng(chart(trace, terms, output), png, width, height);
    }

    static JFreeChart chart(List<TraceEntry> trace, List<String> terms, int output) {
        check(trace, terms, output);
        TraceEntry last = trace.get(trace.size() - 1);
        // each entry's mask holds until the next write; the last one for the spacing before it (at least 1)
        int previous = trace.size() > 1 ? trace.get(trace.size() - 2).iteration() : last.iteration() - 1;
        double lastWidth = Math.max(1, last.iteration() - previous);

        NumberAxis iterations = new NumberAxis("iteration");
        iterations.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        iterations.setRange(trace.get(0).iteration(), last.iteration() + lastWidth);
        iterations.setLabelFont(Charts.LABEL);
        iterations.setTickLabelFont(Charts.TICK);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(iterations);
        plot.setGap(14);
        // the mask panel grows with the library, up to twice the coefficient panel
        plot.add(maskPanel(trace, terms, output, lastWidth), Math.min(terms.size(), 24));
        plot.add(coefficientPanel(trace, terms, output, last.masks()[output], lastWidth), 12);

        JFreeChart chart = new JFreeChart("Mask and normalised coefficients (output " + TermNames.output(output)
                + ")", Charts.TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemFont(Charts.TICK);
        return chart;
    }

    /** One row per term, filled in the term's colour over the iterations where it was active. */
    private static XYPlot maskPanel(List<TraceEntry> trace, List<String> terms, int output, double lastWidth) {
        XYIntervalSeriesCollection cells = new XYIntervalSeriesCollection();
        for (int j = 0; j < terms.size(); j++) {
            XYIntervalSeries row = new XYIntervalSeries(terms.get(j), false, true);
            // runs of consecutive active entries become one rectangle: few shapes even for long traces
            int runStart = -1;
            for (int i = 0; i <= trace.size(); i++) {
                boolean active = i < trace.size() && trace.get(i).masks()[output][j];
                if (active && runStart < 0) {
                    runStart = i;
                } else if (!active && runStart >= 0) {
                    double from = trace.get(runStart).iteration();
                    double to = i < trace.size() ? trace.get(i).iteration() : trace.get(i - 1).iteration() + lastWidth;
                    row.add(from, from, to, j, j - ROW_HALF_HEIGHT, j + ROW_HALF_HEIGHT);
                    runStart = -1;
                }
            }
            cells.addSeries(row);
        }

        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultSeriesVisibleInLegend(false); // the coefficient panel's legend names the colours
        for (int j = 0; j < terms.size(); j++) {
            renderer.setSeriesPaint(j, Charts.colour(j));
        }

        SymbolAxis termAxis = new SymbolAxis("mask", terms.toArray(new String[0]));
        termAxis.setInverted(true); // library order from the top
        termAxis.setRange(-0.5, terms.size() - 0.5);
        termAxis.setGridBandsVisible(false);
        termAxis.setLabelFont(Charts.LABEL);
        termAxis.setTickLabelFont(Charts.TICK);

        XYPlot panel = new XYPlot(cells, null, termAxis, renderer);
        panel.setBackgroundPaint(INACTIVE);
        panel.setDomainGridlinesVisible(false);
        panel.setRangeGridlinesVisible(false);
        Charts.markMaskUpdates(panel, trace, Layer.FOREGROUND);
        return panel;
    }

    /** One line per term; bold and solid if the term is active at the end, thin and dashed if not. */
    private static XYPlot coefficientPanel(List<TraceEntry> trace, List<String> terms, int output,
                                           boolean[] finalMask, double lastWidth) {
        DefaultXYDataset lines = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true); // one path per line keeps dashes even over thousands of points
        int n = trace.size();
        for (int j = 0; j < terms.size(); j++) {
            // the last value is held to the axis' end, as the last mask is: one entry still draws a line
            double[][] xy = new double[2][n + 1];
            for (int i = 0; i < n; i++) {
                xy[0][i] = trace.get(i).iteration();
                double c = trace.get(i).normalizedCoefficients()[output][j];
                xy[1][i] = Double.isFinite(c) ? c : Double.NaN; // an infinity would wreck the axis range
            }
            xy[0][n] = xy[0][n - 1] + lastWidth;
            xy[1][n] = xy[1][n - 1];
            lines.addSeries(terms.get(j), Downsample.minMax(xy[0], xy[1], Charts.LINE_BUCKETS));
            renderer.setSeriesPaint(j, Charts.colour(j));
            renderer.setSeriesStroke(j, finalMask[j] ? FINAL_ACTIVE : FINAL_INACTIVE);
        }

        NumberAxis value = new NumberAxis("normalised coefficient");
        value.setLabelFont(Charts.LABEL);
        value.setTickLabelFont(Charts.TICK);

        XYPlot panel = new XYPlot(lines, null, value, renderer);
        panel.setBackgroundPaint(Color.WHITE);
        panel.setDomainGridlinePaint(Charts.GRID);
        panel.setRangeGridlinePaint(Charts.GRID);
        Charts.markMaskUpdates(panel, trace, Layer.BACKGROUND);
        return panel;
    }

    private static void check(List<TraceEntry> trace, List<String> terms, int output) {
        if (trace.isEmpty()) {
            throw new IllegalArgumentException("an empty trace has nothing to plot");
        }
        int outputs = trace.get(0).masks().length;
        if (output < 0 || output >= outputs) {
            throw new IllegalArgumentException("output " + output + " of " + outputs);
        }
        if (trace.get(0).masks()[output].length != terms.size()) {
            throw new IllegalArgumentException(terms.size() + " term names for "
                    + trace.get(0).masks()[output].length + " mask entries");
        }
    }
}
