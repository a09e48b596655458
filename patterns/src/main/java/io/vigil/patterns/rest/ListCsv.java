package io.vigil.patterns.rest;

import io.vigil.patterns.api.ListItem;
import io.vigil.patterns.api.ListKind;
import io.vigil.patterns.api.ListValues;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a list's CSV import (RFC 4180, UTF-8, read with Apache Commons CSV): a header line naming the columns
 * {@code value} (required), {@code expiresAt} and {@code reason} (optional, in any order, names not case-sensitive),
 * then one entry a line. Cells may be quoted ({@code "a, b"}, {@code ""} for a quote); spaces around a cell are
 * removed; blank lines are skipped; a UTF-8 byte order mark is ignored. A line with fewer cells than the header leaves
 * the others empty.
 *
 * <p>Each line is checked on its own, and every bad line is reported with its number (the header is line 1; a quoted
 * cell over several lines counts them all) and every rule it breaks. What makes the whole file unreadable, in either
 * mode, is a {@link CsvFileException}: an empty file, a header without {@code value} or with a column of another name,
 * a quote that is never closed, or more lines than the limit.
 */
final class ListCsv {

    static final String HEADER = "value,expiresAt,reason";
    private static final int SHOWN_VALUE = 100;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false)
            .get();

    private ListCsv() {}

    /** One line that cannot be stored: its number, its value as written (cut at 100 characters) and why. */
    record BadLine(long line, String value, String message) {}

    /** The entries of the good lines, in file order, and every bad line. */
    record Reading(int lines, List<ListItem> entries, List<BadLine> bad) {}

    /** The whole file is refused: nothing of it is stored, in either mode. */
    static final class CsvFileException extends RuntimeException {

        private final long line;

        CsvFileException(long line, String message) {
            super(line > 0 ? "line " + line + ": " + message : message);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    /**
     * Reads every line of the file, values normalised for {@code kind}, expiries checked against {@code now}.
     *
     * @throws CsvFileException when the file as a whole is refused
     */
    static Reading read(Reader input, ListKind kind, int maxLines, Instant now) {
        try (CSVParser parser = FORMAT.parse(withoutByteOrderMark(input))) {
            Iterator<CSVRecord> records = parser.iterator();
            long start = 1;
            Columns columns = null;
            int lines = 0;
            List<ListItem> entries = new ArrayList<>();
            List<BadLine> bad = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            while (next(records, start)) {
                CSVRecord record = records.next();
                long line = start;
                start = parser.getCurrentLineNumber() + 1;
                if (blank(record)) {
                    continue;
                }
                if (columns == null) {
                    columns = Columns.of(record);
                    continue;
                }
                if (++lines > maxLines) {
                    throw new CsvFileException(
                            line,
                            "the file has more than " + maxLines + " lines of entries, the most one import takes");
                }
                read(record, line, columns, kind, now, seen, entries, bad);
            }
            if (columns == null) {
                throw new CsvFileException(0, "the file is empty: its first line must be the header " + HEADER);
            }
            if (lines == 0) {
                throw new CsvFileException(0, "the file has no entries after its header");
            }
            return new Reading(lines, entries, bad);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(
            CSVRecord record,
            long line,
            Columns columns,
            ListKind kind,
            Instant now,
            Map<String, Long> seen,
            List<ListItem> entries,
            List<BadLine> bad) {
        String raw = columns.cell(record, columns.value);
        List<String> problems = new ArrayList<>();
        if (record.size() > columns.count) {
            problems.add("has " + record.size() + " cells, the header names " + columns.count);
        }
        ListValues.Checked value = ListValues.normalise(kind, raw);
        if (!value.ok()) {
            problems.add(value.problem());
        } else {
            Long first = seen.putIfAbsent(value.value(), line);
            if (first != null) {
                problems.add("value is on line " + first + " already");
            }
        }
        Instant expiresAt = null;
        String expiry = columns.cell(record, columns.expiresAt);
        if (!expiry.isEmpty()) {
            try {
                expiresAt = OffsetDateTime.parse(expiry).toInstant();
                String problem = ListValues.expiryProblem(expiresAt, now);
                if (problem != null) {
                    problems.add(problem);
                }
            } catch (DateTimeParseException e) {
                problems.add("expiresAt must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
            }
        }
        String reason = columns.cell(record, columns.reason);
        String reasonProblem = ListValues.reasonProblem(reason, false);
        if (reasonProblem != null) {
            problems.add(reasonProblem);
        }
        if (problems.isEmpty()) {
            entries.add(new ListItem(value.value(), expiresAt, reason.isEmpty() ? null : reason));
        } else {
            String shown = raw.length() > SHOWN_VALUE ? raw.substring(0, SHOWN_VALUE) + "…" : raw;
            bad.add(new BadLine(line, shown, String.join("; ", problems)));
        }
    }

    /** The next record, or a {@link CsvFileException} naming the line where the file stops being CSV. */
    private static boolean next(Iterator<CSVRecord> records, long line) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new CsvFileException(
                    line,
                    "the file is not valid CSV from here on (a quote that is never closed, or text after a"
                            + " closing quote)");
        }
    }

    private static boolean blank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    private static Reader withoutByteOrderMark(Reader input) throws IOException {
        PushbackReader reader = new PushbackReader(input, 1);
        int first = reader.read();
        if (first >= 0 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /** Where each column is: {@code -1} for a column the file does not have. */
    private record Columns(int count, int value, int expiresAt, int reason) {

        static Columns of(CSVRecord header) {
            boolean named = header.stream()
                    .map(name -> name.toLowerCase(Locale.ROOT))
                    .anyMatch(name -> name.equals("value") || name.equals("expiresat") || name.equals("reason"));
            if (!named) {
                throw new CsvFileException(
                        1,
                        "the first line must be a header naming the column value, such as " + HEADER + "; it reads '"
                                + shortened(String.join(",", header.toList())) + "'");
            }
            int value = -1;
            int expiresAt = -1;
            int reason = -1;
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).toLowerCase(Locale.ROOT);
                int before = switch (name) {
                    case "value" -> value;
                    case "expiresat" -> expiresAt;
                    case "reason" -> reason;
                    default ->
                        throw new CsvFileException(
                                1,
                                "the header names a column '" + shortened(header.get(i))
                                        + "'; the columns are value, expiresAt and reason, as in " + HEADER);
                };
                if (before >= 0) {
                    throw new CsvFileException(1, "the header names the column " + name + " twice");
                }
                switch (name) {
                    case "value" -> value = i;
                    case "expiresat" -> expiresAt = i;
                    default -> reason = i;
                }
            }
            if (value < 0) {
                throw new CsvFileException(
                        1, "the first line must be a header naming the column value, such as " + HEADER);
            }
            return new Columns(header.size(), value, expiresAt, reason);
        }

        String cell(CSVRecord record, int column) {
            return column >= 0 && column < record.size() ? record.get(column) : "";
        }

        private static String shortened(String name) {
            return name.length() > 40 ? name.substring(0, 40) + "…" : name;
        }
    }
}
