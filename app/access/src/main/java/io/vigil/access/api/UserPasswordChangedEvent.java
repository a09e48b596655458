package io.vigil.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user changed their own password ({@code by} is the user). */
@Revision("1")
public record UserPasswordChangedEvent(String username, String by, Instant at) implements UserEvent {}
