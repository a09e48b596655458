package io.vigil.analytics.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the chart that travels with an alert: today's minutes of a monitored series against the same minutes
 * yesterday and last week, with the anomalous minutes marked, as a PNG that Vigil serves and that Slack and webhook
 * receivers show inline.
 *
 * <p>Why a server-side PNG rather than the console's browser chart: a chat message can only show an image URL, and
 * the reader of an alert decides in seconds whether to act. So the picture carries the comparison itself (today in
 * strong blue on top, yesterday grey, last week light grey dashed), a y axis with round ticks, UTC minute labels and
 * a shaded band at the anomaly.
 *
 * <p>It uses only {@code java.awt} and {@code javax.imageio} and works in a headless JVM. Servers often lack fonts:
 * when the JDK cannot render text here, the chart is still drawn, without its words (title, labels, legend), and a
 * warning says so once, rather than the alert losing its picture.
 *
 * <p>Instances hold no per-chart state and may be shared between threads.
 */
public final class SeriesChart {

    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 320;
    /** The narrowest chart that still fits its title, axis labels and legend around a readable plot. */
    public static final int MIN_WIDTH = 240;
    /** The lowest chart that still fits its title, axis labels and legend around a readable plot. */
    public static final int MIN_HEIGHT = 160;
    /** Chart sizes may come from a URL; this bounds the memory one request can ask for. */
    public static final int MAX_SIDE = 4000;

    static final Color TODAY = new Color(0x1A73E8);
    static final Color YESTERDAY = new Color(0x80868B);
    static final Color LAST_WEEK = new Color(0xBDC1C6);
    /** The band behind an anomalous minute. */
    static final Color HIGHLIGHT = new Color(0xFCE8E6);
    /** The dot on today's value at an anomalous minute. */
    static final Color ANOMALY = new Color(0xD93025);

    private static final Color BACKGROUND = Color.WHITE;
    private static final Color GRID = new Color(0xECEEF1);
    private static final Color AXIS = new Color(0xC4C7CC);
    private static final Color INK = new Color(0x202124);
    private static final Color MUTED = new Color(0x5F6368);

    private static final Stroke TODAY_STROKE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke YESTERDAY_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke LAST_WEEK_STROKE =
            new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f);
    private static final Stroke HAIRLINE = new BasicStroke(1f);

    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Label every n minutes, from this list, so that labels fall on round times (14:00, 14:30). */
    private static final long[] LABEL_STEPS_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};

    private static final Logger log = LoggerFactory.getLogger(SeriesChart.class);

    private final Supplier<Font> baseFont;
    /** Null until the first chart with text is drawn; then whether this JDK can render text. */
    private volatile Boolean textUsable;

    public SeriesChart() {
        this(() -> new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }

    /** With another source of fonts: tests use it to act out a JDK without usable fonts. */
    SeriesChart(Supplier<Font> baseFont) {
        this.baseFont = Objects.requireNonNull(baseFont, "baseFont");
    }

    /** The chart as a PNG of {@value #DEFAULT_WIDTH}×{@value #DEFAULT_HEIGHT} pixels. */
    public byte[] png(ChartData data) {
        return png(data, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * The chart as a PNG of {@code width}×{@code height} pixels.
     *
     * @throws IllegalArgumentException when a side is below {@link #MIN_WIDTH}/{@link #MIN_HEIGHT} or above
     *     {@link #MAX_SIDE}
     */
    public byte[] png(ChartData data, int width, int height) {
        Objects.requireNonNull(data, "data");
        if (width < MIN_WIDTH || height < MIN_HEIGHT || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("a chart is between " + MIN_WIDTH + "×" + MIN_HEIGHT + " and " + MAX_SIDE
                    + "×" + MAX_SIDE + " pixels, not " + width + "×" + height);
        }
        return encode(draw(data, width, height, fonts()));
    }

    /** The fonts to write with, or null when this JDK cannot render text (found out once, then remembered). */
    private Fonts fonts() {
        Boolean usable = textUsable;
        if (usable == null) {
            usable = probeText();
            textUsable = usable;
        }
        return usable ? Fonts.from(baseFont.get()) : null;
    }

    /**
     * Measures and draws a sample with each font. Without fonts the JDK fails here, in its font manager, with an
     * unchecked exception or an {@link Error} ("Probable fatal error: No physical fonts found.", a missing native
     * library, a class that could not be initialised); none of these says anything about the JVM's health beyond
     * text.
     */
    private boolean probeText() {
        BufferedImage scratch = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            Fonts fonts = Fonts.from(baseFont.get());
            for (Font font : List.of(fonts.title(), fonts.subtitle(), fonts.label())) {
                g.setFont(font);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.getFontMetrics().stringWidth("Rate — 97.5% 14:05");
                g.drawString("Rate — 97.5% 14:05", 0, 6);
            }
            return true;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof InternalError)) {
                throw e; // out of memory or stack is not a font problem
            }
            log.warn(
                    "Alert charts are drawn without text because this JDK cannot render fonts here;"
                            + " install fontconfig and a font such as fonts-dejavu-core to get titles and labels",
                    e);
            return false;
        } finally {
            g.dispose();
        }
    }

    /** The fonts of one chart; derived from one base font so that they look alike. */
    private record Fonts(Font title, Font subtitle, Font label) {
        static Fonts from(Font base) {
            return new Fonts(base.deriveFont(Font.BOLD, 15f), base.deriveFont(Font.PLAIN, 12f), base.deriveFont(11f));
        }
    }

    private static BufferedImage draw(ChartData data, int width, int height, Fonts fonts) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            new Layout(data, width, height, fonts, g).paint();
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        // A memory-cached stream keeps ImageIO away from temporary files without changing its global settings.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart as PNG", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** One chart being painted: where everything goes, worked out once from the data, the size and the fonts. */
    private static final class Layout {

        private static final int PAD = 16;

        private final ChartData data;
        private final int width;
        private final int height;
        private final Fonts fonts;
        private final Graphics2D g;
        private final double scale;
        private final double[] today;
        private final double[] yesterday;
        private final double[] lastWeek;
        private final List<Instant> minutes;
        private final AxisScale y;
        private final List<Instant> highlighted = new ArrayList<>();

        private double left;
        private double top;
        private double right;
        private double bottom;

        Layout(ChartData data, int width, int height, Fonts fonts, Graphics2D g) {
            this.data = data;
            this.width = width;
            this.height = height;
            this.fonts = fonts;
            this.g = g;
            this.scale = data.percent() ? 100 : 1;
            this.today = display(data.today());
            this.yesterday = display(data.yesterday());
            this.lastWeek = display(data.lastWeek());
            this.minutes = data.minutes();
            for (Instant minute : minutes) {
                if (data.highlighted().contains(minute)) {
                    highlighted.add(minute);
                }
            }
            placePlot();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] series : List.of(today, yesterday, lastWeek)) {
                for (double v : series) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            int ticks = (int) Math.max(2, Math.min(8, (bottom - top) / 40));
            this.y = AxisScale.covering(min, max, ticks, data.percent());
            if (fonts != null) {
                left = PAD + widestYLabel() + 8;
            }
        }

        private double[] display(double[] values) {
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.isFinite(values[i]) ? values[i] * scale : Double.NaN;
            }
            return values;
        }

        /** The plot area: what is left after the title above, the y labels beside and the x labels and legend below. */
        private void placePlot() {
            left = PAD;
            right = width - PAD;
            top = 12;
            bottom = height - 12;
            if (fonts == null) {
                return;
            }
            FontMetrics label = g.getFontMetrics(fonts.label());
            double header = 10;
            if (!data.title().isEmpty()) {
                header += g.getFontMetrics(fonts.title()).getHeight();
            }
            if (!data.subtitle().isEmpty()) {
                header += g.getFontMetrics(fonts.subtitle()).getHeight() + 2;
            }
            top = header + 10 + label.getAscent() / 2.0;
            bottom = height - 10 - label.getHeight() - 10 - label.getHeight() - 4;
        }

        private int widestYLabel() {
            FontMetrics metrics = g.getFontMetrics(fonts.label());
            int widest = 0;
            for (double tick : y.ticks()) {
                widest = Math.max(widest, metrics.stringWidth(y.label(tick)));
            }
            return widest;
        }

        void paint() {
            paintHighlightBands();
            paintGridAndYAxis();
            paintXAxis();
            paintSeries(lastWeek, LAST_WEEK, LAST_WEEK_STROKE);
            paintSeries(yesterday, YESTERDAY, YESTERDAY_STROKE);
            paintSeries(today, TODAY, TODAY_STROKE);
            paintAnomalyDots();
            if (fonts != null) {
                paintHeader();
                paintLegend();
                if (!hasData(today) && !hasData(yesterday) && !hasData(lastWeek)) {
                    paintCentred("No data");
                }
            }
        }

        private double xOf(Instant minute) {
            if (minutes.size() < 2) {
                return (left + right) / 2;
            }
            double first = minutes.get(0).getEpochSecond();
            double span = minutes.get(minutes.size() - 1).getEpochSecond() - first;
            return left + (minute.getEpochSecond() - first) / span * (right - left);
        }

        private double yOf(double value) {
            return bottom - y.fraction(value) * (bottom - top);
        }

        /** How wide one minute is on the x axis. */
        private double minuteWidth() {
            if (minutes.size() < 2) {
                return right - left;
            }
            double spanMinutes = (minutes.get(minutes.size() - 1).getEpochSecond()
                            - minutes.get(0).getEpochSecond())
                    / 60.0;
            return (right - left) / Math.max(1, spanMinutes);
        }

        private void paintHighlightBands() {
            double bandWidth = Math.max(6, minuteWidth());
            g.setColor(HIGHLIGHT);
            for (Instant minute : highlighted) {
                double x = xOf(minute);
                double from = Math.max(left, x - bandWidth / 2);
                double to = Math.min(right, x + bandWidth / 2);
                g.fill(new Rectangle2D.Double(from, top, to - from, bottom - top));
            }
        }

        private void paintGridAndYAxis() {
            g.setStroke(HAIRLINE);
            FontMetrics metrics = fonts == null ? null : g.getFontMetrics(fonts.label());
            for (double tick : y.ticks()) {
                double at = crisp(yOf(tick));
                g.setColor(tick == y.low() ? AXIS : GRID);
                g.draw(new Line2D.Double(left, at, right, at));
                if (metrics != null) {
                    String label = y.label(tick);
                    g.setFont(fonts.label());
                    g.setColor(MUTED);
                    g.drawString(label, (float) (left - 8 - metrics.stringWidth(label)), (float)
                            (at + metrics.getAscent() / 2.0 - 1));
                }
            }
        }

        private void paintXAxis() {
            if (minutes.isEmpty()) {
                return;
            }
            FontMetrics metrics = fonts == null ? null : g.getFontMetrics(fonts.label());
            double labelWidth = metrics == null ? 36 : metrics.stringWidth("00:00");
            long first = Math.floorDiv(minutes.get(0).getEpochSecond() + 59, 60);
            long last = Math.floorDiv(minutes.get(minutes.size() - 1).getEpochSecond(), 60);
            long maxLabels = Math.max(1, (long) ((right - left) / (labelWidth + 24)));
            long step = LABEL_STEPS_MINUTES[LABEL_STEPS_MINUTES.length - 1];
            for (long candidate : LABEL_STEPS_MINUTES) {
                if ((last - first) / candidate + 1 <= maxLabels) {
                    step = candidate;
                    break;
                }
            }
            g.setStroke(HAIRLINE);
            for (long minute = Math.floorDiv(first + step - 1, step) * step; minute <= last; minute += step) {
                Instant at = Instant.ofEpochSecond(minute * 60);
                double x = crisp(xOf(at));
                g.setColor(AXIS);
                g.draw(new Line2D.Double(x, crisp(bottom), x, crisp(bottom) + 4));
                if (metrics != null) {
                    String label = HH_MM.format(at);
                    double textX = x - metrics.stringWidth(label) / 2.0;
                    textX = Math.max(0, Math.min(width - metrics.stringWidth(label), textX));
                    g.setFont(fonts.label());
                    g.setColor(MUTED);
                    g.drawString(label, (float) textX, (float) (bottom + 6 + metrics.getAscent()));
                }
            }
        }

        /** A line through the values, broken where there is no data; a lone value between gaps is a dot. */
        private void paintSeries(double[] values, Color colour, Stroke stroke) {
            Path2D.Double line = new Path2D.Double();
            List<double[]> dots = new ArrayList<>();
            int run = 0;
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    run = 0;
                    continue;
                }
                double x = xOf(minutes.get(i));
                double v = yOf(values[i]);
                if (run == 0) {
                    line.moveTo(x, v);
                } else {
                    line.lineTo(x, v);
                }
                run++;
                boolean endsHere = i + 1 == values.length || Double.isNaN(values[i + 1]);
                if (run == 1 && endsHere) {
                    dots.add(new double[] {x, v});
                }
            }
            g.setColor(colour);
            g.setStroke(stroke);
            g.draw(line);
            double r = ((BasicStroke) stroke).getLineWidth() * 1.2;
            for (double[] dot : dots) {
                g.fill(new Ellipse2D.Double(dot[0] - r, dot[1] - r, 2 * r, 2 * r));
            }
        }

        private void paintAnomalyDots() {
            for (Instant minute : highlighted) {
                double value = today[minutes.indexOf(minute)];
                if (Double.isNaN(value)) {
                    continue;
                }
                double x = xOf(minute);
                double v = yOf(value);
                g.setColor(BACKGROUND);
                g.fill(new Ellipse2D.Double(x - 6, v - 6, 12, 12));
                g.setColor(ANOMALY);
                g.fill(new Ellipse2D.Double(x - 4.5, v - 4.5, 9, 9));
            }
        }

        private void paintHeader() {
            double baseline = 10;
            if (!data.title().isEmpty()) {
                FontMetrics metrics = g.getFontMetrics(fonts.title());
                baseline += metrics.getAscent();
                g.setFont(fonts.title());
                g.setColor(INK);
                g.drawString(fit(data.title(), metrics, width - 2 * PAD), PAD, (float) baseline);
                baseline += metrics.getDescent() + metrics.getLeading();
            }
            if (!data.subtitle().isEmpty()) {
                FontMetrics metrics = g.getFontMetrics(fonts.subtitle());
                baseline += metrics.getAscent() + 2;
                g.setFont(fonts.subtitle());
                g.setColor(MUTED);
                g.drawString(fit(data.subtitle(), metrics, width - 2 * PAD), PAD, (float) baseline);
            }
        }

        /** One item of the legend; an item without a stroke is the anomaly marker. */
        private record LegendEntry(String name, String note, Color colour, Stroke stroke) {
            String label(boolean withNote) {
                return withNote && note != null ? name + " " + note : name;
            }
        }

        /**
         * The legend below the x axis. On a narrow chart it gives up, in this order: the long form of "UTC", the "(no
         * data)" notes, then the entries that no longer fit.
         */
        private void paintLegend() {
            FontMetrics metrics = g.getFontMetrics(fonts.label());
            List<LegendEntry> entries = new ArrayList<>();
            entries.add(legendEntry("Today", today, TODAY, TODAY_STROKE));
            entries.add(legendEntry("Yesterday", yesterday, YESTERDAY, YESTERDAY_STROKE));
            entries.add(legendEntry("Last week", lastWeek, LAST_WEEK, LAST_WEEK_STROKE));
            if (!highlighted.isEmpty()) {
                entries.add(new LegendEntry("Anomaly", null, ANOMALY, null));
            }
            String zone = "Times in UTC";
            boolean notes = true;
            if (legendWidth(entries, true, metrics) + 24 + metrics.stringWidth(zone) > right - left) {
                zone = "UTC";
            }
            if (legendWidth(entries, true, metrics) + 24 + metrics.stringWidth(zone) > right - left) {
                notes = false;
            }
            float baseline = height - 10 - metrics.getDescent();
            double middle = baseline - metrics.getAscent() / 2.0 + 1;
            double end = right - metrics.stringWidth(zone) - 24;
            double x = left;
            g.setFont(fonts.label());
            for (LegendEntry entry : entries) {
                String label = entry.label(notes);
                if (x + 26 + metrics.stringWidth(label) > end) {
                    break;
                }
                if (entry.stroke() == null) {
                    g.setColor(HIGHLIGHT);
                    g.fill(new Rectangle2D.Double(x + 3, middle - 7, 14, 14));
                    g.setColor(ANOMALY);
                    g.fill(new Ellipse2D.Double(x + 6, middle - 4, 8, 8));
                } else {
                    g.setColor(entry.colour());
                    g.setStroke(entry.stroke());
                    g.draw(new Line2D.Double(x, middle, x + 20, middle));
                }
                g.setColor(INK);
                g.drawString(label, (float) (x + 26), baseline);
                x += 26 + metrics.stringWidth(label) + 18;
            }
            g.setColor(MUTED);
            g.drawString(zone, (float) (right - metrics.stringWidth(zone)), baseline);
        }

        private static LegendEntry legendEntry(String name, double[] values, Color colour, Stroke stroke) {
            return new LegendEntry(name, hasData(values) ? null : "(no data)", colour, stroke);
        }

        private static double legendWidth(List<LegendEntry> entries, boolean notes, FontMetrics metrics) {
            double width = 0;
            for (LegendEntry entry : entries) {
                width += 26 + metrics.stringWidth(entry.label(notes)) + 18;
            }
            return width - 18;
        }

        private void paintCentred(String text) {
            FontMetrics metrics = g.getFontMetrics(fonts.subtitle());
            g.setFont(fonts.subtitle());
            g.setColor(MUTED);
            g.drawString(text, (float) ((left + right - metrics.stringWidth(text)) / 2), (float)
                    ((top + bottom + metrics.getAscent()) / 2));
        }

        private static boolean hasData(double[] values) {
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    return true;
                }
            }
            return false;
        }

        /** The text, cut with an ellipsis when it is wider than {@code max} pixels. */
        private static String fit(String text, FontMetrics metrics, int max) {
            if (metrics.stringWidth(text) <= max) {
                return text;
            }
            int end = text.length();
            while (end > 0 && metrics.stringWidth(text.substring(0, end) + "…") > max) {
                end--;
            }
            return text.substring(0, end).stripTrailing() + "…";
        }

        /** The centre of a pixel row or column, so that a one-pixel line is sharp rather than smeared over two. */
        private static double crisp(double coordinate) {
            return Math.floor(coordinate) + 0.5;
        }
    }
}
