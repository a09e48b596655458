package io.vigil.tools.detect;

import io.vigil.analytics.api.Sample;
import io.vigil.analytics.api.SampleKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A per-minute series read from CSV, for evaluating a detector offline on an export of the rollups or on a series
 * made up by hand. Kept apart from {@link DetectCsv}'s command line so that what counts as a good or a bad line can be
 * tested without a process.
 *
 * <p>The header says the kind: {@code timestamp,value} is a count, {@code timestamp,successes,attempts} a rate.
 * Timestamps are ISO-8601 instants ({@code 2024-03-05T10:15:00Z}, an offset instead of {@code Z} works too); each
 * names the minute it falls in. Rows may come in any order and minutes may be missing. A line that cannot be read is
 * skipped and recorded as a problem with its line number, so that one bad line in a long export does not lose the
 * rest; blank lines are skipped silently.
 */
public final class MinuteCsv {

    /** One good line: the minute it is about, its sample, and the input columns as written (trimmed). */
    public record Row(int line, long epochMinute, Sample sample, List<String> columns) {

        public Row {
            columns = List.copyOf(columns);
        }
    }

    private static final String COUNT_HEADER = "timestamp,value";
    private static final String RATE_HEADER = "timestamp,successes,attempts";

    private final SampleKind kind;
    private final List<String> header;
    private final List<Row> rows;
    private final List<String> problems;
    private final Map<Long, Row> byMinute;

    private MinuteCsv(SampleKind kind, List<String> header, List<Row> rows, List<String> problems) {
        this.kind = kind;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
        this.problems = List.copyOf(problems);
        this.byMinute = new HashMap<>();
        for (Row row : rows) {
            byMinute.put(row.epochMinute(), row);
        }
    }

    /**
     * Reads a whole series.
     *
     * @throws IOException when reading fails
     * @throws IllegalArgumentException when the input is empty or its first non-blank line is neither header: then no
     *     line can be read with confidence, so this is a failure of the whole input rather than a skipped line
     */
    public static MinuteCsv read(Reader input) throws IOException {
        BufferedReader reader = input instanceof BufferedReader buffered ? buffered : new BufferedReader(input);
        SampleKind kind = null;
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<Long, Integer> lineOfMinute = new HashMap<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> columns = split(line);
            if (kind == null) {
                kind = kindOf(columns, lineNumber);
                header = columns;
                continue;
            }
            try {
                Row row = parseRow(kind, columns, lineNumber);
                Integer earlier = lineOfMinute.putIfAbsent(row.epochMinute(), lineNumber);
                if (earlier != null) {
                    throw new IllegalArgumentException(
                            "a second row for minute " + Instant.ofEpochSecond(row.epochMinute() * 60)
                                    + " (the first is on line " + earlier + ")");
                }
                rows.add(row);
            } catch (IllegalArgumentException e) {
                problems.add("line " + lineNumber + ": " + e.getMessage());
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException(
                    "the input is empty; it needs a header, " + COUNT_HEADER + " or " + RATE_HEADER);
        }
        return new MinuteCsv(kind, header, rows, problems);
    }

    private static SampleKind kindOf(List<String> columns, int lineNumber) {
        String header = String.join(",", columns).toLowerCase(Locale.ROOT);
        if (header.equals(COUNT_HEADER)) {
            return SampleKind.COUNT;
        }
        if (header.equals(RATE_HEADER)) {
            return SampleKind.RATE;
        }
        throw new IllegalArgumentException("line " + lineNumber + ": the header must be " + COUNT_HEADER
                + " (a count) or " + RATE_HEADER + " (a rate), not " + String.join(",", columns));
    }

    private static Row parseRow(SampleKind kind, List<String> columns, int lineNumber) {
        int expected = kind == SampleKind.COUNT ? 2 : 3;
        if (columns.size() != expected) {
            throw new IllegalArgumentException("expected " + expected + " columns, found " + columns.size());
        }
        long epochMinute = Math.floorDiv(parseInstant(columns.get(0)).getEpochSecond(), 60);
        Sample sample;
        if (kind == SampleKind.COUNT) {
            sample = Sample.count(parseCount("value", columns.get(1)));
        } else {
            long successes = parseCount("successes", columns.get(1));
            long attempts = parseCount("attempts", columns.get(2));
            if (successes > attempts) {
                throw new IllegalArgumentException("successes (" + successes + ") exceed attempts (" + attempts + ")");
            }
            sample = new Sample(successes, attempts);
        }
        return new Row(lineNumber, epochMinute, sample, columns);
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException ignored) {
                throw new IllegalArgumentException(
                        "timestamp '" + text + "' is not an ISO-8601 instant such as 2024-03-05T10:15:00Z");
            }
        }
    }

    private static long parseCount(String name, String text) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " '" + text + "' is not a whole number >= 0");
    }

    /** Splits on commas and trims each column, dropping one pair of surrounding double quotes (spreadsheet exports). */
    private static List<String> split(String line) {
        List<String> columns = new ArrayList<>(3);
        int start = 0;
        while (true) {
            int comma = line.indexOf(',', start);
            String column = (comma < 0 ? line.substring(start) : line.substring(start, comma)).strip();
            if (column.length() >= 2 && column.startsWith("\"") && column.endsWith("\"")) {
                column = column.substring(1, column.length() - 1).strip();
            }
            columns.add(column);
            if (comma < 0) {
                return columns;
            }
            start = comma + 1;
        }
    }

    public SampleKind kind() {
        return kind;
    }

    /** The header's columns as written. */
    public List<String> header() {
        return header;
    }

    /** The good rows, in input order. */
    public List<Row> rows() {
        return rows;
    }

    /** One message per skipped line, {@code "line N: what is wrong"}, in input order. */
    public List<String> problems() {
        return problems;
    }

    /** The sample of the given minute (counted from the epoch), or {@link Sample#NONE} when no row has it. */
    public Sample at(long epochMinute) {
        Row row = byMinute.get(epochMinute);
        return row == null ? Sample.NONE : row.sample();
    }
}
