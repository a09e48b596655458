package io.vigil.access.api;

import org.axonframework.serialization.Revision;

/** An API key was revoked. */
@Revision("1")
public record ApiKeyRevokedEvent(String keyId, String name, String prefix) {}
