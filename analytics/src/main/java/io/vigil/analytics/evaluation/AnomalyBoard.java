package io.vigil.analytics.evaluation;

import io.vigil.analytics.api.AnomalousSeries;
import io.vigil.analytics.api.FindAnomaliesQuery;
import io.vigil.analytics.api.MonitorAnomalies;
import io.vigil.analytics.evaluation.SeriesEvaluation.Anomaly;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** What the last evaluation of each monitor found: the console's "anomalous now" overview. */
@Component
class AnomalyBoard {

    private record Latest(Instant minute, List<Anomaly> anomalies, int series) {}

    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    void record(String monitorId, Instant minute, List<Anomaly> anomalies, int series) {
        latest.put(monitorId, new Latest(minute, List.copyOf(anomalies), series));
    }

    @QueryHandler
    MonitorAnomalies handle(FindAnomaliesQuery query) {
        List<AnomalousSeries> list = new ArrayList<>();
        Map<String, Integer> seriesCounts = new java.util.TreeMap<>();
        Instant minute = null;
        for (Map.Entry<String, Latest> entry : latest.entrySet()) {
            Latest l = entry.getValue();
            seriesCounts.put(entry.getKey(), l.series());
            minute = minute == null || l.minute().isAfter(minute) ? l.minute() : minute;
            for (Anomaly a : l.anomalies()) {
                list.add(new AnomalousSeries(entry.getKey(), a.series(), l.minute(), a.observation()));
            }
        }
        list.sort((a, b) ->
                Double.compare(b.observation().score(), a.observation().score()));
        return new MonitorAnomalies(minute, seriesCounts, list);
    }
}
