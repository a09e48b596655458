package io.vigil.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gathers valid events into batches of at most {@code maxEvents} events and {@code maxBytes} of JSON; the byte
 * bound keeps a batch of long events under Vigil's 10 MiB body limit whatever the batch size.
 */
final class EventBatcher {

    /** Vigil refuses batch bodies over 10 MiB; this leaves room. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private final int maxEvents;
    private final long maxBytes;
    private List<byte[]> events = new ArrayList<>();
    private long[] lines = new long[16];
    private long bytes = 2;

    EventBatcher(int maxEvents, long maxBytes) {
        if (maxEvents < 1 || maxBytes < 3) {
            throw new IllegalArgumentException("a batch must hold at least one event");
        }
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /** Adds an event; returns the batch it completes when there was no room left for it, else null. */
    EventBatch add(long line, byte[] json) {
        EventBatch full = null;
        if (!events.isEmpty() && (events.size() == maxEvents || bytes + json.length + 1 > maxBytes)) {
            full = take();
        }
        if (events.size() == lines.length) {
            lines = Arrays.copyOf(lines, Math.min(lines.length * 2, Math.max(maxEvents, 16)));
        }
        lines[events.size()] = line;
        events.add(json);
        bytes += json.length + 1;
        return full;
    }

    /** The events gathered and not yet returned as a batch, or null when there are none. */
    EventBatch flush() {
        return events.isEmpty() ? null : take();
    }

    private EventBatch take() {
        EventBatch batch = new EventBatch(events, Arrays.copyOf(lines, events.size()));
        events = new ArrayList<>();
        bytes = 2;
        return batch;
    }
}
