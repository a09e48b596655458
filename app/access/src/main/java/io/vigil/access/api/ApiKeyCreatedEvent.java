package io.vigil.access.api;

import java.util.Set;
import org.axonframework.serialization.Revision;

/** An API key was created (its secret is never in an event). */
@Revision("1")
public record ApiKeyCreatedEvent(
        String keyId, String name, String prefix, Set<ApiScope> scopes, Integer ratePerSecond, Integer burst) {}
