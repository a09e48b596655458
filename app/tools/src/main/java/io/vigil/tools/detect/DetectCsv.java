package io.vigil.tools.detect;

import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.MinuteDetector;
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
import java.util.List;
import java.util.Locale;

/**
 * {@code ./vigil detect}: runs a {@link MinuteDetector} over a per-minute series in a CSV file and writes each row back
 * with the detector's verdict. It lets people try a sensitivity or a volume guard on last month's export before a
 * monitor pages anyone with it, and replay an incident (or a false alarm) to see why it did or did not fire.
 *
 * <p>Each row is compared with the rows one minute, one day and seven days before it, found by timestamp, exactly as a
 * live monitor compares a closing minute with the rollups. Input and output are described in {@link MinuteCsv} and in
 * docs/monitoring.md. Exit status: 0 when the series was evaluated (even if some lines were skipped), 1 when the input
 * cannot be read or has no valid row, 2 for a usage error.
 */
public final class DetectCsv {

    static final String USAGE = """
            usage: ./vigil detect [options] FILE    (FILE '-' reads standard input)
              FILE has the header timestamp,value (a count) or timestamp,successes,attempts (a rate),
              one row per minute with an ISO-8601 instant; minutes may be missing.
            options:
              --sensitivity low|medium|high   how readily to flag (default medium)
              --direction drop|spike|both     which changes to flag (default both)
              --min-volume N                  least attempts a reference minute needs (default 30 for a count,
                                              50 for a rate)
              --out FILE                      write the result there instead of standard output
            """;

    private static final long MINUTES_PER_DAY = 24 * 60;

    /** What one run found. */
    record Summary(int rows, int anomalies, int badLines) {}

    private DetectCsv() {}

    public static void main(String[] args) {
        int status = run(List.of(args), System.in, System.out, System.err);
        System.out.flush();
        System.err.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The whole command, with its streams passed in so that tests need no process; returns the exit status. */
    static int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            stderr.println("detect: " + e.getMessage());
            stderr.print(USAGE);
            return 2;
        }
        if (options.help()) {
            stdout.print(USAGE);
            return 0;
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
        MinuteDetector detector = options.detectorFor(series.kind());
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
        return 0;
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
    static Summary detect(MinuteCsv series, MinuteDetector detector, Writer out) throws IOException {
        if (series.rows().isEmpty()) {
            return new Summary(0, 0, series.problems().size());
        }
        out.write(String.join(",", series.header()) + ",expected,reference,p_value,score,anomalous\n");
        int anomalies = 0;
        StringBuilder line = new StringBuilder(128);
        for (MinuteCsv.Row row : series.rows()) {
            long minute = row.epochMinute();
            Verdict verdict = detector.evaluate(
                    row.sample(),
                    series.at(minute - 1),
                    series.at(minute - MINUTES_PER_DAY),
                    series.at(minute - 7 * MINUTES_PER_DAY));
            if (verdict.anomalous()) {
                anomalies++;
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
        return new Summary(series.rows().size(), anomalies, series.problems().size());
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

    /** The command line, read. {@code minVolume} is null for the kind's default. */
    record Options(
            String input, String out, Sensitivity sensitivity, Direction direction, Long minVolume, boolean help) {

        static Options parse(List<String> args) {
            String input = null;
            String out = null;
            Sensitivity sensitivity = Sensitivity.MEDIUM;
            Direction direction = Direction.BOTH;
            Long minVolume = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--help") || arg.equals("-h")) {
                    return new Options(null, null, sensitivity, direction, null, true);
                }
                if (!arg.startsWith("--")) {
                    if (input != null) {
                        throw new IllegalArgumentException("one input file only, got " + input + " and " + arg);
                    }
                    input = arg;
                    continue;
                }
                String name = arg;
                String value;
                int equals = arg.indexOf('=');
                if (equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                switch (name) {
                    case "--sensitivity" -> sensitivity = Sensitivity.fromWire(value);
                    case "--direction" -> direction = Direction.fromWire(value);
                    case "--min-volume" -> minVolume = parseMinVolume(value);
                    case "--out" -> out = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (input == null) {
                throw new IllegalArgumentException("no input file given");
            }
            return new Options(input, out, sensitivity, direction, minVolume, false);
        }

        private static long parseMinVolume(String value) {
            try {
                long minVolume = Long.parseLong(value.strip());
                if (minVolume >= 1) {
                    return minVolume;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--min-volume must be a whole number >= 1, got '" + value + "'");
        }

        MinuteDetector detectorFor(SampleKind kind) {
            return MinuteDetector.of(kind, direction, sensitivity, minVolume);
        }
    }
}
