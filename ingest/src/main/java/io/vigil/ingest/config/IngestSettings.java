package io.vigil.ingest.config;

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
 * @param readInterval how often, at most, the event stream is read at its head for the tracking processors (the
 *     ClickHouse projections, notifications); reads catching up go on at once
 * @param readBatchSize most events per read of the event stream
 */
@ConfigurationProperties("vigil.ingest")
public record IngestSettings(
        @DefaultValue("24") int maxConcurrentDecisions,
        @DefaultValue("10ms") Duration admissionWait,
        @DefaultValue("7d") Duration eventIdRetention,
        @DefaultValue("25ms") Duration readInterval,
        @DefaultValue("500") int readBatchSize) {

    public IngestSettings {
        if (maxConcurrentDecisions < 1) {
            throw new IllegalArgumentException("vigil.ingest.max-concurrent-decisions must be at least 1");
        }
        if (readBatchSize < 1) {
            throw new IllegalArgumentException("vigil.ingest.read-batch-size must be at least 1");
        }
    }
}
