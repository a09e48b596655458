package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An operator silenced the alert, replacing any earlier silence. Exactly one of {@code until}, {@code untilResolved}
 * and {@code window} is set, as in {@link SilenceAlertCommand}. An {@code until} silence ends by the passing of time,
 * with no further event; an {@code untilResolved} one ends with the {@link AlertResolvedEvent} of the incident open
 * now.
 */
@Revision("1")
public record AlertSilencedEvent(
        String alertId,
        String by,
        Instant until,
        boolean untilResolved,
        MaintenanceWindow window,
        String reason,
        Instant silencedAt)
        implements AlertEvent {}
