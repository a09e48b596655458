package io.vigil.tools.bench;

import io.vigil.analytics.api.BaselineDetector;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.HistoryPlan;
import io.vigil.analytics.api.MinuteDetector;
import io.vigil.analytics.api.Sample;
import io.vigil.analytics.api.SampleKind;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.tools.Terminal;
import io.vigil.tools.simulator.NoisySeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./vigil bench detection}: how well the monitors' detectors tell incidents from noise, offline. It generates
 * series with the simulator's noise ({@link NoisySeries}: over-dispersed counts, bursts, quiet series, holidays) and
 * labelled incidents, runs today's seasonal detector (at several persistences) and the previous single-reference
 * detector ({@code legacy}) over every minute after the first week, and writes {@code target/bench/detection.json}.
 *
 * <p>An alert is an anomalous minute with no anomalous minute in the {@value #ALERT_GAP} minutes before it (an open
 * alert absorbs repeats). It is true when it starts inside a labelled incident, false otherwise (a holiday, a burst, the
 * recovery after an incident). An incident is detected when any of its minutes is anomalous; its delay is the minutes
 * from its start to the first.
 */
@Command(
        name = "detection",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = "Detection benchmark, offline: false alerts, incidents found and time to detect of the seasonal"
                + " and the legacy detector on simulated series with labelled incidents.")
final class DetectionBench implements Callable<Integer> {

    /** Minutes without an anomaly after which the next anomalous minute is a new alert. */
    static final int ALERT_GAP = 10;

    @Option(names = "--series", defaultValue = "1000", description = "series to generate")
    private int series;

    @Option(names = "--days", defaultValue = "28", description = "days per series; the first 7 are history only")
    private int days;

    @Option(
            names = "--dispersion",
            defaultValue = "20",
            description = "gamma-Poisson size of the noise (smaller is noisier; Infinity for Poisson)")
    private double dispersion;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the generated series")
    private long seed;

    @Option(names = "--sensitivity", defaultValue = "medium", description = "low, medium or high")
    private String sensitivity;

    @Option(
            names = "--persistence",
            split = ",",
            defaultValue = "1,2,3,5",
            description = "persistences (minutes) to evaluate the seasonal detector at, besides the default")
    private List<Integer> persistences;

    @Option(names = "--out", defaultValue = "target/bench/detection.json", description = "where the figures go")
    private Path out;

    private final BenchResults results;

    DetectionBench(Terminal terminal) {
        this.results = new BenchResults(terminal.out());
    }

    /** One detector's tally over all series. */
    static final class Tally {
        long falseAlerts;
        long quietFalseAlerts;
        final long[] falseByWeek = new long[5];
        long holidayFalseAlerts;
        long trueAlerts;
        final Map<String, int[]> byShape = new LinkedHashMap<>(); // shape -> {incidents, detected}
        final List<Integer> delays = new ArrayList<>();
        final List<Integer> minuteLevelDelays = new ArrayList<>();

        synchronized void add(Tally other) {
            falseAlerts += other.falseAlerts;
            quietFalseAlerts += other.quietFalseAlerts;
            for (int w = 0; w < falseByWeek.length; w++) {
                falseByWeek[w] += other.falseByWeek[w];
            }
            holidayFalseAlerts += other.holidayFalseAlerts;
            trueAlerts += other.trueAlerts;
            other.byShape.forEach((k, v) -> {
                int[] mine = byShape.computeIfAbsent(k, x -> new int[2]);
                mine[0] += v[0];
                mine[1] += v[1];
            });
            delays.addAll(other.delays);
            minuteLevelDelays.addAll(other.minuteLevelDelays);
        }

        /** Scores one series' anomalous minutes (index 0 is minute {@code from}). */
        void score(NoisySeries.Series s, boolean[] anomalous, int from) {
            int lastAnomalous = Integer.MIN_VALUE / 2;
            for (int i = 0; i < anomalous.length; i++) {
                if (!anomalous[i]) {
                    continue;
                }
                int m = from + i;
                if (i - lastAnomalous > ALERT_GAP) {
                    boolean inside = s.incidents().stream().anyMatch(x -> m >= x.start() && m < x.end());
                    if (inside) {
                        trueAlerts++;
                    } else {
                        falseAlerts++;
                        quietFalseAlerts += s.quiet() ? 1 : 0;
                        falseByWeek[Math.min(falseByWeek.length - 1, m / (7 * NoisySeries.DAY))]++;
                        holidayFalseAlerts += m / NoisySeries.DAY == s.holiday() ? 1 : 0;
                    }
                }
                lastAnomalous = i;
            }
            for (NoisySeries.Incident x : s.incidents()) {
                int[] shape = byShape.computeIfAbsent(x.shape().wireName(), k -> new int[2]);
                shape[0]++;
                for (int m = Math.max(x.start(), from); m < x.end(); m++) {
                    if (anomalous[m - from]) {
                        shape[1]++;
                        delays.add(m - x.start());
                        if (x.shape() == NoisySeries.Shape.DROP || x.shape() == NoisySeries.Shape.SPIKE) {
                            minuteLevelDelays.add(m - x.start());
                        }
                        break;
                    }
                }
            }
        }

        Map<String, Object> figures(long seriesDays) {
            Map<String, Object> f = new LinkedHashMap<>();
            int incidents = byShape.values().stream().mapToInt(v -> v[0]).sum();
            int detected = byShape.values().stream().mapToInt(v -> v[1]).sum();
            f.put("false_alerts_per_1k_series_days", BenchResults.round(1000.0 * falseAlerts / seriesDays));
            f.put("incidents_detected_share", BenchResults.round(incidents == 0 ? 1 : (double) detected / incidents));
            f.put("detection_delay_p50_minutes", percentile(delays, 0.5));
            f.put("detection_delay_p95_minutes", percentile(delays, 0.95));
            f.put("minute_level_delay_p50_minutes", percentile(minuteLevelDelays, 0.5));
            f.put("false_alerts", falseAlerts);
            f.put("false_alerts_on_holidays", holidayFalseAlerts);
            f.put("false_alerts_on_quiet_series", quietFalseAlerts);
            f.put("false_alerts_by_week", falseByWeek.clone());
            f.put("true_alerts", trueAlerts);
            Map<String, Object> shapes = new LinkedHashMap<>();
            byShape.forEach((k, v) -> shapes.put(k, Map.of("incidents", v[0], "detected", v[1])));
            f.put("by_shape", shapes);
            return f;
        }

        private static Object percentile(List<Integer> values, double q) {
            if (values.isEmpty()) {
                return null;
            }
            int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        }
    }

    @Override
    public Integer call() throws Exception {
        if (series < 1 || days < 9) {
            throw new IllegalArgumentException("need --series >= 1 and --days >= 9");
        }
        Sensitivity level = Sensitivity.fromWire(sensitivity);
        NoisySeries.Options options = new NoisySeries.Options(days, dispersion, 0.2, 0.6, 0.3, 7);
        int from = 7 * NoisySeries.DAY;
        long seriesDays = (long) series * (days - 7);
        List<Integer> runs = new ArrayList<>();
        runs.add(HistoryPlan.DEFAULT.persistence());
        persistences.stream().filter(p -> !runs.contains(p)).forEach(runs::add);
        MinuteDetector legacy = MinuteDetector.of(SampleKind.COUNT, Direction.BOTH, level, null);
        List<BaselineDetector> seasonal = runs.stream()
                .map(p -> BaselineDetector.of(
                        SampleKind.COUNT, Direction.BOTH, level, null, HistoryPlan.DEFAULT.withPersistence(p)))
                .toList();
        Tally legacyTally = new Tally();
        List<Tally> seasonalTallies = runs.stream().map(p -> new Tally()).toList();
        results.progress(
                "detection: %d series over %d days (dispersion %s, %s), seasonal at persistence %s and legacy",
                series, days, dispersion, level.wireName(), runs);
        long start = System.nanoTime();
        int[] done = {0};
        IntStream.range(0, series).parallel().forEach(index -> {
            NoisySeries.Series s = NoisySeries.generate(seed, index, options);
            long[] counts = s.counts();
            int n = counts.length - from;
            boolean[] old = new boolean[n];
            for (int i = 0; i < n; i++) {
                int m = from + i;
                old[i] = legacy.evaluate(
                                Sample.count(counts[m]),
                                Sample.count(counts[m - 1]),
                                Sample.count(counts[m - NoisySeries.DAY]),
                                Sample.count(counts[m - 7 * NoisySeries.DAY]))
                        .anomalous();
            }
            Tally t = new Tally();
            t.score(s, old, from);
            legacyTally.add(t);
            for (int d = 0; d < seasonal.size(); d++) {
                boolean[] anomalous = replay(seasonal.get(d), counts, from);
                Tally st = new Tally();
                st.score(s, anomalous, from);
                seasonalTallies.get(d).add(st);
            }
            synchronized (done) {
                if (++done[0] % Math.max(1, series / 10) == 0) {
                    results.progress("detection: %d of %d series", done[0], series);
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        results.put("series", series);
        results.put("days", days);
        results.put("evaluated_series_days", seriesDays);
        results.put("dispersion", dispersion);
        results.put("sensitivity", level.wireName());
        results.put("data", "simulated (NoisySeries): gamma-Poisson counts, bursts, quiet series, holidays");
        results.put("seasonal", seasonalTallies.get(0).figures(seriesDays));
        results.put("legacy", legacyTally.figures(seriesDays));
        Map<String, Object> byPersistence = new LinkedHashMap<>();
        for (int d = 0; d < runs.size(); d++) {
            byPersistence.put(
                    Integer.toString(runs.get(d)), seasonalTallies.get(d).figures(seriesDays));
        }
        results.put("seasonal_by_persistence", byPersistence);
        summary("seasonal", seasonalTallies.get(0), seriesDays);
        summary("legacy", legacyTally, seriesDays);
        for (int d = 1; d < runs.size(); d++) {
            summary("seasonal_persistence_" + runs.get(d), seasonalTallies.get(d), seriesDays);
        }
        results.put("seconds", BenchResults.round(seconds));
        results.write("Detection benchmark (simulated data)", out);
        return 0;
    }

    private void summary(String name, Tally tally, long seriesDays) {
        Map<String, Object> f = tally.figures(seriesDays);
        for (String key : List.of(
                "false_alerts_per_1k_series_days",
                "incidents_detected_share",
                "detection_delay_p50_minutes",
                "detection_delay_p95_minutes")) {
            results.put(name + "." + key, f.get(key));
        }
    }

    /** The seasonal detector's verdict on every minute from {@code from} on. */
    static boolean[] replay(BaselineDetector detector, long[] counts, int from) {
        long[] offsets = detector.plan().offsets();
        long[] successes = new long[offsets.length];
        long[] attempts = new long[offsets.length];
        boolean[] anomalous = new boolean[counts.length - from];
        for (int m = from; m < counts.length; m++) {
            for (int k = 0; k < offsets.length; k++) {
                int at = m - (int) (offsets[k] / 60);
                attempts[k] = at >= 0 ? counts[at] : -1;
            }
            anomalous[m - from] = detector.evaluate(successes, attempts).anomalous();
        }
        return anomalous;
    }
}
