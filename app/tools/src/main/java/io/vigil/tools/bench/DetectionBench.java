package io.vigil.tools.bench;

import io.vigil.analytics.api.BaselineDetector;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.Grain;
import io.vigil.analytics.api.HistoryPlan;
import io.vigil.analytics.api.IncidentTracker;
import io.vigil.analytics.api.MinuteDetector;
import io.vigil.analytics.api.Sample;
import io.vigil.analytics.api.SampleKind;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.api.Verdict;
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
 * labelled incidents, runs today's seasonal detector at every grain (minutes, 5 minutes, hours, days; and at several
 * minute persistences, and at the minute grain alone) and the previous single-reference detector ({@code legacy})
 * over every minute after the first week, and writes {@code target/bench/detection.json}.
 *
 * <p>Scored per incident, as a monitor raises alerts: the anomalous verdicts of a series, at every grain, go through
 * an {@link IncidentTracker} (closed after {@value #QUIET_MINUTES} quiet minutes), and each incident it makes is one
 * alert. An alert is true when the minutes it covers (from the first minute of the earliest sample judged anomalous
 * to the last anomalous one) overlap a labelled incident, false otherwise (a holiday, a burst, noise). A labelled
 * incident is detected when an alert overlaps it; its delay is from its start to that alert's first verdict.
 */
@Command(
        name = "detection",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = "Detection benchmark, offline: false alerts, incidents found and time to detect of the seasonal"
                + " and the legacy detector on simulated series with labelled incidents.")
final class DetectionBench implements Callable<Integer> {

    /**
     * Minutes without an anomalous verdict after which a series' incident closes: long enough that a level shift of
     * hours, which the minutes see on and off, stays one incident until its next hour is judged.
     */
    static final int QUIET_MINUTES = 30;

    /** The grains the seasonal detector judges. */
    static final List<Grain> GRAINS = List.of(Grain.MINUTE, Grain.FIVE_MINUTES, Grain.HOUR, Grain.DAY);

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
            description = "minute persistences to evaluate the seasonal detector at, besides the default")
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
        final Map<String, long[]> byFirstGrain = new LinkedHashMap<>(); // grain -> {true, false}
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
            other.byFirstGrain.forEach((k, v) -> {
                long[] mine = byFirstGrain.computeIfAbsent(k, x -> new long[2]);
                mine[0] += v[0];
                mine[1] += v[1];
            });
            delays.addAll(other.delays);
            minuteLevelDelays.addAll(other.minuteLevelDelays);
        }

        /** Scores one series' incidents (minutes counted from the series' start). */
        void score(NoisySeries.Series s, List<IncidentTracker.Incident<Integer>> incidents) {
            for (IncidentTracker.Incident<Integer> alert : incidents) {
                boolean inside = s.incidents().stream().anyMatch(x -> overlaps(alert, x));
                long[] grain = byFirstGrain.computeIfAbsent(alert.firstGrain().wireName(), k -> new long[2]);
                if (inside) {
                    trueAlerts++;
                    grain[0]++;
                } else {
                    falseAlerts++;
                    grain[1]++;
                    quietFalseAlerts += s.quiet() ? 1 : 0;
                    falseByWeek[(int) Math.min(falseByWeek.length - 1, alert.detectedAt() / (7 * NoisySeries.DAY))]++;
                    holidayFalseAlerts += alert.detectedAt() / NoisySeries.DAY == s.holiday() ? 1 : 0;
                }
            }
            for (NoisySeries.Incident x : s.incidents()) {
                int[] shape = byShape.computeIfAbsent(x.shape().wireName(), k -> new int[2]);
                shape[0]++;
                incidents.stream()
                        .filter(alert -> overlaps(alert, x))
                        .mapToLong(IncidentTracker.Incident::detectedAt)
                        .min()
                        .ifPresent(first -> {
                            shape[1]++;
                            int delay = (int) Math.max(0, first - x.start());
                            delays.add(delay);
                            if (x.shape() == NoisySeries.Shape.DROP || x.shape() == NoisySeries.Shape.SPIKE) {
                                minuteLevelDelays.add(delay);
                            }
                        });
            }
        }

        private static boolean overlaps(IncidentTracker.Incident<Integer> alert, NoisySeries.Incident x) {
            return alert.firstMinute() < x.end() && alert.lastAnomalousMinute() >= x.start();
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
            f.put(
                    "true_alerts_per_detected_incident",
                    BenchResults.round(detected == 0 ? 0 : (double) trueAlerts / detected));
            Map<String, Object> shapes = new LinkedHashMap<>();
            byShape.forEach((k, v) -> shapes.put(k, Map.of("incidents", v[0], "detected", v[1])));
            f.put("by_shape", shapes);
            Map<String, Object> grains = new LinkedHashMap<>();
            byFirstGrain.forEach((k, v) -> grains.put(k, Map.of("true_alerts", v[0], "false_alerts", v[1])));
            f.put("alerts_by_first_grain", grains);
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

    /** A detector as the benchmark runs it: a name and, for each series, its anomalous verdicts made incidents. */
    record Run(String name, BaselineDetector seasonal, List<Grain> grains, Tally tally) {}

    @Override
    public Integer call() throws Exception {
        if (series < 1 || days < 9) {
            throw new IllegalArgumentException("need --series >= 1 and --days >= 9");
        }
        Sensitivity level = Sensitivity.fromWire(sensitivity);
        NoisySeries.Options options = new NoisySeries.Options(days, dispersion, 0.2, 0.6, 0.3, 7);
        int from = 7 * NoisySeries.DAY;
        long seriesDays = (long) series * (days - 7);
        int persistence = HistoryPlan.DEFAULT.persistence();
        List<Run> runs = new ArrayList<>();
        runs.add(new Run("seasonal", seasonal(level, persistence), GRAINS, new Tally()));
        runs.add(new Run(
                "seasonal_minute_grain_only", seasonal(level, persistence), List.of(Grain.MINUTE), new Tally()));
        persistences.stream()
                .filter(p -> p != persistence)
                .distinct()
                .forEach(p -> runs.add(new Run("seasonal_persistence_" + p, seasonal(level, p), GRAINS, new Tally())));
        MinuteDetector legacy = MinuteDetector.of(SampleKind.COUNT, Direction.BOTH, level, null);
        Tally legacyTally = new Tally();
        results.progress(
                "detection: %d series over %d days (dispersion %s, %s): %s and legacy",
                series,
                days,
                dispersion,
                level.wireName(),
                runs.stream().map(Run::name).toList());
        long start = System.nanoTime();
        int[] done = {0};
        IntStream.range(0, series).parallel().forEach(index -> {
            NoisySeries.Series s = NoisySeries.generate(seed, index, options);
            long[] counts = s.counts();
            IncidentTracker<Integer> old = new IncidentTracker<>(QUIET_MINUTES);
            List<IncidentTracker.Incident<Integer>> oldIncidents = new ArrayList<>();
            for (int m = from; m < counts.length; m++) {
                Verdict v = legacy.evaluate(
                        Sample.count(counts[m]),
                        Sample.count(counts[m - 1]),
                        Sample.count(counts[m - NoisySeries.DAY]),
                        Sample.count(counts[m - 7 * NoisySeries.DAY]));
                old.record(index, v, m);
                old.closeQuiet(m).forEach(u -> oldIncidents.add(u.incident()));
            }
            old.openIncidents().forEach(oldIncidents::add);
            Tally t = new Tally();
            t.score(s, oldIncidents);
            legacyTally.add(t);
            for (Run run : runs) {
                Tally st = new Tally();
                st.score(s, incidents(run.seasonal(), run.grains(), counts, from, index));
                run.tally().add(st);
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
        results.put("grains", GRAINS.stream().map(Grain::wireName).toList());
        results.put("quiet_minutes", QUIET_MINUTES);
        results.put("data", "simulated (NoisySeries): gamma-Poisson counts, bursts, quiet series, holidays");
        results.put("seasonal", runs.get(0).tally().figures(seriesDays));
        results.put("legacy", legacyTally.figures(seriesDays));
        for (Run run : runs.subList(1, runs.size())) {
            results.put(run.name(), run.tally().figures(seriesDays));
        }
        summary("seasonal", runs.get(0).tally(), seriesDays);
        summary("legacy", legacyTally, seriesDays);
        for (Run run : runs.subList(1, runs.size())) {
            summary(run.name(), run.tally(), seriesDays);
        }
        results.put("seconds", BenchResults.round(seconds));
        results.write("Detection benchmark (simulated data)", out);
        return 0;
    }

    private static BaselineDetector seasonal(Sensitivity level, int persistence) {
        return BaselineDetector.of(
                SampleKind.COUNT, Direction.BOTH, level, null, HistoryPlan.DEFAULT.withPersistence(persistence));
    }

    private void summary(String name, Tally tally, long seriesDays) {
        Map<String, Object> f = tally.figures(seriesDays);
        for (String key : List.of(
                "false_alerts_per_1k_series_days",
                "incidents_detected_share",
                "detection_delay_p50_minutes",
                "minute_level_delay_p50_minutes",
                "detection_delay_p95_minutes")) {
            results.put(name + "." + key, f.get(key));
        }
    }

    /**
     * The incidents of one series: every minute from {@code from} on, and every coarser grain as it closes, judged by
     * the detector and fed to an {@link IncidentTracker}. The samples of each grain are sums of the minutes.
     */
    static List<IncidentTracker.Incident<Integer>> incidents(
            BaselineDetector minuteDetector, List<Grain> grains, long[] counts, int from, int series) {
        int g = grains.size();
        BaselineDetector[] detectors = new BaselineDetector[g];
        long[][] offsets = new long[g][];
        long[][] sums = new long[g][];
        for (int i = 0; i < g; i++) {
            Grain grain = grains.get(i);
            detectors[i] = minuteDetector.atGrain(grain);
            offsets[i] = detectors[i].plan().offsets(grain);
            sums[i] = sums(counts, grain);
        }
        IncidentTracker<Integer> tracker = new IncidentTracker<>(QUIET_MINUTES);
        // a reopened incident closes again: keep its last state, by the minute it was first detected
        Map<Long, IncidentTracker.Incident<Integer>> incidents = new LinkedHashMap<>();
        long[][] successes = new long[g][];
        long[][] attempts = new long[g][];
        for (int i = 0; i < g; i++) {
            successes[i] = new long[offsets[i].length];
            attempts[i] = new long[offsets[i].length];
        }
        for (int m = from; m < counts.length; m++) {
            for (int i = 0; i < g; i++) {
                Grain grain = grains.get(i);
                if (!grain.closesAt(m)) {
                    continue;
                }
                long index = grain.indexOf(m);
                for (int k = 0; k < offsets[i].length; k++) {
                    long at = index - offsets[i][k];
                    attempts[i][k] = at >= 0 ? sums[i][(int) at] : -1;
                }
                tracker.record(series, detectors[i].evaluate(successes[i], attempts[i]), m);
            }
            tracker.closeQuiet(m).forEach(u -> incidents.put(u.incident().detectedAt(), u.incident()));
        }
        tracker.openIncidents().forEach(i -> incidents.put(i.detectedAt(), i));
        return List.copyOf(incidents.values());
    }

    /** The counts of a grain: sums of its minutes (the last, unfinished sample is never judged). */
    static long[] sums(long[] counts, Grain grain) {
        if (grain == Grain.MINUTE) {
            return counts;
        }
        long[] sums = new long[counts.length / grain.minutes()];
        for (int m = 0; m < sums.length * grain.minutes(); m++) {
            sums[m / grain.minutes()] += counts[m];
        }
        return sums;
    }
}
