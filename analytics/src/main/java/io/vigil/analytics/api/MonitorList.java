package io.vigil.analytics.api;

import java.util.List;
import java.util.Optional;

/** The answer to {@link FindMonitorsQuery}. */
public record MonitorList(List<MonitorSummary> monitors) {

    public Optional<MonitorSummary> first() {
        return monitors.stream().findFirst();
    }
}
