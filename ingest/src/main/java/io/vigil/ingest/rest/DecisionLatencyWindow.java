package io.vigil.ingest.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.vigil.ingest.api.DecisionLatency;
import io.vigil.ingest.api.FindDecisionLatencyQuery;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The decision latency of the last minute or so on this node, for the console's overview: a timer
 * ({@code vigil.decision.latency.recent}) whose percentiles (50, 95, 99) are computed over a window that rolls every
 * 20 seconds and spans a minute. The per-decision timer with its histogram stays the source for dashboards.
 */
@Component
class DecisionLatencyWindow {

    private final Timer recent;

    DecisionLatencyWindow(MeterRegistry meters) {
        this.recent = Timer.builder("vigil.decision.latency.recent")
                .description("From a valid request to its stored decision, over about the last minute")
                .publishPercentiles(0.5, 0.95, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(1))
                .distributionStatisticBufferLength(3)
                .register(meters);
    }

    void record(long nanos) {
        recent.record(nanos, TimeUnit.NANOSECONDS);
    }

    @QueryHandler
    DecisionLatency handle(FindDecisionLatencyQuery query) {
        HistogramSnapshot snapshot = recent.takeSnapshot();
        double[] ms = new double[3];
        for (ValueAtPercentile p : snapshot.percentileValues()) {
            int i = p.percentile() < 0.9 ? 0 : p.percentile() < 0.98 ? 1 : 2;
            ms[i] = p.value(TimeUnit.MILLISECONDS);
        }
        // the count is since the start, the percentiles of the window: a window with no decision has them all 0
        return ms[2] == 0
                ? new DecisionLatency(0, 0, 0, 0)
                : new DecisionLatency(snapshot.count(), ms[0], ms[1], ms[2]);
    }
}
