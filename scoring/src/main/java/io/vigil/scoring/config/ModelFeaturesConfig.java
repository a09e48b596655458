package io.vigil.scoring.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.scoring.features.EntityLinks;
import io.vigil.scoring.model.EntityHistory;
import io.vigil.scoring.model.FeatureVectors;
import io.vigil.scoring.model.ModelInputs;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The node's entity history (long windows, label risk) and the model inputs read from it. */
@Configuration(proxyBeanMethods = false)
class ModelFeaturesConfig {

    private static final Logger log = LoggerFactory.getLogger(ModelFeaturesConfig.class);

    @Bean
    EntityHistory entityHistory(MeterRegistry meters) {
        EntityHistory history = new EntityHistory(Clock.systemUTC());
        Gauge.builder("vigil.features.history.entities", history, EntityHistory::entities)
                .description("Entities the long windows and label risk are kept for")
                .register(meters);
        return history;
    }

    @Bean
    ModelInputs modelInputs(EntityHistory history) {
        return new FeatureVectors(history);
    }

    @Bean
    HistoryExpiry historyExpiry(EntityHistory history, EntityLinks links) {
        return new HistoryExpiry(history, links);
    }

    /** Forgets entities idle for a month of event time, and links older than 30 days, once an hour. */
    static final class HistoryExpiry {
        private final EntityHistory history;
        private final EntityLinks links;

        HistoryExpiry(EntityHistory history, EntityLinks links) {
            this.history = history;
            this.links = links;
        }

        @Scheduled(fixedDelayString = "1h", initialDelayString = "1h")
        void expire() {
            int removed = history.expireIdle();
            if (removed > 0) {
                log.info("Entity history: forgot {} idle entities, {} remain", removed, history.entities());
            }
            int unlinked = links.expireIdle();
            if (unlinked > 0) {
                log.info(
                        "Entity links: forgot {} entities with no link in 30 days, {} remain",
                        unlinked,
                        links.entities());
            }
        }
    }
}
