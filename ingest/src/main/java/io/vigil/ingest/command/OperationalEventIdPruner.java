package io.vigil.ingest.command;

import io.vigil.ingest.config.IngestSettings;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets operational event ids older than {@code vigil.ingest.event-id-retention}, so the table stays bounded. */
@Component
class OperationalEventIdPruner {

    private static final Logger log = LoggerFactory.getLogger(OperationalEventIdPruner.class);

    private final JdbcTemplate jdbc;
    private final IngestSettings settings;
    private final Clock clock = Clock.systemUTC();

    OperationalEventIdPruner(JdbcTemplate jdbc, IngestSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void prune() {
        Timestamp before = Timestamp.from(clock.instant().minus(settings.eventIdRetention()));
        int pruned = jdbc.update("DELETE FROM operational_event_ids WHERE received_at < ?", before);
        if (pruned > 0) {
            log.info("Forgot {} operational event ids older than {}", pruned, settings.eventIdRetention());
        }
    }
}
