package org.deepmod.report.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.deepmod.report.Charts;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.SweepSummary.Configuration;
import org.deepmod.results.SweepSummary.FieldStatistics;
import org.deepmod.results.SweepSummary.TermStatistics;
import org.deepmod.library.EquationFormatter;
import org.deepmod.training.RunStatus;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The sweep report's pictures, drawn from {@link SweepSummary} (and the runs' iterations and seconds): success
 * rate against noise with Wilson bands, each true coefficient against noise (median, 5-95 % band, the truth as
 * a line), and the distribution of iterations and seconds per configuration.
 *
 * <p>Configurations lie along the x axis by their noise level when the sweep has a noise axis, else in their
 * order; the other axes (estimator, network, ...) make one line each.
 */
public final class SweepCharts {
    static {
        Charts.useHeadlessUnlessSet();
    }

    public static final int WIDTH = 900;
    public static final int HEIGHT = 480;
    private static final String NOISE = "noise";
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private SweepCharts() {
    }

    /** How the configurations lie on the x axis, and the lines (one per combination of the other axes). */
    record Layout(String xLabel, List<String> categories, Map<String, List<Point>> lines, boolean percent) {
        record Point(double x, Configuration configuration) {
        }

        static Layout of(SweepSummary summary) {
            boolean byNoise = summary.axes().contains(NOISE) && summary.configurations().stream()
                    .allMatch(c -> isNumber(c.axes().get(NOISE)));
            Map<String, List<Point>> lines = new LinkedHashMap<>();
            List<String> categories = new ArrayList<>();
            for (Configuration c : summary.configurations()) {
                StringJoiner others = new StringJoiner(", ");
                c.axes().forEach((axis, value) -> {
                    if (!byNoise || !axis.equals(NOISE)) {
                        others.add(axis + "=" + value);
                    }
                });
                String line = byNoise && others.length() > 0 ? others.toString() : "all runs";
                double x;
                if (byNoise) {
                    x = Double.parseDouble(c.axes().get(NOISE));
                } else {
                    x = categories.size();
                    categories.add(c.configuration());
                }
                lines.computeIfAbsent(line, k -> new ArrayList<>()).add(new Point(x, c));
            }
            lines.values().forEach(points -> points.sort(java.util.Comparator.comparingDouble(Point::x)));
            return new Layout(byNoise ? "noise (σ as % of the data's standard deviation)" : "configuration",
                    categories, lines, byNoise);
        }

        ValueAxis xAxis() {
            if (!percent) {
                SymbolAxis axis = new SymbolAxis(xLabel, categories.toArray(new String[0]));
                axis.setRange(-0.5, categories.size() - 0.5);
                axis.setGridBandsVisible(false);
                axis.setVerticalTickLabels(categories.size() > 3);
                return style(axis);
            }
            NumberAxis axis = new NumberAxis(xLabel);
            // fractions of a percent too: a 0 to 10 % sweep ticks every 0.5 %, which whole percents label twice
            NumberFormat percent = NumberFormat.getPercentInstance(Locale.ROOT);
            percent.setMaximumFractionDigits(2);
            axis.setNumberFormatOverride(percent);
            // every noise level of the sweep, also where a line has no point (a term nobody selected)
            double low = lines.values().stream().flatMap(List::stream).mapToDouble(Point::x).min().orElse(0);
            double high = lines.values().stream().flatMap(List::stream).mapToDouble(Point::x).max().orElse(1);
            double pad = high > low ? 0.03 * (high - low) : 0.05;
            axis.setRange(Math.min(0, low) - pad, high + pad);
            return style(axis);
        }

        private static boolean isNumber(String s) {
            try {
                Double.parseDouble(s);
                return s != null;
            } catch (NumberFormatException | NullPointerException e) {
                return false;
            }
        }
    }

    /** Success rate (exactly the true terms) against noise, a line per combination of the other axes. */
    public static void successRate(SweepSummary summary, OutputStream png) throws IOException {
        Layout layout = Layout.of(summary);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Map.Entry<String, List<Layout.Point>> line : layout.lines().entrySet()) {
            YIntervalSeries series = new YIntervalSeries(line.getKey(), false, true);
            for (Layout.Point p : line.getValue()) {
                Configuration c = p.configuration();
                if (c.successRate() != null) {
                    series.add(p.x(), c.successRate(), c.successInterval().low(), c.successInterval().high());
                }
            }
            data.addSeries(series);
        }
        NumberAxis rate = style(new NumberAxis("success rate (runs with exactly the true terms)"));
        rate.setRange(-0.02, 1.02);
        rate.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        JFreeChart chart = chart("Success rate, with Wilson 95 % intervals", data, layout, rate);
        Charts.writePng(chart, png, WIDTH, HEIGHT);
    }

    /** One true term's coefficient against noise: medians over the runs that selected it, 5-95 % band, truth. */
    public static void coefficient(SweepSummary summary, String field, String term, double truth, OutputStream png)
            throws IOException {
        Charts.writePng(coefficientChart(summary, field, term, truth), png, WIDTH, HEIGHT);
    }

    static JFreeChart coefficientChart(SweepSummary summary, String field, String term, double truth) {
        Layout layout = Layout.of(summary);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Map.Entry<String, List<Layout.Point>> line : layout.lines().entrySet()) {
            YIntervalSeries series = new YIntervalSeries(line.getKey(), false, true);
            for (Layout.Point p : line.getValue()) {
                FieldStatistics f = p.configuration().field(field);
                TermStatistics t = f == null ? null : f.term(term);
                if (t != null && t.median() != null) {
                    series.add(p.x(), t.median(), t.p5(), t.p95());
                }
            }
            data.addSeries(series);
        }
        NumberAxis value = style(new NumberAxis("coefficient of " + term + " in " + field + "_t (data units)"));
        value.setAutoRangeIncludesZero(false);
        JFreeChart chart = chart("Coefficient of " + term + " (" + field + "_t): median and 5-95 % of the runs "
                + "that selected it", data, layout, value);
        XYPlot plot = chart.getXYPlot();
        ValueMarker marker = new ValueMarker(truth, Color.BLACK, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel("truth " + format(truth));
        marker.setLabelFont(Charts.TICK);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(marker);
        // the axis must show the truth even when every median is far from it
        double[] extremes = extremes(data);
        double low = extremes == null ? truth : Math.min(truth, extremes[0]);
        double high = extremes == null ? truth : Math.max(truth, extremes[1]);
        double pad = Math.max(1e-9, 0.08 * (high - low == 0 ? Math.abs(truth) : high - low));
        value.setRange(low - pad, high + pad);
        return chart;
    }

    /** Iterations (top) and seconds (bottom) per configuration, as box plots over the runs that trained. */
    public static void timing(List<String> configurations, Map<String, List<ReportRun>> runs, OutputStream png)
            throws IOException {
        DefaultBoxAndWhiskerCategoryDataset iterations = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultBoxAndWhiskerCategoryDataset seconds = new DefaultBoxAndWhiskerCategoryDataset();
        for (String c : configurations) {
            List<Double> its = new ArrayList<>();
            List<Double> secs = new ArrayList<>();
            for (ReportRun r : runs.getOrDefault(c, List.of())) {
                if (r.status() != RunStatus.FAILED) {
                    its.add((double) r.iterations());
                    secs.add(r.seconds());
                }
            }
            iterations.add(its, "runs", c);
            seconds.add(secs, "runs", c);
        }
        CategoryAxis categories = new CategoryAxis("configuration");
        categories.setLabelFont(Charts.LABEL);
        categories.setTickLabelFont(Charts.TICK);
        // a few configurations: labels wrapped under their boxes; many: vertical (a slanted first label would
        // run off the picture's left edge)
        categories.setMaximumCategoryLabelLines(3);
        if (configurations.size() > 8) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(categories);
        plot.setGap(12);
        plot.add(boxes(iterations, "iterations"), 1);
        plot.add(boxes(seconds, "seconds per run"), 1);
        JFreeChart chart = new JFreeChart("Iterations and time per run (box: quartiles, whiskers: 1.5 IQR)",
                Charts.TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        int height = HEIGHT + 120 + (configurations.size() > 8 ? 160 : 0);
        Charts.writePng(chart, png, WIDTH, height);
    }

    private static CategoryPlot boxes(DefaultBoxAndWhiskerCategoryDataset data, String label) {
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setSeriesPaint(0, Charts.colour(0));
        renderer.setMeanVisible(false);
        renderer.setMaximumBarWidth(0.08);
        renderer.setDefaultToolTipGenerator(null);
        NumberAxis axis = style(new NumberAxis(label));
        axis.setAutoRangeIncludesZero(true);
        CategoryPlot plot = new CategoryPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Charts.GRID);
        return plot;
    }

    /**
     * Lines with shaded intervals against noise; a band is drawn only between two points, so where the x axis
     * is the configurations (no order between them) or a line has a single point, each interval is an error bar
     * instead, and configurations are not joined by lines.
     */
    private static JFreeChart chart(String title, YIntervalSeriesCollection data, Layout layout, NumberAxis y) {
        boolean bands = layout.percent();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            bands &= data.getItemCount(s) != 1;
        }
        AbstractXYItemRenderer renderer;
        if (bands) {
            DeviationRenderer deviation = new DeviationRenderer(true, true);
            deviation.setAlpha(0.18f);
            renderer = deviation;
        } else {
            XYErrorRenderer bars = new XYErrorRenderer();
            bars.setDrawXError(false);
            bars.setDefaultLinesVisible(layout.percent());
            bars.setErrorStroke(new BasicStroke(2f));
            bars.setCapLength(10);
            renderer = bars;
        }
        for (int s = 0; s < data.getSeriesCount(); s++) {
            Color colour = Charts.colour(s);
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesFillPaint(s, colour);
            renderer.setSeriesStroke(s, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        XYPlot plot = new XYPlot(data, layout.xAxis(), y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Charts.GRID);
        plot.setRangeGridlinePaint(Charts.GRID);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LEGEND);
        return chart;
    }

    private static <A extends ValueAxis> A style(A axis) {
        axis.setLabelFont(Charts.LABEL);
        axis.setTickLabelFont(Charts.TICK);
        return axis;
    }

    /** The lowest band start and highest band end over every series: {low, high}; null when there is no point. */
    private static double[] extremes(YIntervalSeriesCollection data) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                low = Math.min(low, data.getStartYValue(s, i));
                high = Math.max(high, data.getEndYValue(s, i));
            }
        }
        return Double.isFinite(low) ? new double[] {low, high} : null;
    }

    static String format(double v) {
        return org.deepmod.library.EquationFormatter.coefficient(v);
    }
}
