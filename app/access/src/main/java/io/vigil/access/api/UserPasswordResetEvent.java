package io.vigil.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An admin gave a user a new one-time password, to be changed at the next sign-in. */
@Revision("1")
public record UserPasswordResetEvent(String username, String by, Instant at) implements UserEvent {}
