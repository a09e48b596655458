package io.vigil.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.analytics.config.MonitoringLimits;
import io.vigil.analytics.store.RollupReader.SeriesRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live evaluator's caps: monitors, series per monitor, long dimension values and alerts per minute. */
class EvaluationCapsTest {

    private static final Instant MINUTE = Instant.parse("2026-11-23T10:15:00Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EvaluationCaps caps = new EvaluationCaps(new MonitoringLimits(2, 3, 10, 2, 5, 10, 100, 10), meters);

    @Test
    void onlyTheFirstMaxMonitorsAreEvaluated() {
        assertThat(caps.monitors(List.of("a", "b"), MINUTE)).containsExactly("a", "b");
        assertThat(capped("monitors")).isZero();

        assertThat(caps.monitors(List.of("a", "b", "c", "d"), MINUTE)).containsExactly("a", "b");
        assertThat(capped("monitors")).isEqualTo(2);
    }

    @Test
    void aMonitorWithMoreSeriesThanTheCapIsJudgedOnThatMany() {
        assertThat(caps.seriesToRead()).isEqualTo(4);
        List<SeriesRow> rows = rows("a", "b", "c", "d");

        assertThat(caps.series("mon-1", MINUTE, rows)).hasSize(3);
        assertThat(capped("series-per-monitor")).isEqualTo(1);
    }

    @Test
    void aSeriesWithAnOverLongDimensionValueIsNotJudged() {
        List<SeriesRow> rows = rows("chrome", "x".repeat(11), "firefox");

        assertThat(caps.series("mon-1", MINUTE, rows))
                .extracting(r -> r.values()[0])
                .containsExactly("chrome", "firefox");
        assertThat(capped("dimension-value-length")).isEqualTo(1);
        assertThat(caps.series("mon-1", MINUTE, rows("exactly-10"))).hasSize(1);
    }

    @Test
    void alertsPerMinuteAreCappedAndTheCountRestartsEachMinute() {
        caps.startMinute(MINUTE);
        assertThat(caps.mayRaise()).isTrue();
        assertThat(caps.mayRaise()).isTrue();
        assertThat(caps.mayRaise()).isFalse();
        assertThat(caps.mayRaise()).isFalse();
        caps.endMinute();
        assertThat(capped("alerts-per-minute")).isEqualTo(2);

        caps.startMinute(MINUTE.plusSeconds(60));
        assertThat(caps.mayRaise()).isTrue();
    }

    private double capped(String cap) {
        var counter = meters.find("vigil.monitoring.capped").tag("cap", cap).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<SeriesRow> rows(String... values) {
        List<SeriesRow> rows = new ArrayList<>();
        for (String v : values) {
            rows.add(new SeriesRow(new String[] {v}, new long[4], new long[] {1, 1, 1, 1}));
        }
        return rows;
    }
}
