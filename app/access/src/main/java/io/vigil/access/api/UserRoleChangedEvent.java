package io.vigil.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user's role changed from {@code from} to {@code to}. */
@Revision("1")
public record UserRoleChangedEvent(String username, Role from, Role to, String by, Instant at) implements UserEvent {}
