package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks of a written report page: it parses, and every picture it shows or links exists and decodes. */
final class ReportChecks {
    private ReportChecks() {
    }

    static Document parse(byte[] html) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(html));
        } catch (Exception e) {
            throw new AssertionError("the report page is not well-formed: " + e.getMessage(), e);
        }
    }

    static byte[] read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return in.readAllBytes();
        }
    }

    /** Every img src and every link to a .png, relative to the page's folder; returns how many were checked. */
    static int assertPicturesDecode(FileSystem fs, Path folder, Document page) throws IOException {
        List<String> targets = new ArrayList<>();
        NodeList images = page.getElementsByTagName("img");
        for (int i = 0; i < images.getLength(); i++) {
            targets.add(((Element) images.item(i)).getAttribute("src"));
        }
        NodeList links = page.getElementsByTagName("a");
        for (int i = 0; i < links.getLength(); i++) {
            String href = ((Element) links.item(i)).getAttribute("href");
            if (href.endsWith(".png")) {
                targets.add(href);
            }
        }
        Set<String> distinct = new HashSet<>(targets);
        for (String target : distinct) {
            assertTrue(!target.contains("://") && !target.startsWith("/"), target + ": a relative path");
            Path file = new Path(folder, target);
            assertTrue(fs.isFile(file), target + " exists");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(read(fs, file)));
            assertNotNull(image, target + " decodes as an image");
            assertTrue(colours(image) > 3, target + " is a drawing, not a blank");
        }
        return distinct.size();
    }

    /** Distinct colours over a grid of samples. */
    static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += Math.max(1, image.getHeight() / 80)) {
            for (int x = 0; x < image.getWidth(); x += Math.max(1, image.getWidth() / 80)) {
                seen.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen.size();
    }

    /** The number a cell shows: "50.0%" is 0.5; "-" signs come from data-sign. */
    static double shown(Element e) {
        String text = e.getTextContent().trim();
        double v = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100
                : Double.parseDouble(text);
        return "-".equals(e.getAttribute("data-sign")) ? -v : v;
    }

    /** Half a unit of the last digit shown: what rounding for display may change. */
    static double rounding(Element e) {
        String text = e.getTextContent().trim();
        if (e.hasAttribute("data-digits")) {
            double v = Math.abs(Double.parseDouble(text));
            int digits = Integer.parseInt(e.getAttribute("data-digits"));
            return v == 0 ? 1e-12 : 0.5 * Math.pow(10, Math.floor(Math.log10(v)) - digits + 1) * (1 + 1e-9);
        }
        double scale = 1;
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1);
            scale = 0.01;
        }
        int exponent = 0;
        int ePos = text.indexOf('e');
        if (ePos >= 0) {
            exponent = Integer.parseInt(text.substring(ePos + 1));
            text = text.substring(0, ePos);
        }
        int dot = text.indexOf('.');
        int decimals = dot < 0 ? 0 : text.length() - dot - 1;
        return 0.5 * Math.pow(10, exponent - decimals) * scale * (1 + 1e-9);
    }


    static void assertClose(double expected, Element e, String what) {
        double shown = shown(e);
        if (Math.abs(shown - expected) > rounding(e)) {
            fail(what + ": the page shows " + e.getTextContent() + ", summary.json has " + expected);
        }
    }

    /** The element with this id (a page without a DTD declares no ID attributes for getElementById). */
    static Element byId(Document page, String id) {
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    static List<Element> tagged(Document page) {
        List<Element> out = new ArrayList<>();
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("data-of")) {
                out.add(e);
            }
        }
        return out;
    }

}
