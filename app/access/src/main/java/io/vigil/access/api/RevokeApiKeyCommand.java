package io.vigil.access.api;

/** Revoke an API key: from the next refresh of each node's key set (within a second) it gets {@code 401}. */
public record RevokeApiKeyCommand(String keyId) {}
