package io.vigil.access.keys;

import io.vigil.access.api.ApiScope;
import java.util.Set;

/**
 * The caller of an API request that carried a valid key: what the audit trail records as its actor and what the
 * rate limit is kept per.
 *
 * @param keyId the key's id, never shown as a secret
 * @param name the name an admin gave the key
 * @param prefix the key's visible prefix ({@code vgl_3kf9a2bc})
 * @param scopes what the key may do
 */
public record ApiKeyPrincipal(String keyId, String name, String prefix, Set<ApiScope> scopes) {

    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
    }

    /** How the audit trail and the logs name this caller: {@code key checkout (vgl_3kf9a2bc)}. */
    public String displayName() {
        return "key " + name + " (" + prefix + ")";
    }
}
