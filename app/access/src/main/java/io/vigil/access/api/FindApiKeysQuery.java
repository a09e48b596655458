package io.vigil.access.api;

/**
 * The API keys, newest first, answered as an {@link ApiKeyList}.
 *
 * @param includeRevoked whether revoked keys are listed too
 */
public record FindApiKeysQuery(boolean includeRevoked) {}
