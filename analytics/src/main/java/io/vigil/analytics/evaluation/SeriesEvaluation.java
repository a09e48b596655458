package io.vigil.analytics.evaluation;

import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.Observation;
import io.vigil.analytics.api.Sample;
import io.vigil.analytics.api.SampleKind;
import io.vigil.analytics.api.Verdict;
import io.vigil.analytics.detect.SeriesDetector;
import io.vigil.analytics.store.RollupReader;
import io.vigil.analytics.store.RollupReader.SeriesRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One monitor's verdicts for one minute, from its rollup rows: which series to raise an alert on, and which open
 * alerts recovered. No I/O, so it is tested alone and reused by backtests.
 *
 * <p>A parent (the monitor's first dimension, usually the merchant) alerts once, instead of once per child, when the
 * parent as a whole is anomalous and so are most of its children that have enough volume to judge: a merchant that
 * is down is one incident. A drop in one country of a merchant stays an alert on that country.
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
    private final SeriesDetector detector;

    SeriesEvaluation(MonitorDefinition monitor) {
        this.monitor = monitor;
        SampleKind kind = monitor.isRate() ? SampleKind.RATE : SampleKind.COUNT;
        this.detector = monitor.minVolume() > 0
                ? new SeriesDetector(kind, monitor.direction(), monitor.sensitivity(), monitor.minVolume())
                : new SeriesDetector(kind, monitor.direction(), monitor.sensitivity());
    }

    Result evaluate(List<SeriesRow> rows, List<OpenAlert> open) {
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
        for (SeriesRow row : rows) {
            Sample[] s = samples(row);
            Verdict verdict = detector.evaluate(s[0], s[1], s[2], s[3]);
            if (hasParent) {
                ParentTally tally = parents.computeIfAbsent(row.values()[0], k -> new ParentTally());
                tally.add(s);
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
                    recovery(alert, s).ifPresent(recoveries::add);
                }
            }
        }
        for (Map.Entry<String, ParentTally> entry : parents.entrySet()) {
            ParentTally tally = entry.getValue();
            OpenAlert parentAlert = openParents.get(entry.getKey());
            if (parentAlert != null) {
                recovery(parentAlert, tally.total()).ifPresent(recoveries::add);
            }
            if (tally.anomalous.isEmpty()) {
                continue;
            }
            Map<String, String> parentSeries = Map.of(dims.get(0).wireName(), entry.getKey());
            Sample[] total = tally.total();
            Verdict parent = detector.evaluate(total[0], total[1], total[2], total[3]);
            if (tally.anomalous.size() >= 2
                    && tally.anomalous.size() >= PARENT_SHARE * tally.judged
                    && parent.anomalous()) {
                anomalies.add(new Anomaly(parentSeries, observation(parent)));
            } else {
                anomalies.addAll(tally.anomalous);
            }
        }
        return new Result(anomalies, recoveries, rows.size());
    }

    /** A recovery when the series has the traffic to tell and no longer deviates from its baseline. */
    private java.util.Optional<Recovery> recovery(OpenAlert alert, Sample[] s) {
        if (!detector.usable(s[0])) {
            return java.util.Optional.empty(); // too little traffic this minute to say it recovered
        }
        Sample baseline = baseline(s, alert.fired());
        if (detector.deviates(s[0], baseline)) {
            return java.util.Optional.empty();
        }
        Verdict now = detector.evaluate(s[0], s[1], s[2], s[3]);
        return java.util.Optional.of(new Recovery(alert.alertId(), observation(now, baseline)));
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

    /**
     * What a recovered series should look like: the same minute yesterday or last week when they had volume, else
     * the value expected when the alert fired, at this minute's volume.
     */
    private Sample baseline(Sample[] s, Observation fired) {
        if (detector.usable(s[2])) {
            return s[2];
        }
        if (detector.usable(s[3])) {
            return s[3];
        }
        if (monitor.isRate()) {
            long attempts = Math.max(s[0].attempts(), fired.volume());
            return new Sample(Math.round(fired.expected() * attempts), attempts);
        }
        long expected = Math.round(fired.expected());
        return new Sample(expected, expected);
    }

    private static Map<String, String> series(List<Dimension> dims, String[] values) {
        Map<String, String> series = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            series.put(dims.get(i).wireName(), values[i]);
        }
        return series;
    }

    private static Sample[] samples(SeriesRow row) {
        Sample[] s = new Sample[RollupReader.COMPARED];
        for (int k = 0; k < s.length; k++) {
            s[k] = new Sample(row.successes()[k], row.attempts()[k]);
        }
        return s;
    }

    private static Observation observation(Verdict v) {
        return new Observation(
                finite(v.value()),
                finite(v.expected()),
                reference(v),
                clamp(v.pValue(), 0, 1),
                clamp(v.score(), 0, 100),
                v.volume());
    }

    private static String reference(Verdict v) {
        return v.reference() == null
                ? Observation.PREVIOUS_MINUTE
                : v.reference().wireName();
    }

    private Observation observation(Verdict v, Sample baseline) {
        double expected = monitor.isRate()
                ? (baseline.attempts() == 0 ? 0 : (double) baseline.successes() / baseline.attempts())
                : baseline.attempts();
        return new Observation(
                finite(v.value()),
                expected,
                reference(v),
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

    private static final class ParentTally {
        final long[] successes = new long[RollupReader.COMPARED];
        final long[] attempts = new long[RollupReader.COMPARED];
        final List<Anomaly> anomalies = new ArrayList<>();
        final List<Anomaly> anomalous = anomalies;
        int judged;

        void add(Sample[] s) {
            for (int k = 0; k < s.length; k++) {
                successes[k] += s[k].successes();
                attempts[k] += s[k].attempts();
            }
        }

        Sample[] total() {
            Sample[] s = new Sample[successes.length];
            for (int k = 0; k < s.length; k++) {
                s[k] = new Sample(successes[k], attempts[k]);
            }
            return s;
        }
    }
}
