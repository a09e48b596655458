package io.vigil.tools.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a detector's verdicts on one series compare with labelled anomaly windows ({@code ./vigil detect --labels}), by
 * the rules of {@code ./vigil bench detection}: an alert is an anomalous minute with no anomalous minute in the
 * {@value #ALERT_GAP} before it (a long anomaly is one alert); it is true when its minute is inside a window, false
 * otherwise. A window is detected when any of its minutes is anomalous, after the delay from its start to the first.
 */
final class LabelScore {

    static final int ALERT_GAP = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A labelled anomaly, minutes since the epoch: from {@code start} up to and including {@code end}. */
    record Window(long start, long end) {

        boolean holds(long minute) {
            return minute >= start && minute <= end;
        }
    }

    /** The comparison's figures; {@code delays} in minutes, one per detected window. */
    record Result(int windows, int detected, int trueAlerts, int falseAlerts, double seriesDays, List<Long> delays) {

        double falseAlertsPerSeriesDay() {
            return seriesDays == 0 ? 0 : falseAlerts / seriesDays;
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "incidents=%d detected=%d missed=%d true_alerts=%d false_alerts=%d series_days=%.2f"
                            + " false_alerts_per_series_day=%.3f delay_p50_minutes=%s delay_p95_minutes=%s",
                    windows,
                    detected,
                    windows - detected,
                    trueAlerts,
                    falseAlerts,
                    seriesDays,
                    falseAlertsPerSeriesDay(),
                    percentile(0.5),
                    percentile(0.95));
        }

        private String percentile(double q) {
            if (delays.isEmpty()) {
                return "-";
            }
            List<Long> sorted = delays.stream().sorted().toList();
            return Long.toString(sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)));
        }
    }

    private LabelScore() {}

    /**
     * The windows of a labels file: a JSON list of {@code [start, end]} ISO-8601 instants, or an object with that list
     * under {@code "windows"}, or an object with one such list per input file under the file's name (the entry of
     * {@code fileName} is taken).
     *
     * @throws IllegalArgumentException naming what is wrong, when the file is not one of these
     */
    static List<Window> read(Reader in, String fileName) throws IOException {
        JsonNode root = JSON.readTree(in);
        JsonNode list = root;
        if (root != null && root.isObject()) {
            list = root.has("windows") ? root.get("windows") : root.get(fileName);
            if (list == null) {
                throw new IllegalArgumentException("the labels have no \"windows\" and no entry for " + fileName);
            }
        }
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("the labels must be a list of [start, end] pairs");
        }
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode pair = list.get(i);
            if (!pair.isArray() || pair.size() != 2) {
                throw new IllegalArgumentException("window " + i + " must be [start, end]");
            }
            long start = minute(pair.get(0), i);
            long end = minute(pair.get(1), i);
            if (end < start) {
                throw new IllegalArgumentException("window " + i + " ends before it starts");
            }
            windows.add(new Window(start, end));
        }
        return windows;
    }

    private static long minute(JsonNode value, int window) {
        try {
            return Math.floorDiv(Instant.parse(value.asText()).getEpochSecond(), 60);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "window " + window + ": '" + value.asText() + "' is not an ISO-8601 instant");
        }
    }

    /**
     * Scores incidents (from {@link io.vigil.analytics.api.IncidentTracker}, at any grains) of a series that runs from
     * {@code firstMinute} to {@code lastMinute}, by the rules of {@code ./vigil bench detection}: each incident is one
     * alert, true when the minutes it covers overlap a window; a window is detected when an incident overlaps it,
     * after the minutes from its start to that incident's first verdict (0 when a coarse grain's sample began before
     * the window).
     */
    static Result scoreIncidents(
            List<io.vigil.analytics.api.IncidentTracker.Incident<String>> incidents,
            List<Window> windows,
            long firstMinute,
            long lastMinute) {
        int trueAlerts = 0;
        int falseAlerts = 0;
        for (var incident : incidents) {
            if (windows.stream().anyMatch(w -> overlaps(incident, w))) {
                trueAlerts++;
            } else {
                falseAlerts++;
            }
        }
        int detected = 0;
        List<Long> delays = new ArrayList<>();
        for (Window w : windows) {
            var first = incidents.stream()
                    .filter(incident -> overlaps(incident, w))
                    .mapToLong(io.vigil.analytics.api.IncidentTracker.Incident::detectedAt)
                    .min();
            if (first.isPresent()) {
                detected++;
                delays.add(Math.max(0, first.getAsLong() - w.start()));
            }
        }
        double days = (lastMinute - firstMinute + 1) / 1440.0;
        return new Result(windows.size(), detected, trueAlerts, falseAlerts, days, delays);
    }

    private static boolean overlaps(io.vigil.analytics.api.IncidentTracker.Incident<String> incident, Window w) {
        return incident.firstMinute() <= w.end() && incident.lastAnomalousMinute() >= w.start();
    }

    /**
     * Scores the anomalous minutes (in order) of a series that runs from {@code firstMinute} to {@code lastMinute}
     * against the windows.
     */
    static Result score(List<Long> anomalous, List<Window> windows, long firstMinute, long lastMinute) {
        int trueAlerts = 0;
        int falseAlerts = 0;
        long previous = Long.MIN_VALUE / 2;
        for (long m : anomalous) {
            if (m - previous > ALERT_GAP) {
                long alert = m;
                if (windows.stream().anyMatch(w -> w.holds(alert))) {
                    trueAlerts++;
                } else {
                    falseAlerts++;
                }
            }
            previous = m;
        }
        int detected = 0;
        List<Long> delays = new ArrayList<>();
        for (Window w : windows) {
            for (long m : anomalous) {
                if (w.holds(m)) {
                    detected++;
                    delays.add(m - w.start());
                    break;
                }
            }
        }
        double days = (lastMinute - firstMinute + 1) / 1440.0;
        return new Result(windows.size(), detected, trueAlerts, falseAlerts, days, delays);
    }
}
