package org.deepmod.report;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/** Reading a written PNG back, and where a chart's data areas fall in it. */
public final class PngPixels {
    private PngPixels() {
    }

    public static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "not a PNG ImageIO can read");
        return image;
    }

    /**
     * The data area of each subplot (or of the one plot) when {@code chart} is drawn at this size. Layout is
     * deterministic, so these are also the areas in a PNG written from an equal chart.
     */
    public static Rectangle2D[] dataAreas(JFreeChart chart, int width, int height) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB).createGraphics(),
                new Rectangle2D.Double(0, 0, width, height), info);
        int subplots = info.getPlotInfo().getSubplotCount();
        if (subplots == 0) {
            return new Rectangle2D[] {info.getPlotInfo().getDataArea()};
        }
        Rectangle2D[] areas = new Rectangle2D[subplots];
        for (int i = 0; i < subplots; i++) {
            areas[i] = info.getPlotInfo().getSubplotInfo(i).getDataArea();
        }
        return areas;
    }

    public static Color at(BufferedImage image, double x, double y) {
        return new Color(image.getRGB((int) Math.round(x), (int) Math.round(y)));
    }

    /** Within {@code tolerance} per channel: antialiased lines blend into their neighbours. */
    public static boolean close(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
                && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }
}
