package io.vigil.ingest.api;

import java.util.List;

/** One page of the pending review queue and how many pending transactions match the filters in all. */
public record ReviewQueuePage(List<ReviewItem> items, long total, int page, int size) {

    public ReviewQueuePage {
        items = List.copyOf(items);
    }

    /** The number of pages, at least 1. */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
