package io.vigil.analytics.api;

/** Every event of a monitor's life, so projections can sequence them by monitor id. */
public sealed interface MonitorEvent
        permits MonitorCreatedEvent, MonitorChangedEvent, MonitorPausedEvent, MonitorResumedEvent, MonitorDeletedEvent {
    String monitorId();
}
