package io.vigil.access.api;

import java.util.Set;

/**
 * Create an API key. The handler draws the secret and answers it once, as a {@link CreatedApiKey}; nothing else ever
 * shows it again.
 *
 * @param name what the key is for ({@code checkout-eu}), 1 to 100 printable characters
 * @param scopes what the key may do; none named means {@link ApiScope#defaults()}
 * @param ratePerSecond the requests a second the key may make on average, or {@code null} for no limit
 * @param burst how many requests the key may make at once above that rate, or {@code null} for one second's worth
 * @param webhookUrl where Vigil posts this key's webhooks ({@code transaction.reviewed}), an absolute http(s) URL, or
 *     {@code null} for none; with one, the handler also draws the webhook's signing secret and answers it once
 */
public record CreateApiKeyCommand(
        String name, Set<ApiScope> scopes, Integer ratePerSecond, Integer burst, String webhookUrl) {

    public CreateApiKeyCommand(String name, Set<ApiScope> scopes, Integer ratePerSecond, Integer burst) {
        this(name, scopes, ratePerSecond, burst, null);
    }

    public CreateApiKeyCommand {
        scopes = scopes == null || scopes.isEmpty() ? ApiScope.defaults() : Set.copyOf(scopes);
    }
}
