package org.deepmod.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.deepmod.training.TraceEntry;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskPlotTest {

    private static final List<String> TERMS = List.of("u_xx", "u", "u*u_x");
    private static final int ALWAYS = 0;
    private static final int NEVER = 1;
    /** Active for the first half, dropped by the mask update at iteration 500. */
    private static final int DROPPED = 2;
    private static final Color BACKGROUND_OF_MASK = new Color(0xF3F3F3);

    /** 40 entries every 25 iterations; u_xx at 0.5 throughout, u*u_x at -0.8 until it is dropped. */
    private static List<TraceEntry> threeTerms(int entries) {
        List<TraceEntry> trace = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            int iteration = 25 * i;
            boolean kept = iteration < 500;
            trace.add(new TraceEntry(iteration, 1, 1, 1, 1, 1,
                    new boolean[][] {{true, false, kept}},
                    new double[][] {{0.5, 0, kept ? -0.8 : 0}},
                    iteration == 500 ? new double[][] {{0.5, 0, 0}} : null));
        }
        return trace;
    }

    private static byte[] png(List<TraceEntry> trace, List<String> terms, int width, int height) throws IOException {
        return png(trace, terms, 0, width, height);
    }

    private static byte[] png(List<TraceEntry> trace, List<String> terms, int output, int width, int height)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MaskPlot.write(trace, terms, output, out, width, height);
        return out.toByteArray();
    }

    /** Pixel positions of (iteration, term row) in the mask panel and (iteration, value) below it. */
    private record Geometry(JFreeChart chart, Rectangle2D maskArea, Rectangle2D lineArea) {
        static Geometry of(List<TraceEntry> trace, List<String> terms, int width, int height) {
            return of(trace, terms, 0, width, height);
        }

        /** The axes' tick labels, so the layout, depend on the output drawn. */
        static Geometry of(List<TraceEntry> trace, List<String> terms, int output, int width, int height) {
            JFreeChart chart = MaskPlot.chart(trace, terms, output);
            Rectangle2D[] areas = PngPixels.dataAreas(chart, width, height);
            assertEquals(2, areas.length, "two panels");
            return new Geometry(chart, areas[0], areas[1]);
        }

        private List<XYPlot> panels() {
            return ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
        }

        private double x(double iteration, Rectangle2D area) {
            return chart.getXYPlot().getDomainAxis().valueToJava2D(iteration, area, RectangleEdge.BOTTOM);
        }

        Color maskCell(BufferedImage image, double iteration, int term) {
            double y = panels().get(0).getRangeAxis().valueToJava2D(term, maskArea, RectangleEdge.LEFT);
            return PngPixels.at(image, x(iteration, maskArea), y);
        }

        Color line(BufferedImage image, double iteration, double value) {
            double y = panels().get(1).getRangeAxis().valueToJava2D(value, lineArea, RectangleEdge.LEFT);
            return PngPixels.at(image, x(iteration, lineArea), y);
        }

        /** Colours in a box of the line panel: dashes and dashed markers may miss a single pixel. */
        List<Color> box(BufferedImage image, double fromIteration, double toIteration, double fromValue,
                        double toValue) {
            XYPlot panel = panels().get(1);
            double x0 = x(fromIteration, lineArea);
            double x1 = x(toIteration, lineArea);
            double y0 = panel.getRangeAxis().valueToJava2D(fromValue, lineArea, RectangleEdge.LEFT);
            double y1 = panel.getRangeAxis().valueToJava2D(toValue, lineArea, RectangleEdge.LEFT);
            List<Color> colours = new ArrayList<>();
            for (double x = Math.min(x0, x1); x <= Math.max(x0, x1); x++) {
                for (double y = Math.min(y0, y1); y <= Math.max(y0, y1); y++) {
                    colours.add(PngPixels.at(image, x, y));
                }
            }
            return colours;
        }
    }

    @Test
    void writesAPngOfTheDefaultSizeToAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mask.png");
        MaskPlot.write(SyntheticTrace.of(300), SyntheticTrace.TERMS, 0, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(MaskPlot.WIDTH, image.getWidth());
        assertEquals(MaskPlot.HEIGHT, image.getHeight());
        assertTrue(Files.size(file) > 10_000, "a chart, not an empty image: " + Files.size(file) + " bytes");
    }

    @Test
    void maskPanelFillsActiveCellsInTheTermsColour() throws IOException {
        List<TraceEntry> trace = threeTerms(40);
        BufferedImage image = PngPixels.decode(png(trace, TERMS, 900, 700));
        assertEquals(900, image.getWidth());
        assertEquals(700, image.getHeight());
        Geometry at = Geometry.of(trace, TERMS, 900, 700);

        Color always = at.maskCell(image, 300, ALWAYS);
        Color never = at.maskCell(image, 300, NEVER);
        assertEquals(Charts.colour(ALWAYS), always);
        assertEquals(BACKGROUND_OF_MASK, never);
        assertNotEquals(always, never);
        assertEquals(Charts.colour(DROPPED), at.maskCell(image, 250, DROPPED), "active before the update");
        assertEquals(BACKGROUND_OF_MASK, at.maskCell(image, 750, DROPPED), "inactive after it");
        assertEquals(Charts.colour(ALWAYS), at.maskCell(image, 990, ALWAYS), "the last entry has a cell too");
    }

    @Test
    void coefficientPanelDrawsTheLinesAndMarksTheMaskUpdate() throws IOException {
        List<TraceEntry> trace = threeTerms(40);
        BufferedImage image = PngPixels.decode(png(trace, TERMS, 900, 700));
        Geometry at = Geometry.of(trace, TERMS, 900, 700);

        assertTrue(PngPixels.close(Charts.colour(ALWAYS), at.line(image, 300, 0.5), 30), "u_xx at 0.5");
        assertTrue(at.box(image, 200, 250, -0.81, -0.79).stream()
                .anyMatch(c -> PngPixels.close(Charts.colour(DROPPED), c, 30)), "u*u_x dashed at -0.8");
        // off the gridlines (ticks fall on round numbers), where only white would be
        assertTrue(light(at.line(image, 310, 0.25)), "nothing at 0.25");
        assertTrue(light(at.line(image, 760, -0.8)), "u*u_x is gone after the update");
        assertTrue(at.box(image, 495, 505, 0.1, 0.4).stream().anyMatch(c -> grey(c) && c.getRed() < 200),
                "a grey marker line at the update");
        assertTrue(at.box(image, 310, 310, 0.1, 0.4).stream().allMatch(MaskPlotTest::light),
                "no marker where the mask was not updated");
    }

    /** White or a faint gridline. */
    private static boolean light(Color c) {
        return grey(c) && c.getRed() > 230;
    }

    private static boolean grey(Color c) {
        return c.getRed() == c.getGreen() && c.getGreen() == c.getBlue();
    }

    @Test
    void oneEntryStillShowsItsMaskAndValues() throws IOException {
        List<TraceEntry> trace = threeTerms(1);
        BufferedImage image = PngPixels.decode(png(trace, TERMS, 600, 500));
        Geometry at = Geometry.of(trace, TERMS, 600, 500);
        assertEquals(Charts.colour(ALWAYS), at.maskCell(image, 0.5, ALWAYS));
        assertEquals(BACKGROUND_OF_MASK, at.maskCell(image, 0.5, NEVER));
        assertTrue(PngPixels.close(Charts.colour(ALWAYS), at.line(image, 0.5, 0.5), 30));
    }

    @Test
    void drawsTheRequestedOutput() throws IOException {
        // output v has the opposite mask of u
        List<TraceEntry> trace = new ArrayList<>();
        for (TraceEntry u : threeTerms(40)) {
            boolean[] mask = u.masks()[0];
            boolean[] inverse = {!mask[0], !mask[1], !mask[2]};
            trace.add(new TraceEntry(u.iteration(), 1, 1, 1, 1, 1, new boolean[][] {mask, inverse},
                    new double[][] {u.normalizedCoefficients()[0], new double[3]}, null));
        }
        assertEquals("Mask and normalised coefficients (output v)",
                MaskPlot.chart(trace, TERMS, 1).getTitle().getText());
        BufferedImage image = PngPixels.decode(png(trace, TERMS, 1, 900, 700));
        Geometry at = Geometry.of(trace, TERMS, 1, 900, 700);
        assertEquals(BACKGROUND_OF_MASK, at.maskCell(image, 300, ALWAYS));
        assertEquals(Charts.colour(NEVER), at.maskCell(image, 300, NEVER));
    }

    @Test
    void writesTwoThousandEntriesOfTwelveTermsInUnderASecondOfCpu() throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isCurrentThreadCpuTimeSupported());
        List<TraceEntry> trace = SyntheticTrace.of(2000);
        png(trace, SyntheticTrace.TERMS, MaskPlot.WIDTH, MaskPlot.HEIGHT); // loads AWT, fonts and classes once
        // CPU time of this thread, not wall time: other builds share the machine's two cores
        long start = threads.getCurrentThreadCpuTime();
        png(trace, SyntheticTrace.TERMS, MaskPlot.WIDTH, MaskPlot.HEIGHT);
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        assertTrue(seconds < 1, "took " + seconds + " s");
    }

    @Test
    void rejectsWhatItCannotDraw() {
        List<TraceEntry> trace = threeTerms(3);
        assertThrows(IllegalArgumentException.class, () -> MaskPlot.chart(List.of(), TERMS, 0));
        assertThrows(IllegalArgumentException.class, () -> MaskPlot.chart(trace, TERMS, 1));
        assertThrows(IllegalArgumentException.class, () -> MaskPlot.chart(trace, List.of("u_xx", "u"), 0));
    }
}
