package io.vigil.ingest.config;

import io.vigil.ingest.api.ApiRules;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much decision work Vigil takes on at once.
 *
 * @param maxConcurrentDecisions decisions in progress at once; more wait up to {@code admissionWait}, then are shed
 *     with 503 and {@code Retry-After} rather than queueing up latency
 * @param admissionWait how long a request may wait for a free slot
 * @param eventIdRetention how long operational event ids are kept to ignore repeats; a repeat sent later counts again
 * @param eventMaxAge how far in the past an operational event's time may be; older events are refused (400). With
 *     the 24 hours an event may be ahead, it must fit in {@code eventIdRetention}, so that every repeat of an accepted
 *     event is still recognised: {@code eventMaxAge + 24h <= eventIdRetention}, checked at start-up
 * @param readInterval how often, at most, the event stream is read at its head for the tracking processors (the
 *     ClickHouse projections, notifications); reads catching up go on at once
 * @param readBatchSize most events per read of the event stream
 */
@ConfigurationProperties("vigil.ingest")
public record IngestSettings(
        @DefaultValue("24") int maxConcurrentDecisions,
        @DefaultValue("10ms") Duration admissionWait,
        @DefaultValue("9d") Duration eventIdRetention,
        @DefaultValue("8d") Duration eventMaxAge,
        @DefaultValue("25ms") Duration readInterval,
        @DefaultValue("500") int readBatchSize) {

    public IngestSettings {
        if (maxConcurrentDecisions < 1) {
            throw new IllegalArgumentException("vigil.ingest.max-concurrent-decisions must be at least 1");
        }
        if (eventMaxAge.isNegative() || eventMaxAge.isZero()) {
            throw new IllegalArgumentException("vigil.ingest.event-max-age must be more than zero");
        }
        if (eventMaxAge.plus(ApiRules.MAX_AHEAD).compareTo(eventIdRetention) > 0) {
            throw new IllegalArgumentException("vigil.ingest.event-max-age (" + eventMaxAge + ") plus the "
                    + ApiRules.MAX_AHEAD.toHours() + " hours an event may be ahead must not exceed"
                    + " vigil.ingest.event-id-retention (" + eventIdRetention + "): a repeat of an older event would"
                    + " no longer be recognised and would be counted twice");
        }
        if (readBatchSize < 1) {
            throw new IllegalArgumentException("vigil.ingest.read-batch-size must be at least 1");
        }
    }
}
