package io.vigil.analytics.evaluation;

import io.vigil.analytics.api.BaselineDetector;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.HistoryPlan;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.Observation;
import io.vigil.analytics.api.SampleKind;
import io.vigil.analytics.api.Verdict;
import io.vigil.analytics.store.RollupReader.SeriesRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One monitor's verdicts for one minute, from its rollup rows: which series to raise an alert on, and which open
 * alerts recovered. No I/O, so it is tested alone and reused by backtests. Each row holds the minutes the monitor's
 * {@link BaselineDetector} reads ({@link #plan()}), and each series is judged against the baseline made of its own
 * history.
 *
 * <p>A parent (the monitor's first dimension, usually the merchant) alerts once, instead of once per child, when the
 * parent as a whole is anomalous and so are most of its children that have enough volume to judge: a merchant that
 * is down is one incident. A drop in one country of a merchant stays an alert on that country.
 *
 * <p>An open alert recovers when its series can be judged again (a baseline and enough traffic this minute), is not
 * anomalous, and none of the last {@link HistoryPlan#persistence()} minutes deviates from the baseline: one quiet
 * minute in the middle of an outage does not close it, so a flapping outage stays one incident.
 */
final class SeriesEvaluation {

    /** Share of a parent's judged children that must be anomalous before the parent alerts in their place. */
    static final double PARENT_SHARE = 0.75;

    record Anomaly(Map<String, String> series, Observation observation) {}

    record Recovery(String alertId, Observation observation) {}

    /** An open alert of this monitor: its series and what it saw when it fired. */
    record OpenAlert(String alertId, Map<String, String> series, Observation fired) {}

    record Result(List<Anomaly> anomalies, List<Recovery> recoveries, int series) {}

    private final MonitorDefinition monitor;
    private final BaselineDetector detector;
    private final long[] offsets;

    SeriesEvaluation(MonitorDefinition monitor) {
        this.monitor = monitor;
        this.detector = BaselineDetector.of(
                monitor.isRate() ? SampleKind.RATE : SampleKind.COUNT,
                monitor.direction(),
                monitor.sensitivity(),
                monitor.minVolume() > 0 ? monitor.minVolume() : null);
        this.offsets = detector.plan().offsets();
    }

    /** The minutes each row must hold, as offsets in seconds before the judged minute. */
    HistoryPlan plan() {
        return detector.plan();
    }

    /**
     * Judges every row. A row's arrays are read before the next row is asked for, so rows may share them
     * ({@link SeriesWindows#rows()}).
     */
    Result evaluate(Iterable<SeriesRow> rows, List<OpenAlert> open) {
        return evaluate(rows, open, PastIncidents.NONE, 0);
    }

    /**
     * As {@link #evaluate(Iterable, List)}, leaving the minutes of {@code past} incidents out of the baselines of the
     * rows judged at {@code minute} (epoch seconds).
     */
    Result evaluate(Iterable<SeriesRow> rows, List<OpenAlert> open, PastIncidents past, long minute) {
        List<Dimension> dims = monitor.dimensions();
        boolean hasParent = dims.size() >= 2;
        // open alerts by their series' values in the monitor's order; a monitor has few, so rows are only keyed when
        // there are any (keying a million rows would cost more than judging them)
        Map<String, OpenAlert> openChildren = new HashMap<>();
        Map<String, OpenAlert> openParents = new HashMap<>();
        for (OpenAlert alert : open) {
            if (hasParent && alert.series().size() == 1) {
                openParents.put(alert.series().get(dims.get(0).wireName()), alert);
            } else {
                openChildren.put(key(dims, alert.series()), alert);
            }
        }
        List<Anomaly> anomalies = new ArrayList<>();
        List<Recovery> recoveries = new ArrayList<>();
        Map<String, ParentTally> parents = new LinkedHashMap<>();
        int size = plan().size();
        int judged = 0;
        for (SeriesRow read : rows) {
            judged++;
            SeriesRow row = past.mask(read, dims, plan(), offsets, minute);
            Verdict verdict = detector.evaluate(row.successes(), row.attempts());
            if (hasParent) {
                ParentTally tally = parents.computeIfAbsent(row.values()[0], k -> new ParentTally(size));
                tally.add(row);
                if (verdict.reference() != null) {
                    tally.judged++;
                }
                if (verdict.anomalous()) {
                    tally.anomalous.add(new Anomaly(series(dims, row.values()), observation(verdict)));
                }
            } else if (verdict.anomalous()) {
                anomalies.add(new Anomaly(series(dims, row.values()), observation(verdict)));
            }
            if (!openChildren.isEmpty()) {
                OpenAlert alert = openChildren.get(String.join("\u0001", row.values()));
                if (alert != null) {
                    recovery(alert, row.successes(), row.attempts(), verdict).ifPresent(recoveries::add);
                }
            }
        }
        for (Map.Entry<String, ParentTally> entry : parents.entrySet()) {
            ParentTally tally = entry.getValue();
            OpenAlert parentAlert = openParents.get(entry.getKey());
            Verdict parent = null;
            if (parentAlert != null || !tally.anomalous.isEmpty()) {
                parent = detector.evaluate(tally.successes, tally.attempts);
            }
            if (parentAlert != null) {
                recovery(parentAlert, tally.successes, tally.attempts, parent).ifPresent(recoveries::add);
            }
            if (tally.anomalous.isEmpty()) {
                continue;
            }
            if (tally.anomalous.size() >= 2
                    && tally.anomalous.size() >= PARENT_SHARE * tally.judged
                    && parent.anomalous()) {
                anomalies.add(new Anomaly(Map.of(dims.get(0).wireName(), entry.getKey()), observation(parent)));
            } else {
                anomalies.addAll(tally.anomalous);
            }
        }
        return new Result(anomalies, recoveries, judged);
    }

    /**
     * A recovery when the series can be judged, is not anomalous, and none of its persistence minutes still deviates
     * from its baseline.
     */
    private Optional<Recovery> recovery(OpenAlert alert, long[] successes, long[] attempts, Verdict now) {
        if (now.reference() == null || now.anomalous()) {
            return Optional.empty(); // no baseline or too little traffic this minute to say it recovered
        }
        int persistence = plan().persistence();
        for (int i = 0; i < persistence; i++) {
            if (detector.deviatesAt(successes, attempts, i)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Recovery(alert.alertId(), observation(now)));
    }

    /** A series' values in the monitor's dimension order, joined: the key rows are matched by. */
    private static String key(List<Dimension> dims, Map<String, String> series) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < dims.size(); i++) {
            key.append(i == 0 ? "" : "\u0001")
                    .append(series.getOrDefault(dims.get(i).wireName(), ""));
        }
        return key.toString();
    }

    private static Map<String, String> series(List<Dimension> dims, String[] values) {
        Map<String, String> series = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            series.put(dims.get(i).wireName(), values[i]);
        }
        return series;
    }

    private static Observation observation(Verdict v) {
        return new Observation(
                finite(v.value()),
                finite(v.expected()),
                v.reference() == null
                        ? Observation.PREVIOUS_MINUTE
                        : v.reference().wireName(),
                clamp(v.pValue(), 0, 1),
                clamp(v.score(), 0, 100),
                v.volume());
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static double clamp(double value, double min, double max) {
        return Double.isNaN(value) ? max : Math.max(min, Math.min(max, value));
    }

    /** A parent's children summed minute by minute, and which of them were judged or anomalous. */
    private static final class ParentTally {
        final long[] successes;
        final long[] attempts;
        final List<Anomaly> anomalous = new ArrayList<>();
        int judged;

        ParentTally(int size) {
            successes = new long[size];
            attempts = new long[size];
        }

        /** Adds a child; a minute left out of a child's baseline (-1) is left out of the parent's too. */
        void add(SeriesRow row) {
            for (int k = 0; k < successes.length; k++) {
                successes[k] += row.successes()[k];
                long a = row.attempts()[k];
                attempts[k] = a < 0 || attempts[k] < 0 ? -1 : attempts[k] + a;
            }
        }
    }
}
