package io.vigil.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user may no longer sign in; their sessions end at their next request. */
@Revision("1")
public record UserDisabledEvent(String username, String by, Instant at) implements UserEvent {}
