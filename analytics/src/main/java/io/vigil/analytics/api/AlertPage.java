package io.vigil.analytics.api;

import java.util.List;

/** A page of {@link FindAlertsQuery}'s answer, with the total count for pagination. */
public record AlertPage(List<AlertSummary> alerts, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
