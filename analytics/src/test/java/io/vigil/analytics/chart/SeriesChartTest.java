package io.vigil.analytics.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SeriesChartTest {

    private static final Instant START = Instant.parse("2025-03-04T12:00:00Z");
    private static final int MINUTES = 180;
    private static final int ANOMALY_INDEX = 150;

    private final SeriesChart chart = new SeriesChart();

    @Test
    void drawsInAHeadlessJvm() {
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();

        BufferedImage image = decode(chart.png(successRate(Set.of(minute(ANOMALY_INDEX)))));

        assertThat(count(image, SeriesChart.TODAY)).isPositive();
    }

    @Test
    void isAPngOfTheDefaultSizeThatImageIoReads() {
        byte[] png = chart.png(successRate(Set.of()));

        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(SeriesChart.DEFAULT_WIDTH).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(SeriesChart.DEFAULT_HEIGHT).isEqualTo(320);
    }

    @Test
    void isAsLargeAsAsked() {
        BufferedImage image = decode(chart.png(successRate(Set.of()), 640, 240));

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(240);
    }

    @Test
    void drawsTodayInStrongBlueAndShadesTheAnomalousMinuteWhereItIs() {
        BufferedImage image = decode(chart.png(successRate(Set.of(minute(ANOMALY_INDEX)))));

        assertThat(count(image, SeriesChart.TODAY)).isGreaterThan(300);
        assertThat(count(image, SeriesChart.ANOMALY)).isPositive();
        // The band sits at minute 150 of 0..179, in the right part of the plot, not in the legend at the left.
        List<Integer> bandColumns = columns(image, SeriesChart.HIGHLIGHT, 0, image.getHeight() - 40);
        assertThat(bandColumns).isNotEmpty();
        double middle =
                bandColumns.stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(middle / image.getWidth()).isBetween(0.75, 0.90);
    }

    @Test
    void drawsYesterdayGreyAndLastWeekLightGrey() {
        BufferedImage image = decode(fontless().png(successRate(Set.of())));

        assertThat(count(image, SeriesChart.YESTERDAY)).isPositive();
        assertThat(count(image, SeriesChart.LAST_WEEK)).isPositive();
    }

    @Test
    void marksNothingWhenNoMinuteIsAnomalous() {
        BufferedImage image = decode(chart.png(successRate(Set.of())));

        assertThat(count(image, SeriesChart.HIGHLIGHT)).isZero();
        assertThat(count(image, SeriesChart.ANOMALY)).isZero();
    }

    @Test
    void ignoresHighlightedMinutesOutsideTheWindow() {
        BufferedImage image = decode(chart.png(successRate(Set.of(START.minusSeconds(3600)))));

        assertThat(count(image, SeriesChart.HIGHLIGHT)).isZero();
    }

    @Test
    void drawsTodayAloneWhenYesterdayAndLastWeekHaveNoData() {
        double[] none = new double[MINUTES];
        Arrays.fill(none, Double.NaN);
        ChartData noHistory = new ChartData(
                "Authorization success rate",
                "merchant=m-42, country=SE",
                minutes(),
                today(),
                none,
                none,
                true,
                Set.of(minute(ANOMALY_INDEX)));

        BufferedImage image = decode(fontless().png(noHistory));

        assertThat(count(image, SeriesChart.TODAY)).isGreaterThan(300);
        assertThat(count(image, SeriesChart.HIGHLIGHT)).isPositive();
        assertThat(count(image, SeriesChart.YESTERDAY)).isZero();
        assertThat(count(image, SeriesChart.LAST_WEEK)).isZero();
        assertThat(decode(chart.png(noHistory)).getWidth()).isEqualTo(800);
    }

    @Test
    void acceptsMissingHistoryAsNull() {
        ChartData noHistory = new ChartData("Rate", "", minutes(), today(), null, null, true, null);

        assertThat(count(decode(chart.png(noHistory)), SeriesChart.TODAY)).isGreaterThan(300);
    }

    @Test
    void drawsAnEmptyChartWhenThereIsNoDataAtAll() {
        double[] none = new double[MINUTES];
        Arrays.fill(none, Double.NaN);

        BufferedImage image = decode(chart.png(new ChartData("Rate", "", minutes(), none, none, none, true, Set.of())));

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(count(image, SeriesChart.TODAY)).as("only the legend swatch").isLessThan(100);
    }

    @Test
    void drawsASingleMinuteAndEvenNoMinutes() {
        ChartData one = new ChartData("Rate", "", List.of(START), new double[] {0.97}, null, null, true, Set.of(START));
        ChartData none = new ChartData("Rate", "", List.of(), new double[0], null, null, true, Set.of());

        assertThat(count(decode(fontless().png(one)), SeriesChart.ANOMALY)).isPositive();
        assertThat(decode(chart.png(none)).getHeight()).isEqualTo(320);
    }

    @Test
    void drawsALoneValueBetweenGapsAsADot() {
        double[] sparse = new double[MINUTES];
        Arrays.fill(sparse, Double.NaN);
        sparse[90] = 120;
        sparse[10] = 100;
        sparse[170] = 110;

        BufferedImage image =
                decode(fontless().png(new ChartData("Count", "", minutes(), sparse, null, null, false, Set.of())));

        assertThat(count(image, SeriesChart.TODAY)).isPositive();
    }

    @Test
    void writesTheTitleAboveThePlot() {
        ChartData data = successRate(Set.of());

        assertThat(inkInRows(decode(chart.png(data)), 0, 30)).isPositive();
        assertThat(inkInRows(decode(fontless().png(data)), 0, 8)).isZero();
    }

    @Test
    void stillDrawsTheChartWithoutTextWhenTheJdkCannotRenderFonts() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<Font> broken = () -> {
            asked.incrementAndGet();
            throw new Error("Probable fatal error: No physical fonts found.");
        };
        SeriesChart withoutFonts = new SeriesChart(broken);

        BufferedImage first = decode(withoutFonts.png(successRate(Set.of(minute(ANOMALY_INDEX)))));
        BufferedImage second = decode(withoutFonts.png(successRate(Set.of(minute(ANOMALY_INDEX)))));

        for (BufferedImage image : List.of(first, second)) {
            assertThat(count(image, SeriesChart.TODAY)).isGreaterThan(300);
            assertThat(count(image, SeriesChart.HIGHLIGHT)).isPositive();
        }
        assertThat(asked).as("fonts are tried once, not on every chart").hasValue(1);
    }

    @Test
    void doesNotMistakeRunningOutOfMemoryForMissingFonts() {
        SeriesChart starving = new SeriesChart(() -> {
            throw new OutOfMemoryError("test");
        });

        assertThatThrownBy(() -> starving.png(successRate(Set.of()))).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void refusesSizesTooSmallToReadOrLargeEnoughToExhaustMemory() {
        ChartData data = successRate(Set.of());

        assertThatThrownBy(() -> chart.png(data, 100, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chart.png(data, 800, 100_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drawsThreeHoursOfMinutesWellWithinTheTimeAnAlertCanWait() {
        ChartData data = successRate(Set.of(minute(ANOMALY_INDEX)));
        for (int i = 0; i < 5; i++) {
            chart.png(data); // fonts, ImageIO and the JIT warm up once per JVM
        }
        long[] millis = new long[11];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            chart.png(data);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);

        // About 25 ms on a laptop core; the bound leaves room for a busy build machine.
        assertThat(millis[millis.length / 2]).isLessThan(250);
    }

    static ChartData successRate(Set<Instant> highlighted) {
        double[] today = today();
        double[] yesterday = new double[MINUTES];
        double[] lastWeek = new double[MINUTES];
        for (int i = 0; i < MINUTES; i++) {
            yesterday[i] = 0.975 + 0.008 * Math.sin(i / 30.0) + 0.002 * Math.cos(i);
            lastWeek[i] = 0.972 + 0.008 * Math.sin(i / 30.0) + 0.002 * Math.sin(i * 1.7);
        }
        yesterday[60] = Double.NaN;
        return new ChartData(
                "Authorization success rate — merchant=m-42, country=SE",
                "Monitor: card authorizations · 1-minute buckets",
                minutes(),
                today,
                yesterday,
                lastWeek,
                true,
                highlighted);
    }

    private static double[] today() {
        double[] today = new double[MINUTES];
        for (int i = 0; i < MINUTES; i++) {
            today[i] = 0.975 + 0.008 * Math.sin(i / 30.0) + 0.002 * Math.sin(i * 0.9);
        }
        for (int i = ANOMALY_INDEX; i < ANOMALY_INDEX + 4; i++) {
            today[i] -= 0.06;
        }
        today[40] = Double.NaN;
        return today;
    }

    private static List<Instant> minutes() {
        List<Instant> minutes = new ArrayList<>();
        for (int i = 0; i < MINUTES; i++) {
            minutes.add(minute(i));
        }
        return minutes;
    }

    private static Instant minute(int index) {
        return START.plusSeconds(60L * index);
    }

    /** A chart drawn as on a JDK without fonts: only lines, bands and dots, so colours are not blended with text. */
    private static SeriesChart fontless() {
        return new SeriesChart(() -> {
            throw new InternalError("no fonts in this test");
        });
    }

    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("ImageIO reads the PNG").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<Integer> columns(BufferedImage image, Color colour, int fromRow, int toRow) {
        List<Integer> columns = new ArrayList<>();
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    columns.add(x);
                }
            }
        }
        return columns;
    }

    private static int inkInRows(BufferedImage image, int fromRow, int toRow) {
        int ink = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink;
    }
}
