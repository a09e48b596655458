package io.vigil.tools.detect;

import io.vigil.analytics.api.BaselineDetector;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.Grain;
import io.vigil.analytics.api.IncidentTracker;
import io.vigil.analytics.api.MinuteDetector;
import io.vigil.analytics.api.Sample;
import io.vigil.analytics.api.SampleKind;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.api.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./vigil detect}: runs a {@link MinuteDetector} over a per-minute series in a CSV file and writes each row back
 * with the detector's verdict. It lets people try a sensitivity or a volume guard on last month's export before a
 * monitor pages anyone with it, and replay an incident (or a false alarm) to see why it did or did not fire.
 *
 * <p>Each row is judged by the monitors' seasonal detector ({@link BaselineDetector}) against the rows its plan names
 * (the same minutes on earlier days and weeks, found by timestamp), exactly as a live monitor judges a closing minute
 * from the rollups; {@code --detector legacy} uses the previous single-reference detector instead (the rows one
 * minute, one day and seven days before), for comparison. Input and output are described in {@link MinuteCsv} and in
 * docs/monitoring.md. Its command line is {@link DetectCommand}.
 */
final class DetectCsv {

    private static final long MINUTES_PER_DAY = 24 * 60;

    /** Minutes without an anomalous verdict, at any grain, after which an incident closes. */
    static final int QUIET_MINUTES = 30;

    /** What one run found. */
    record Summary(int rows, int anomalies, int badLines, List<Long> anomalousMinutes) {}

    private DetectCsv() {}

    /** Runs the detector as the options say, with its streams passed in; returns the exit status. */
    static int run(Options options, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        List<LabelScore.Window> windows = null;
        if (options.labels() != null) {
            try (Reader in = Files.newBufferedReader(Path.of(options.labels()), StandardCharsets.UTF_8)) {
                windows = LabelScore.read(
                        in, Path.of(options.input()).getFileName().toString());
            } catch (IOException | InvalidPathException e) {
                stderr.println("detect: cannot read the labels " + options.labels() + ": " + describe(e));
                return 1;
            } catch (IllegalArgumentException e) {
                stderr.println("detect: " + options.labels() + ": " + e.getMessage());
                return 1;
            }
        }
        MinuteCsv series;
        try (Reader in = options.input().equals("-")
                ? new InputStreamReader(stdin, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(options.input()), StandardCharsets.UTF_8)) {
            series = MinuteCsv.read(in);
        } catch (IOException e) {
            stderr.println("detect: cannot read " + options.input() + ": " + describe(e));
            return 1;
        } catch (IllegalArgumentException e) {
            stderr.println("detect: " + options.input() + ": " + e.getMessage());
            return 1;
        }
        series.problems().forEach(problem -> stderr.println("detect: " + problem + " (skipped)"));
        Judge detector = options.detectorFor(series.kind());
        Summary summary;
        try {
            if (options.out() == null) {
                Writer out = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
                summary = detect(series, detector, out);
                out.flush();
            } else {
                try (Writer out = Files.newBufferedWriter(Path.of(options.out()), StandardCharsets.UTF_8)) {
                    summary = detect(series, detector, out);
                }
            }
        } catch (IOException | InvalidPathException e) {
            stderr.println("detect: cannot write " + (options.out() == null ? "the result" : options.out()) + ": "
                    + describe(e));
            return 1;
        }
        stderr.println("detect: summary: rows=" + summary.rows() + " anomalies=" + summary.anomalies() + " bad_lines="
                + summary.badLines() + " (" + detector + ")");
        if (summary.rows() == 0) {
            stderr.println("detect: " + options.input() + " has no valid row");
            return 1;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (MinuteCsv.Row row : series.rows()) {
            first = Math.min(first, row.epochMinute());
            last = Math.max(last, row.epochMinute());
        }
        List<IncidentTracker.Incident<String>> incidents = null;
        if (!options.grains().equals(List.of(Grain.MINUTE))) {
            incidents = incidents(series, options.seasonal(series.kind()), options.grains(), first, last);
            for (IncidentTracker.Incident<String> incident : incidents) {
                stderr.println("detect: incident: " + describe(incident));
            }
        }
        if (windows != null) {
            LabelScore.Result result = incidents == null
                    ? LabelScore.score(summary.anomalousMinutes(), windows, first, last)
                    : LabelScore.scoreIncidents(incidents, windows, first, last);
            stderr.println("detect: labels: " + result.line());
        }
        return 0;
    }

    /**
     * The incidents of the series at the grains asked for: each grain judged as it closes, from the first row's minute
     * to the last, the anomalous verdicts made incidents by an {@link IncidentTracker} (closed after
     * {@value #QUIET_MINUTES} quiet minutes, as in {@code ./vigil bench detection}).
     */
    static List<IncidentTracker.Incident<String>> incidents(
            MinuteCsv series, BaselineDetector detector, List<Grain> grains, long first, long last) {
        IncidentTracker<String> tracker = new IncidentTracker<>(QUIET_MINUTES);
        java.util.Map<Long, IncidentTracker.Incident<String>> incidents = new java.util.LinkedHashMap<>();
        java.util.Map<Long, Sample> minutes = new java.util.HashMap<>();
        java.util.function.LongFunction<Sample> at = m -> minutes.computeIfAbsent(m, series::at);
        for (long m = first; m <= last; m++) {
            for (Verdict verdict : detector.evaluateClosing(grains, at, m)) {
                tracker.record("series", verdict, m);
            }
            tracker.closeQuiet(m).forEach(u -> incidents.put(u.incident().detectedAt(), u.incident()));
        }
        tracker.openIncidents().forEach(i -> incidents.put(i.detectedAt(), i));
        return List.copyOf(incidents.values());
    }

    private static String describe(IncidentTracker.Incident<String> incident) {
        Verdict strongest = incident.strongest();
        return "from=" + Instant.ofEpochSecond(60 * incident.firstMinute()) + " detected="
                + Instant.ofEpochSecond(60 * incident.detectedAt()) + " last="
                + Instant.ofEpochSecond(60 * incident.lastAnomalousMinute()) + " first_grain="
                + incident.firstGrain().wireName() + " grains="
                + String.join(
                        "+", incident.grains().stream().map(Grain::wireName).toList())
                + " observed="
                + (strongest.observed() == null ? "" : strongest.observed().wireName())
                + String.format(Locale.ROOT, " score=%.1f", strongest.score());
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    /**
     * Evaluates every row of the series against the rows a minute, a day and a week before it and writes the input
     * columns followed by {@code expected,reference,p_value,score,anomalous}; nothing is written for a series without
     * rows.
     */
    static Summary detect(MinuteCsv series, Judge detector, Writer out) throws IOException {
        if (series.rows().isEmpty()) {
            return new Summary(0, 0, series.problems().size(), List.of());
        }
        out.write(String.join(",", series.header()) + ",expected,reference,p_value,score,anomalous\n");
        int anomalies = 0;
        List<Long> anomalous = new ArrayList<>();
        StringBuilder line = new StringBuilder(128);
        for (MinuteCsv.Row row : series.rows()) {
            long minute = row.epochMinute();
            Verdict verdict = detector.judge(series, minute);
            if (verdict.anomalous()) {
                anomalies++;
                anomalous.add(minute);
            }
            line.setLength(0);
            line.append(String.join(",", row.columns())).append(',');
            if (verdict.reference() != null) {
                line.append(formatValue(series.kind(), verdict.expected()));
            }
            line.append(',');
            if (verdict.reference() != null) {
                line.append(verdict.reference().wireName());
            }
            line.append(',')
                    .append(String.format(Locale.ROOT, "%.3g", verdict.pValue()))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.1f", verdict.score()))
                    .append(',')
                    .append(verdict.anomalous())
                    .append('\n');
            out.write(line.toString());
        }
        Collections.sort(anomalous);
        return new Summary(series.rows().size(), anomalies, series.problems().size(), anomalous);
    }

    /** A count as the whole number it is; a rate to six decimals without trailing zeros. */
    private static String formatValue(SampleKind kind, double value) {
        if (kind == SampleKind.COUNT) {
            return Long.toString(Math.round(value));
        }
        return new BigDecimal(value)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A detector as this tool runs it: one minute of a series, read from the series by timestamp. */
    interface Judge {
        Verdict judge(MinuteCsv series, long epochMinute);
    }

    /**
     * The command line, read. {@code minVolume} is null for the kind's default; {@code out} null for stdout;
     * {@code legacy} for the previous single-reference detector.
     */
    record Options(
            String input,
            String out,
            Sensitivity sensitivity,
            Direction direction,
            Long minVolume,
            boolean legacy,
            String labels,
            List<Grain> grains) {

        Options {
            grains = List.copyOf(grains);
        }

        BaselineDetector seasonal(SampleKind kind) {
            return BaselineDetector.of(kind, direction, sensitivity, minVolume);
        }

        Judge detectorFor(SampleKind kind) {
            if (legacy) {
                MinuteDetector detector = MinuteDetector.of(kind, direction, sensitivity, minVolume);
                return new Judge() {
                    @Override
                    public Verdict judge(MinuteCsv series, long minute) {
                        return detector.evaluate(
                                series.at(minute),
                                series.at(minute - 1),
                                series.at(minute - MINUTES_PER_DAY),
                                series.at(minute - 7 * MINUTES_PER_DAY));
                    }

                    @Override
                    public String toString() {
                        return detector.toString();
                    }
                };
            }
            BaselineDetector detector = seasonal(kind);
            return new Judge() {
                @Override
                public Verdict judge(MinuteCsv series, long minute) {
                    return detector.evaluateAt(series::at, minute);
                }

                @Override
                public String toString() {
                    return detector.toString();
                }
            };
        }
    }
}
