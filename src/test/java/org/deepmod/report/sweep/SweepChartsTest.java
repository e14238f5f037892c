package org.deepmod.report.sweep;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deepmod.report.Charts;
import org.deepmod.report.PngPixels;
import org.deepmod.results.SweepSummary;
import org.deepmod.results.SweepSummary.Configuration;
import org.deepmod.results.SweepSummary.FieldStatistics;
import org.deepmod.results.SweepSummary.TermStatistics;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.deepmod.training.RunStatus;

/**
 * A coefficient's 5–95 % interval is visible however the configurations lie on the x axis: as a shaded band
 * between noise levels, and as an error bar where there is one point (a single configuration, or configurations
 * that are categories). The pixels are read back from the drawn chart at the interval's coordinates.
 */
class SweepChartsTest {
    private static final double MEDIAN = 2.0;
    private static final double P5 = 1.6;
    private static final double P95 = 2.4;
    private static final double TRUTH = 1.0;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"one configuration", "two estimators", "two noise levels"})
    void theIntervalIsDrawn(String kind) {
        SweepSummary summary = switch (kind) {
            case "one configuration" -> summary(List.of(), configuration("(base)", Map.of()));
            case "two estimators" -> summary(List.of("estimator"),
                    configuration("estimator=threshold", Map.of("estimator", "threshold")),
                    configuration("estimator=pde-find", Map.of("estimator", "pde-find")));
            default -> summary(List.of("noise"), configuration("noise=0.01", Map.of("noise", "0.01")),
                    configuration("noise=0.1", Map.of("noise", "0.1")));
        };
        JFreeChart chart = SweepCharts.coefficientChart(summary, "u", "u_xx", TRUTH);
        int width = SweepCharts.WIDTH;
        int height = SweepCharts.HEIGHT;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(image.createGraphics(), new Rectangle2D.Double(0, 0, width, height), info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        // inside the interval, above the median marker, away from the truth's dashed line
        double y = plot.getRangeAxis().valueToJava2D(MEDIAN + 0.75 * (P95 - MEDIAN), area, RectangleEdge.LEFT);
        Color series = Charts.colour(0);
        if (kind.equals("two noise levels")) {
            double x = plot.getDomainAxis().valueToJava2D((0.01 + 0.1) / 2, area, RectangleEdge.BOTTOM);
            Color shaded = blend(series, Color.WHITE, 0.18);
            assertTrue(PngPixels.close(PngPixels.at(image, x, y), shaded, 16),
                    "band between the noise levels: " + PngPixels.at(image, x, y));
        } else {
            double x = plot.getDomainAxis().valueToJava2D(0, area, RectangleEdge.BOTTOM);
            assertTrue(seriesColourNear(image, x, y, series), "error bar at the first configuration");
            double outside = plot.getRangeAxis().valueToJava2D(P95 + 0.1, area, RectangleEdge.LEFT);
            assertTrue(!seriesColourNear(image, x, outside, series), "nothing above the 95th percentile");
        }
    }

    private static boolean seriesColourNear(BufferedImage image, double x, double y, Color series) {
        for (int dx = -2; dx <= 2; dx++) {
            if (PngPixels.close(PngPixels.at(image, x + dx, y), series, 40)) {
                return true;
            }
        }
        return false;
    }

    private static Color blend(Color a, Color b, double alpha) {
        return new Color((int) Math.round(alpha * a.getRed() + (1 - alpha) * b.getRed()),
                (int) Math.round(alpha * a.getGreen() + (1 - alpha) * b.getGreen()),
                (int) Math.round(alpha * a.getBlue() + (1 - alpha) * b.getBlue()));
    }

    private static SweepSummary summary(List<String> axes, Configuration... configurations) {
        List<String> allAxes = new ArrayList<>(axes);
        allAxes.add("seed");
        return new SweepSummary("charts", "out", 10 * configurations.length, 10 * configurations.length, 0,
                allAxes, 0.5, List.of("u_xx", "u*u_x"), List.of(configurations), List.of());
    }

    private static Configuration configuration(String name, Map<String, String> axes) {
        TermStatistics term = new TermStatistics("u_xx", 10, 1.0, new SweepSummary.Interval(0.72, 1.0), MEDIAN, 0.2,
                MEDIAN, P5, P95, TRUTH, 1.0);
        FieldStatistics field = new FieldStatistics("u", 10, Map.of("u_xx", TRUTH), 10, 1.0,
                new SweepSummary.Interval(0.72, 1.0), List.of(term), null);
        assertNotNull(field.term("u_xx"));
        return new Configuration(name, axes, 10, 0, Map.of(RunStatus.CONVERGED.name(), 10), 10, 1.0,
                new SweepSummary.Interval(0.72, 1.0), null, null, List.of(field));
    }
}
