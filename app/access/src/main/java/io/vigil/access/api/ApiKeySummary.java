package io.vigil.access.api;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * An API key as an admin sees it: everything but the secret.
 *
 * @param lastUsedAt when it last authenticated a request, to within {@code vigil.access.key-last-used-flush}
 * @param webhookUrl where its webhooks go, {@code null} for none (its signing secret is never shown again)
 */
public record ApiKeySummary(
        String keyId,
        String name,
        String prefix,
        Set<ApiScope> scopes,
        Integer ratePerSecond,
        Integer burst,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        String revokedBy,
        Instant lastUsedAt,
        String webhookUrl) {

    public ApiKeySummary {
        // in the scopes' own order (submit, read, manage, admin), as lists show them
        scopes = scopes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
