package io.vigil.ingest.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The review queue's settings.
 *
 * @param claimTimeout how long an analyst's claim on a transaction in the queue lasts; claiming again extends it
 */
@ConfigurationProperties("vigil.reviews")
public record ReviewSettings(@DefaultValue("15m") Duration claimTimeout) {

    public ReviewSettings {
        if (claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException("vigil.reviews.claim-timeout must be more than zero");
        }
    }
}
