package io.stampede.runner.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run as one self-contained HTML page: the charting library (uPlot, from its WebJar), the page's own style and
 * script, and the run document (the JSON summary with its {@code history}) inlined, so the file opens anywhere with
 * no network. The page draws everything from the embedded document, so its numbers are the JSON summary's.
 *
 * <p>The same page is the live view: given a live URL, the page fetches the document from there every second.
 *
 * <p>A pure function of its inputs; the resources are read once. Thread safe.
 */
public final class HtmlReport {

    /** uPlot's version: the WebJar's, declared in runner/pom.xml. */
    static final String UPLOT_VERSION = "1.6.30";
    private static final String UPLOT_DIR = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/";
    private static final Pattern MARKER = Pattern.compile("@@([A-Z_]+)@@");

    private HtmlReport() {
    }

    /**
     * @param documentJson the run document as JSON text (see {@code JsonSummaryWriter}, with a {@code history})
     * @param title        the page's title, e.g. the LoadTest's name
     * @param liveUrl      where the live page fetches the document again; null or empty for a static report
     */
    public static String render(String documentJson, String title, String liveUrl) {
        Map<String, String> values = Map.of(
                "TITLE", escapeHtml(title == null ? "Load test" : title + " - Stampede"),
                "LIVE", escapeHtml(liveUrl == null ? "" : liveUrl),
                "DATA", scriptSafe(documentJson),
                "UPLOT_CSS", Resources.UPLOT_CSS,
                "UPLOT_JS", Resources.UPLOT_JS,
                "PAGE_CSS", Resources.PAGE_CSS,
                "PAGE_JS", Resources.PAGE_JS);
        Matcher marker = MARKER.matcher(Resources.PAGE_HTML);
        StringBuilder page = new StringBuilder(Resources.PAGE_HTML.length() + documentJson.length() + 256);
        int from = 0;
        while (marker.find()) {
            String value = values.get(marker.group(1));
            if (value == null) throw new IllegalStateException("page.html names an unknown part " + marker.group());
            page.append(Resources.PAGE_HTML, from, marker.start()).append(value);
            from = marker.end();
        }
        return page.append(Resources.PAGE_HTML, from, Resources.PAGE_HTML.length()).toString();
    }

    /** JSON text that cannot end the script element holding it: {@code </} becomes {@code <\/} (same JSON). */
    static String scriptSafe(String json) {
        return json.replace("</", "<\\/").replace("<!--", "<\\u0021--");
    }

    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The page's parts, read from the classpath once, on first use. */
    private static final class Resources {
        static final String PAGE_HTML = read("/report/html/page.html");
        static final String PAGE_CSS = read("/report/html/page.css");
        static final String PAGE_JS = read("/report/html/page.js");
        static final String UPLOT_CSS = read(UPLOT_DIR + "uPlot.min.css");
        static final String UPLOT_JS = read(UPLOT_DIR + "uPlot.iife.min.js");

        private static String read(String path) {
            try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException("missing resource " + path + " (a broken build?)");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }
}
