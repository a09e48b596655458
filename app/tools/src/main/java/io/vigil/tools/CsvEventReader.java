package io.vigil.tools;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CSV as RFC 4180 describes it: a header row naming the contract's fields in any order (optional ones may be
 * missing), then one event per record. A field may be quoted to hold commas, line breaks or quotes (doubled inside).
 * An empty field is an absent value. Line numbers are those of the file, so a record whose quoted field spans lines
 * is reported at the line it starts on, and the records after it at their own lines.
 */
final class CsvEventReader implements EventReader {

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    /** The line of the file the next character is on. */
    private long nextLine = 1;

    private final int columns;
    /** For each of {@link ImportedEvent#FIELDS}, the column that holds it, or -1. */
    private final int[] columnOf = new int[ImportedEvent.FIELDS.size()];

    private final List<String> notes = new ArrayList<>();

    /** Reads the header row; fails when the file has none or it lacks a column every event needs. */
    CsvEventReader(Reader in) throws IOException, ImportFailure {
        this.in = in;
        Row header = row();
        while (header != null && header.blank()) {
            header = row();
        }
        if (header == null) {
            throw new ImportFailure("the file is empty; a CSV file starts with a header row naming the fields, e.g. "
                    + String.join(",", ImportedEvent.FIELDS));
        }
        if (header.error() != null) {
            throw new ImportFailure("line " + header.line() + ": the header row is not valid CSV: " + header.error());
        }
        columns = header.fields().size();
        Arrays.fill(columnOf, -1);
        List<String> ignored = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            String name = header.fields().get(column).strip();
            if (column == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            int field = fieldNamed(name);
            if (field < 0) {
                ignored.add(name.isEmpty() ? "(column " + (column + 1) + ", no name)" : name);
            } else if (columnOf[field] >= 0) {
                throw new ImportFailure("line " + header.line() + ": the header row names "
                        + ImportedEvent.FIELDS.get(field) + " twice");
            } else {
                columnOf[field] = column;
            }
        }
        List<String> missing = ImportedEvent.REQUIRED.stream()
                .filter(field -> columnOf[ImportedEvent.FIELDS.indexOf(field)] < 0)
                .toList();
        if (!missing.isEmpty()) {
            throw new ImportFailure("line " + header.line() + ": the header row has no column "
                    + String.join(", ", missing) + "; every event needs " + String.join(", ", ImportedEvent.REQUIRED)
                    + " (the header is: " + String.join(",", header.fields()) + ")");
        }
        if (!ignored.isEmpty()) {
            notes.add("ignoring columns that are not event fields: " + String.join(", ", ignored));
        }
    }

    private static int fieldNamed(String name) {
        for (int i = 0; i < ImportedEvent.FIELDS.size(); i++) {
            if (ImportedEvent.FIELDS.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public SourceLine next() throws IOException {
        for (Row row = row(); row != null; row = row()) {
            if (row.blank()) {
                continue;
            }
            if (row.error() != null) {
                return SourceLine.unreadable(row.line(), "not valid CSV: " + row.error());
            }
            if (row.fields().size() != columns) {
                return SourceLine.unreadable(
                        row.line(), "has " + row.fields().size() + " fields where the header has " + columns);
            }
            String[] values = new String[ImportedEvent.FIELDS.size()];
            for (int i = 0; i < values.length; i++) {
                if (columnOf[i] >= 0) {
                    String value = row.fields().get(columnOf[i]);
                    values[i] = value.isEmpty() ? null : value;
                }
            }
            return new SourceLine(row.line(), ImportedEvent.of(row.line(), values), List.of());
        }
        return null;
    }

    /** One record: the line it starts on, its fields, whether it is an empty line, and the first syntax error. */
    private record Row(long line, List<String> fields, boolean blank, String error) {}

    /** The next record, or null at the end. A record with an error is read to its end, so the next one is intact. */
    private Row row() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        long start = nextLine;
        List<String> fields = new ArrayList<>(Math.max(8, columns));
        StringBuilder field = new StringBuilder(32);
        String error = null;
        boolean inQuotes = false;
        boolean quoted = false; // the current field started with a quote
        boolean anyQuoted = false;
        while (true) {
            if (inQuotes) {
                if (c < 0) {
                    error = first(error, "a quoted field is not closed before the end of the file");
                    fields.add(field.toString());
                    break;
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n') {
                        nextLine++;
                    }
                    field.append((char) c);
                }
            } else if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (c >= 0) {
                    nextLine++;
                }
                fields.add(field.toString());
                break;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quoted = false;
            } else if (c == '"' && field.length() == 0 && !quoted) {
                inQuotes = true;
                quoted = true;
                anyQuoted = true;
            } else {
                if (quoted) {
                    error = first(error, "text after the closing quote of a field");
                } else if (c == '"') {
                    error = first(
                            error,
                            "a quote inside a field that does not start with one; quote the whole field and double"
                                    + " the quotes inside it");
                }
                field.append((char) c);
            }
            c = read();
        }
        boolean blank = !anyQuoted && fields.size() == 1 && fields.get(0).isEmpty();
        return new Row(start, fields, blank, error);
    }

    private static String first(String error, String another) {
        return error != null ? error : another;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
