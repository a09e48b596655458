package io.vigil.tools;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Events ready to send as one {@code POST /api/v1/events/batch}: each as its JSON, with the file line it came from,
 * so that whatever Vigil says about item {@code i} can be told about the file's line {@link #line(int)}.
 */
final class EventBatch {

    private final List<byte[]> events;
    private final long[] lines;
    private final long bytes;

    EventBatch(List<byte[]> events, long[] lines) {
        if (events.size() != lines.length) {
            throw new IllegalArgumentException(events.size() + " events but " + lines.length + " lines");
        }
        this.events = List.copyOf(events);
        this.lines = lines.clone();
        this.bytes = events.stream().mapToLong(json -> json.length).sum() + events.size() + 1;
    }

    int size() {
        return events.size();
    }

    /** The file line of the batch's item {@code index}. */
    long line(int index) {
        return lines[index];
    }

    /** The size of {@link #body()} in bytes. */
    long bytes() {
        return bytes;
    }

    /** The JSON array of the events. */
    byte[] body() {
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) bytes);
        body.write('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(events.get(i));
        }
        body.write(']');
        return body.toByteArray();
    }

    /** This batch without the items at {@code indexes}, lines kept with their events. */
    EventBatch without(Set<Integer> indexes) {
        List<byte[]> kept = new ArrayList<>(events.size());
        long[] keptLines = new long[events.size()];
        int n = 0;
        for (int i = 0; i < events.size(); i++) {
            if (!indexes.contains(i)) {
                kept.add(events.get(i));
                keptLines[n++] = lines[i];
            }
        }
        return new EventBatch(kept, Arrays.copyOf(keptLines, n));
    }
}
