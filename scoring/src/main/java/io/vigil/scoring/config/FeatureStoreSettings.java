package io.vigil.scoring.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much the in-memory feature store may hold.
 *
 * @param maxEntities the most entities (customers, cards, devices, IPs, e-mails and merchants together) held; at it,
 *     those seen least recently are evicted down to 90% of it (about 714 bytes of heap each: the default needs about
 *     2.1 GB)
 */
@ConfigurationProperties("vigil.scoring.feature-store")
public record FeatureStoreSettings(@DefaultValue("3000000") long maxEntities) {

    public FeatureStoreSettings {
        if (maxEntities < 10) {
            throw new IllegalArgumentException("vigil.scoring.feature-store.max-entities must be at least 10");
        }
    }
}
