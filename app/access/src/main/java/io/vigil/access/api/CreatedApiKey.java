package io.vigil.access.api;

import java.util.Set;

/**
 * The answer to {@link CreateApiKeyCommand}: the only place the key itself ({@code secret}) ever appears.
 *
 * @param keyId the key's id, used to revoke it
 * @param name the name it was given
 * @param prefix the visible start of the key, shown in lists to tell keys apart
 * @param secret the whole key, to send as {@code Authorization: Bearer <secret>}
 * @param scopes what it may do
 * @param webhookSecret the secret the key's webhooks are signed with, {@code null} without a webhook URL; shown only
 *     here, like the key
 */
public record CreatedApiKey(
        String keyId, String name, String prefix, String secret, Set<ApiScope> scopes, String webhookSecret) {

    public CreatedApiKey(String keyId, String name, String prefix, String secret, Set<ApiScope> scopes) {
        this(keyId, name, prefix, secret, scopes, null);
    }

    @Override
    public String toString() {
        return "CreatedApiKey[keyId=" + keyId + ", name=" + name + ", prefix=" + prefix + ", scopes=" + scopes + "]";
    }
}
