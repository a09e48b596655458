package io.vigil.tools.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.analytics.api.Sample;
import io.vigil.analytics.api.SampleKind;
import io.vigil.tools.ToolRun;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCsvTest {

    /**
     * Nine minutes on two days, about 200 events a minute, with a drop injected at 10:02 and a spike at 10:07 on the
     * second day, and a malformed line (line 15) in between.
     */
    private static final String COUNTS = """
            timestamp,value
            2024-03-04T10:00:00Z,200
            2024-03-04T10:01:00Z,205
            2024-03-04T10:02:00Z,198
            2024-03-04T10:03:00Z,202
            2024-03-04T10:04:00Z,199
            2024-03-04T10:05:00Z,203
            2024-03-04T10:06:00Z,196
            2024-03-04T10:07:00Z,198
            2024-03-04T10:08:00Z,201
            2024-03-05T10:00:00Z,203
            2024-03-05T10:01:00Z,197
            2024-03-05T10:02:00Z,60
            2024-03-05T10:03:00Z,204
            2024-03-05T10:04:00Z,twelve
            2024-03-05T10:05:00Z,196
            2024-03-05T10:06:00Z,201
            2024-03-05T10:07:00Z,600
            2024-03-05T10:08:00Z,200
            """;

    @TempDir
    Path folder;

    @Test
    void theSeasonalDetectorFlagsTheDropAgainstItsBaselineAndNotTheWobble() throws IOException {
        Result result = run(threeDays());

        assertThat(result.status()).isZero();
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("timestamp,value,expected,reference,p_value,score,anomalous");
        assertThat(lines.stream().filter(line -> line.endsWith(",true")))
                .extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("2024-03-06T10:20:00Z", "2024-03-06T10:21:00Z", "2024-03-06T10:22:00Z");
        assertThat(lines)
                .anySatisfy(line ->
                        assertThat(line).startsWith("2024-03-06T10:20:00Z,60,").contains(",baseline,"));
        // the first rows have no history: no previous minute alone decides
        assertThat(lines).contains("2024-03-04T10:01:00Z,195,,,1.00,0.0,false");
        assertThat(result.stderr()).contains("summary: rows=90 anomalies=3 bad_lines=0 (SeasonalDetector[");
    }

    @Test
    void flagsExactlyTheInjectedMinutesAndReportsTheMalformedLine() throws IOException {
        Result result = run(COUNTS, "--detector", "legacy");

        assertThat(result.status()).isZero();
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("timestamp,value,expected,reference,p_value,score,anomalous");
        assertThat(lines).hasSize(1 + 17);
        assertThat(lines.stream().filter(line -> line.endsWith(",true")))
                .extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("2024-03-05T10:02:00Z", "2024-03-05T10:07:00Z");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("2024-03-05T10:02:00Z,60,197,previous_minute,"));
        assertThat(result.stderr()).contains("line 15: value 'twelve' is not a whole number >= 0");
        assertThat(result.stderr()).contains("summary: rows=17 anomalies=2 bad_lines=1");
    }

    @Test
    void aMinuteWithoutAPreviousMinuteHasNoExpectationAndIsNeverFlagged() throws IOException {
        List<String> lines = run(COUNTS, "--detector=legacy").stdout().lines().toList();

        assertThat(lines).contains("2024-03-04T10:00:00Z,200,,,1.00,0.0,false");
        // 10:04 on the second day was malformed, so 10:05 has no previous minute
        assertThat(lines).contains("2024-03-05T10:05:00Z,196,,,1.00,0.0,false");
    }

    @Test
    void readsRatesAndHonoursTheOptions() throws IOException {
        String rates = """
                timestamp,successes,attempts
                2024-03-05T10:00:00Z,900,1000
                2024-03-05T10:01:00Z,400,1000
                2024-03-05T10:02:00Z,900,1000
                """;
        Path out = folder.resolve("out.csv");

        Result drops =
                run(rates, "--detector", "legacy", "--direction", "drop", "--sensitivity=low", "--out", out.toString());
        Result spikes = run(rates, "--detector", "legacy", "--direction", "spike", "--min-volume", "100");

        assertThat(drops.status()).isZero();
        assertThat(drops.stdout()).isEmpty();
        assertThat(Files.readAllLines(out))
                .containsExactly(
                        "timestamp,successes,attempts,expected,reference,p_value,score,anomalous",
                        "2024-03-05T10:00:00Z,900,1000,,,1.00,0.0,false",
                        "2024-03-05T10:01:00Z,400,1000,0.9,previous_minute,8.29e-122,100.0,true",
                        "2024-03-05T10:02:00Z,900,1000,0.4,previous_minute,1.00,0.0,false");
        assertThat(spikes.stdout().lines().filter(line -> line.endsWith(",true")))
                .containsExactly("2024-03-05T10:02:00Z,900,1000,0.4,previous_minute,8.29e-122,100.0,true");
    }

    @Test
    void failsWhenTheInputCannotBeReadOrHasNoValidRow() throws IOException {
        Result missing = runFile(folder.resolve("missing.csv"));
        Result onlyHeader = run("timestamp,value\n");
        Result onlyBadRows = run("timestamp,value\nyesterday,12\n");
        Result wrongHeader = run("time,count\n2024-03-05T10:00:00Z,12\n");

        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.stderr()).contains("cannot read").contains("missing.csv");
        assertThat(onlyHeader.status()).isEqualTo(1);
        assertThat(onlyHeader.stderr()).contains("no valid row");
        assertThat(onlyBadRows.status()).isEqualTo(1);
        assertThat(onlyBadRows.stderr())
                .contains("line 2: timestamp 'yesterday' is not an ISO-8601 instant")
                .contains("bad_lines=1");
        assertThat(wrongHeader.status()).isEqualTo(1);
        assertThat(wrongHeader.stderr()).contains("line 1: the header must be timestamp,value");
    }

    @Test
    void rejectsUnknownOptionsAndValuesWithTheValidOnes() throws IOException {
        Result unknown = run(COUNTS, "--window", "5");
        Result badSensitivity = run(COUNTS, "--sensitivity", "extreme");
        Result badDetector = run(COUNTS, "--detector", "magic");

        assertThat(badDetector.status()).isEqualTo(2);
        assertThat(badDetector.stderr()).contains("--detector must be seasonal or legacy, got 'magic'");

        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("Unknown options: '--window'").contains("Usage: vigil detect");
        assertThat(badSensitivity.status()).isEqualTo(2);
        assertThat(badSensitivity.stderr())
                .contains("Invalid value for option '--sensitivity'")
                .contains("unknown sensitivity 'extreme'; valid values: low, medium, high");
    }

    @Test
    void theParserSkipsBadLinesButKeepsTheGoodOnes() throws IOException {
        MinuteCsv series = MinuteCsv.read(new StringReader("""
                \uFEFFTimestamp, Value

                "2024-03-05T10:00:00Z","12"
                2024-03-05T11:00:00+01:00,13
                2024-03-05T10:02:30Z,14
                2024-03-05T10:03:00Z,-1
                2024-03-05T10:04:00Z,1,2
                2024-03-05T10:05:00Z,7.5
                """));

        assertThat(series.kind()).isEqualTo(SampleKind.COUNT);
        assertThat(series.rows()).extracting(MinuteCsv.Row::line).containsExactly(3, 5);
        long minute = series.rows().get(0).epochMinute();
        assertThat(series.at(minute)).isEqualTo(Sample.count(12));
        assertThat(series.at(minute + 2)).isEqualTo(Sample.count(14));
        assertThat(series.at(minute + 1)).isEqualTo(Sample.NONE);
        assertThat(series.problems())
                .containsExactly(
                        "line 4: a second row for minute 2024-03-05T10:00:00Z (the first is on line 3)",
                        "line 6: value '-1' is not a whole number >= 0",
                        "line 7: expected 2 columns, found 3",
                        "line 8: value '7.5' is not a whole number >= 0");
        assertThatThrownBy(() -> MinuteCsv.read(new StringReader("\n\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    /**
     * 10:00 to 10:29 on three days at about 200 a minute; on the third, one minute at +30% (10:10) and a drop to 60
     * from 10:20 to 10:22.
     */
    private static String threeDays() {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int day = 4; day <= 6; day++) {
            for (int minute = 0; minute < 30; minute++) {
                long value = 200 + (minute * 7L + day) % 11 - 5;
                if (day == 6 && minute == 10) {
                    value = 260;
                }
                if (day == 6 && minute >= 20 && minute <= 22) {
                    value = 60;
                }
                csv.append("2024-03-0%dT10:%02d:00Z,%d%n".formatted(day, minute, value));
            }
        }
        return csv.toString();
    }

    @Test
    void scoresTheVerdictsAgainstLabelledWindows() throws IOException {
        Path labels = folder.resolve("labels.json");
        // the drop, labelled from 10:19; and an outage nobody saw on the second day
        Files.writeString(labels, """
                {"windows": [["2024-03-06T10:19:00Z", "2024-03-06T10:25:00Z"],
                             ["2024-03-05T10:00:00Z", "2024-03-05T10:04:00Z"]]}
                """);

        Result result = run(threeDays(), "--labels", labels.toString());

        assertThat(result.status()).isZero();
        assertThat(result.stderr())
                .contains("detect: labels: incidents=2 detected=1 missed=1 true_alerts=1 false_alerts=0")
                .contains("series_days=2.02 false_alerts_per_series_day=0.000 delay_p50_minutes=1 delay_p95_minutes=1");
    }

    /** Eight days of a quiet series (1 to 3 events a minute), then 8 a minute from 10:00 to 12:00 on the last. */
    private static String quietSurge() {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        java.time.Instant start = java.time.Instant.parse("2024-03-04T00:00:00Z");
        for (int m = 0; m < 8 * 1440; m++) {
            boolean surge = m >= 7 * 1440 + 600 && m < 7 * 1440 + 720;
            csv.append(start.plusSeconds(60L * m))
                    .append(',')
                    .append(surge ? 8 : 1 + m % 3)
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void withGrainsASurgeOnAQuietSeriesIsFoundByTheHourAsOneIncidentScoredAgainstTheLabels() throws IOException {
        Path labels = folder.resolve("surge.json");
        Files.writeString(labels, "[[\"2024-03-11T10:00:00Z\", \"2024-03-11T11:59:00Z\"]]");

        Result result = run(quietSurge(), "--grains", "minute,5m,hour,day", "--labels", labels.toString());

        assertThat(result.status()).isZero();
        assertThat(result.stdout().lines().findFirst())
                .as("the output keeps its columns")
                .hasValue("timestamp,value,expected,reference,p_value,score,anomalous");
        assertThat(result.stderr().lines().filter(line -> line.startsWith("detect: incident: ")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("from=2024-03-11T10:00:00Z detected=2024-03-11T10:59:00Z")
                        .contains("first_grain=hour grains=hour observed=spike"));
        assertThat(result.stderr())
                .contains("detect: labels: incidents=1 detected=1 missed=0 true_alerts=1 false_alerts=0")
                .contains("delay_p50_minutes=59");
        assertThat(result.stdout().lines().filter(line -> line.endsWith(",true")))
                .as("the minutes: below the volume guard, never judged")
                .isEmpty();
    }

    @Test
    void grainsNeedTheSeasonalDetector() throws IOException {
        Result result = run(quietSurge(), "--detector", "legacy", "--grains", "hour");
        Result unknown = run(quietSurge(), "--grains", "week");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.stderr()).contains("--grains needs the seasonal detector");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("unknown grain 'week'; valid values: minute, 5m, hour, day");
    }

    @Test
    void aLabelsFileThatIsNotAListOfWindowsIsRefusedWithWhatIsWrong() throws IOException {
        Path labels = folder.resolve("bad-labels.json");
        Files.writeString(labels, "[[\"2024-03-06T10:19:00Z\", \"yesterday\"]]");

        Result result = run(threeDays(), "--labels", labels.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.stderr()).contains("window 0: 'yesterday' is not an ISO-8601 instant");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aLongAnomalyIsOneAlertAndOneOutsideEveryWindowIsFalse() {
        List<LabelScore.Window> windows = List.of(new LabelScore.Window(100, 110), new LabelScore.Window(300, 310));

        LabelScore.Result result = LabelScore.score(List.of(102L, 103L, 104L, 112L, 200L), windows, 0, 1439);

        assertThat(result.trueAlerts())
                .as("102-112 is one alert, starting inside the window")
                .isEqualTo(1);
        assertThat(result.falseAlerts()).as("200 is outside every window").isEqualTo(1);
        assertThat(result.detected()).isEqualTo(1);
        assertThat(result.delays()).containsExactly(2L);
        assertThat(result.falseAlertsPerSeriesDay()).isEqualTo(1.0);
    }

    private Result run(String csv, String... options) throws IOException {
        Path input = folder.resolve("input-" + System.nanoTime() + ".csv");
        Files.writeString(input, csv);
        String[] args = Arrays.copyOf(options, options.length + 1);
        args[options.length] = input.toString();
        return invoke(args);
    }

    private Result runFile(Path input) {
        return invoke(input.toString());
    }

    private static Result invoke(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "detect";
        System.arraycopy(args, 0, line, 1, args.length);
        ToolRun run = ToolRun.of(line);
        return new Result(run.status(), run.out(), run.err());
    }

    private record Result(int status, String stdout, String stderr) {}
}
