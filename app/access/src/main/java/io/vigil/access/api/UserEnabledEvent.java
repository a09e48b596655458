package io.vigil.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A disabled user may sign in again. */
@Revision("1")
public record UserEnabledEvent(String username, String by, Instant at) implements UserEvent {}
