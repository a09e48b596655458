package io.vigil.access.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How API keys are checked ({@code vigil.access}).
 *
 * @param localKey a key with every scope, kept only in memory, for {@code ./vigil}'s own tools on this host; none when
 *     unset. It must have a key's shape ({@code vgl_<8>_<40>})
 * @param keyRefresh how often each node asks PostgreSQL whether a key was created or revoked (a revoked key is refused
 *     on every node within this time, plus the time a refresh takes)
 * @param keyLastUsedFlush how often the last-used time of the keys in use is written
 */
@ConfigurationProperties("vigil.access")
public record ApiKeySettings(String localKey, Duration keyRefresh, Duration keyLastUsedFlush) {

    public ApiKeySettings {
        localKey = localKey == null || localKey.isBlank() ? null : localKey.strip();
        if (localKey != null && !ApiKeySecret.wellFormed(localKey)) {
            throw new IllegalArgumentException(
                    "vigil.access.local-key must look like an API key: vgl_, 8 lower-case letters or digits, _, then"
                            + " 40 letters or digits");
        }
        keyRefresh = keyRefresh == null ? Duration.ofMillis(250) : keyRefresh;
        keyLastUsedFlush = keyLastUsedFlush == null ? Duration.ofSeconds(30) : keyLastUsedFlush;
        if (keyRefresh.isNegative() || keyRefresh.isZero() || keyRefresh.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException(
                    "vigil.access.key-refresh must be more than 0 and at most 1s, so that a revoked key is refused"
                            + " within a second");
        }
        if (keyLastUsedFlush.isNegative() || keyLastUsedFlush.isZero()) {
            throw new IllegalArgumentException("vigil.access.key-last-used-flush must be more than 0");
        }
    }

    @Override
    public String toString() {
        return "ApiKeySettings[localKey=" + (localKey == null ? "none" : "(set)") + ", keyRefresh=" + keyRefresh
                + ", keyLastUsedFlush=" + keyLastUsedFlush + "]";
    }
}
