package io.vigil.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A console user was created, with a one-time password to change at the first sign-in. */
@Revision("1")
public record UserCreatedEvent(String username, String displayName, Role role, String by, Instant at)
        implements UserEvent {}
