package io.vigil.access.api;

import java.time.Instant;

/**
 * Every change to a console user, so projections (the audit trail) can sequence them by username. No event carries a
 * password or a password hash.
 */
public sealed interface UserEvent
        permits UserCreatedEvent,
                UserRoleChangedEvent,
                UserDisabledEvent,
                UserEnabledEvent,
                UserPasswordResetEvent,
                UserPasswordChangedEvent {

    String username();

    /** Who made the change: an admin's username, the user themselves, or {@code vigil} for the first admin. */
    String by();

    Instant at();
}
