package io.vigil.analytics.api;

/** Marker for every event of the Alert aggregate; projections sequence by {@link #alertId()}. */
public sealed interface AlertEvent
        permits AlertRaisedEvent,
                AlertAcknowledgedEvent,
                AlertResolvedEvent,
                AlertSilencedEvent,
                AlertUnsilencedEvent,
                AlertMarkedEvent {

    String alertId();
}
