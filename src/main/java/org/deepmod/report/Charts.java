package org.deepmod.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.deepmod.training.TraceEntry;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;

/** What the plots (a run's and a sweep report's) share: headless PNG output, fonts, colours, mask-update markers. */
public final class Charts {
    static {
        useHeadlessUnlessSet(); // before the fonts and colours below
    }

    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** Buckets per line for {@link Downsample}: a few pixels each at the default sizes. */
    static final int LINE_BUCKETS = 250;
    public static final Color GRID = new Color(0xDDDDDD);
    private static final Color MARKER = new Color(0x80, 0x80, 0x80, 0xA0);
    private static final Stroke MARKER_STROKE = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {4f, 3f}, 0f);

    /** Tableau's 10 colours, then 10 darker or lighter companions; beyond 20 terms they repeat. */
    private static final Color[] PALETTE = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF),
        new Color(0x0B3C5D), new Color(0xB8860B), new Color(0x006400), new Color(0x8B0000), new Color(0x4B0082),
        new Color(0xFF1493), new Color(0x00CED1), new Color(0x556B2F), new Color(0xFA8072), new Color(0x000080),
    };

    private Charts() {
    }

    /**
     * Plots are drawn on clusters and in CI, where there is no display; an explicit setting wins. AWT reads
     * the property once, when its first class (even java.awt.Color) initialises: call this before.
     */
    public static void useHeadlessUnlessSet() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public static Color colour(int series) {
        return PALETTE[series % PALETTE.length];
    }

    /** Dashed vertical lines at the iterations where the estimator updated the mask. */
    static void markMaskUpdates(XYPlot plot, List<TraceEntry> trace, Layer layer) {
        for (TraceEntry entry : trace) {
            if (entry.maskUpdated()) {
                plot.addDomainMarker(new ValueMarker(entry.iteration(), MARKER, MARKER_STROKE), layer);
            }
        }
    }

    public static void writePng(JFreeChart chart, Path png, int width, int height) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(png))) {
            writePng(chart, out, width, height);
        }
    }

    /** Opaque RGB: encoding it takes a third of the time an alpha channel would, and the charts are opaque. */
    public static void writePng(JFreeChart chart, OutputStream out, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.draw(g, new Rectangle(width, height));
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", out);
    }
}
