package org.deepmod.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * A real browser on a report page: headless Chromium (Debian's {@code chromium}, which .ci/run installs) loads
 * the page from disk in a frame of a small harness page that lists the images that did not load; its console
 * must stay silent (any message is an error: a blocked or failed resource, or the runs table's script failing);
 * and its screenshot must not be blank. {@link #interact} drives the page's own script from the harness. Skips, saying why, only when no Chromium binary is on the PATH.
 */
final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final Pattern RESULT = Pattern.compile("images=(\\d+) broken=([^<]*)");

    private Chromium() {
    }

    static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The browser; without one the test is skipped, saying why. */
    private static Path required() {
        Path chromium = binary();
        if (chromium == null) {
            String reason = "no chromium binary on the PATH (" + String.join(", ", NAMES) + "): the browser check "
                    + "of the report is skipped; .ci/run installs Debian's chromium";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return chromium;
    }

    /** The page's console messages in chromium's log. */
    private static List<String> console(Run run, String url) {
        List<String> console = new ArrayList<>();
        for (String line : run.err().split("\n")) {
            if (line.contains(":CONSOLE") && line.contains(url)) {
                console.add(line);
            }
        }
        return console;
    }

    static void assertRenders(Path page, Path screenshot) throws IOException, InterruptedException {
        Path chromium = required();
        Path work = Files.createTempDirectory("deepmod-chromium");
        Path harness = work.resolve("harness.html");
        String url = page.toAbsolutePath().toUri().toString();
        Files.writeString(harness, """
                <!DOCTYPE html><html><body><div id="result">not loaded</div>
                <iframe id="page" src="%s" width="1280" height="2000"></iframe>
                <script>
                document.getElementById("page").addEventListener("load", function () {
                  var images = this.contentDocument.images, broken = [];
                  for (var i = 0; i < images.length; i++) {
                    if (!(images[i].complete && images[i].naturalWidth > 0)) broken.push(images[i].getAttribute("src"));
                  }
                  document.getElementById("result").textContent = "images=" + images.length + " broken=" + broken.join(" ");
                });
                </script></body></html>
                """.formatted(url));
        Run dom = run(chromium, work, "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom",
                harness.toUri().toString());
        Matcher m = RESULT.matcher(dom.out());
        assertTrue(m.find(), "the harness saw the page load: " + dom.out() + dom.err());
        assertTrue(Integer.parseInt(m.group(1)) > 0, "the page shows pictures");
        assertEquals("", m.group(2).trim(), "images the browser could not load");
        assertEquals(List.of(), console(dom, url), "console messages of the page");

        Run shot = run(chromium, work, "--hide-scrollbars", "--window-size=1280,2000",
                "--screenshot=" + screenshot.toAbsolutePath(), url);
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertNotNull(image, "a screenshot: " + shot.err());
        assertTrue(ReportChecks.colours(image) > 20, "the screenshot is not blank");
    }

    /**
     * Loads the page in the harness's frame, runs {@code steps} there (a function body given {@code doc}, the
     * page's document, returning a string) once the page has loaded, and returns what it returned. The page's
     * console must stay silent meanwhile.
     */
    static String interact(Path page, String steps) throws IOException, InterruptedException {
        Path chromium = required();
        Path work = Files.createTempDirectory("deepmod-chromium");
        Path harness = work.resolve("harness.html");
        String url = page.toAbsolutePath().toUri().toString();
        Files.writeString(harness, """
                <!DOCTYPE html><html><body><pre id="result">not loaded</pre>
                <iframe id="page" src="%s" width="1280" height="2000"></iframe>
                <script>
                document.getElementById("page").addEventListener("load", function () {
                  var out;
                  try { out = (function (doc) { %s })(this.contentDocument); } catch (e) { out = "error: " + e; }
                  document.getElementById("result").textContent = "result{" + out + "}result";
                });
                </script></body></html>
                """.formatted(url, steps));
        Run dom = run(chromium, work, "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom",
                harness.toUri().toString());
        Matcher m = Pattern.compile("<pre id=\"result\">result\\{(.*)}result</pre>", Pattern.DOTALL).matcher(dom.out());
        assertTrue(m.find(), "the harness saw the page load: " + dom.out() + dom.err());
        assertEquals(List.of(), console(dom, url), "console messages of the page");
        return m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }

    private record Run(String out, String err) {
    }

    private static Run run(Path chromium, Path work, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--user-data-dir=" + work.resolve("profile"),
                "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(arguments));
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 180 s: " + command);
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
