package io.vigil.ingest.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The review queue's settings.
 *
 * @param claimTimeout how long an analyst's claim on a transaction in the queue lasts; claiming again extends it
 * @param webhookFirstRetry the wait before a failed {@code transaction.reviewed} webhook is posted again; each
 *     further failure doubles it, up to {@code webhookMaxRetry}
 * @param webhookMaxRetry the longest wait between two posts of one webhook
 * @param webhookMaxAttempts how many times a webhook is posted before it is given up (marked failed)
 * @param webhookTimeout how long one post may take, connecting included
 */
@ConfigurationProperties("vigil.reviews")
public record ReviewSettings(
        @DefaultValue("15m") Duration claimTimeout,
        @DefaultValue("1s") Duration webhookFirstRetry,
        @DefaultValue("1h") Duration webhookMaxRetry,
        @DefaultValue("20") int webhookMaxAttempts,
        @DefaultValue("10s") Duration webhookTimeout) {

    public ReviewSettings {
        if (claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException("vigil.reviews.claim-timeout must be more than zero");
        }
        if (webhookFirstRetry.isNegative()
                || webhookFirstRetry.isZero()
                || webhookMaxRetry.compareTo(webhookFirstRetry) < 0) {
            throw new IllegalArgumentException(
                    "vigil.reviews.webhook-first-retry must be more than zero and at most vigil.reviews.webhook-max-retry");
        }
        if (webhookMaxAttempts < 1) {
            throw new IllegalArgumentException("vigil.reviews.webhook-max-attempts must be at least 1");
        }
    }
}
