package io.vigil.tools;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Reads the events of an import file one line (a CSV record) at a time. */
interface EventReader extends Closeable {

    /** The next event line, or null at the end of the input. Blank lines are skipped. */
    SourceLine next() throws IOException;

    /** Remarks about the file as a whole, such as CSV columns that are not event fields; shown once. */
    default List<String> notes() {
        return List.of();
    }

    /** One broken rule of a line: the field (empty when the line as a whole is wrong) and what is wrong. */
    record Problem(String field, String message) {

        static Problem ofLine(String message) {
            return new Problem("", message);
        }

        @Override
        public String toString() {
            return field.isEmpty() ? message : field + ": " + message;
        }
    }

    /**
     * One line of the file: the event when it could be read, and what was wrong while reading it (bad JSON, a value of
     * the wrong type, a CSV record with the wrong number of fields). The event's own rules are checked later, by
     * {@link ImportedEvent#check}.
     */
    record SourceLine(long line, ImportedEvent event, List<Problem> problems) {

        static SourceLine unreadable(long line, String message) {
            return new SourceLine(line, null, List.of(Problem.ofLine(message)));
        }
    }
}
