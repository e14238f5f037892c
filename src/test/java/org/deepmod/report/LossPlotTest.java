package org.deepmod.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.deepmod.training.TraceEntry;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossPlotTest {

    /** MSE falls from 1e-2 to 1e-4, Reg stays at 1e-6 (then 0, which a log axis cannot show), no test set. */
    private static List<TraceEntry> trace() {
        List<TraceEntry> trace = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            boolean[][] mask = {{true}};
            double[][] coefficients = {{1}};
            trace.add(new TraceEntry(10 * i, 1, Math.pow(10, -2 - i / 50.0), i < 90 ? 1e-6 : 0, Double.NaN, 1,
                    mask, coefficients, null));
        }
        return trace;
    }

    private static boolean near(BufferedImage image, double x, double y, Color colour) {
        for (int dy = -2; dy <= 2; dy++) {
            if (PngPixels.close(colour, PngPixels.at(image, x, y + dy), 30)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void writesAPngOfTheDefaultSize(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("loss.png");
        LossPlot.write(SyntheticTrace.of(1), file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(LossPlot.WIDTH, image.getWidth());
        assertEquals(LossPlot.HEIGHT, image.getHeight());
    }

    @Test
    void drawsTheLossesOnALogAxisAndLeavesOutWhatItCannotShow() throws IOException {
        List<TraceEntry> trace = trace();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LossPlot.write(trace, out, 800, 400);
        BufferedImage image = PngPixels.decode(out.toByteArray());
        assertEquals(800, image.getWidth());
        assertEquals(400, image.getHeight());

        JFreeChart chart = LossPlot.chart(trace);
        XYPlot plot = chart.getXYPlot();
        assertEquals(2, plot.getDataset().getSeriesCount(), "no test MSE line: it is NaN throughout");
        Rectangle2D area = PngPixels.dataAreas(chart, 800, 400)[0];
        double x = plot.getDomainAxis().valueToJava2D(500, area, RectangleEdge.BOTTOM);
        // on a log axis MSE 1e-3 lies halfway between 1e-2 and 1e-4
        double y = plot.getRangeAxis().valueToJava2D(1e-3, area, RectangleEdge.LEFT);
        double top = plot.getRangeAxis().valueToJava2D(1e-2, area, RectangleEdge.LEFT);
        double bottom = plot.getRangeAxis().valueToJava2D(1e-4, area, RectangleEdge.LEFT);
        assertEquals((top + bottom) / 2, y, 1);
        assertTrue(near(image, x, y, Charts.colour(0)), "the MSE line");
        double reg = plot.getRangeAxis().valueToJava2D(1e-6, area, RectangleEdge.LEFT);
        assertTrue(near(image, x, reg, Charts.colour(1)), "the Reg line while it is positive");
        double late = plot.getDomainAxis().valueToJava2D(950, area, RectangleEdge.BOTTOM);
        assertFalse(near(image, late, reg, Charts.colour(1)), "no Reg where it is 0");
    }
}
