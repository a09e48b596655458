package io.vigil.analytics.evaluation;

import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.HistoryPlan;
import io.vigil.analytics.store.RollupReader.SeriesRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A monitor's past incidents, which its series' baselines leave out: the minutes from each alert's anomalous minute
 * to its resolution, for the alerts not marked "not an incident". An outage last Tuesday must not teach the detector
 * that this Tuesday's outage is normal. Only the minutes of the earlier days' windows are left out, never the latest
 * minutes a series is judged on; an incident of a parent (a merchant) leaves the minutes out for all its children.
 */
final class PastIncidents {

    /** No past incidents: every minute of every series counts. */
    static final PastIncidents NONE = new PastIncidents(List.of());

    /** One past incident of a series (its values by dimension wire name), over [from, to) in epoch seconds. */
    record Incident(Map<String, String> series, long from, long to) {}

    private final Map<String, List<long[]>> bySeries = new HashMap<>();
    private final List<Incident> incidents;

    PastIncidents(List<Incident> incidents) {
        this.incidents = List.copyOf(incidents);
    }

    boolean isEmpty() {
        return incidents.isEmpty();
    }

    /**
     * The row to judge at {@code minute} (epoch seconds): {@code row} itself, or when a past incident of its series
     * or its parent covers some of its earlier days' minutes, a copy with those minutes as "no data" (-1).
     */
    SeriesRow mask(SeriesRow row, List<Dimension> dims, HistoryPlan plan, long[] offsets, long minute) {
        if (incidents.isEmpty()) {
            return row;
        }
        if (bySeries.isEmpty()) {
            index(dims);
        }
        List<long[]> spans = new ArrayList<>(bySeries.getOrDefault(String.join("\u0001", row.values()), List.of()));
        if (dims.size() >= 2) {
            spans.addAll(bySeries.getOrDefault(parentKey(row.values()[0]), List.of()));
        }
        if (spans.isEmpty()) {
            return row;
        }
        long[] attempts = null;
        for (int k = plan.dayStart(0); k < plan.recentStart(); k++) {
            long at = minute - offsets[k];
            for (long[] span : spans) {
                if (at >= span[0] && at < span[1]) {
                    if (attempts == null) {
                        attempts = row.attempts().clone();
                    }
                    attempts[k] = -1;
                }
            }
        }
        return attempts == null ? row : new SeriesRow(row.values(), row.successes(), attempts);
    }

    private void index(List<Dimension> dims) {
        for (Incident incident : incidents) {
            String key;
            if (dims.size() >= 2 && incident.series().size() == 1) {
                key = parentKey(incident.series().getOrDefault(dims.get(0).wireName(), ""));
            } else {
                StringBuilder joined = new StringBuilder();
                for (int i = 0; i < dims.size(); i++) {
                    joined.append(i == 0 ? "" : "\u0001")
                            .append(incident.series().getOrDefault(dims.get(i).wireName(), ""));
                }
                key = joined.toString();
            }
            bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {incident.from(), incident.to()});
        }
    }

    private static String parentKey(String parent) {
        return "\u0002" + parent;
    }
}
