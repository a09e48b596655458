package io.vigil.scoring.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.scoring.features.EntityLinks;
import io.vigil.scoring.features.FeatureStore;
import io.vigil.scoring.features.InMemoryFeatureStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeatureStoreSettings.class)
class FeatureStoreConfig {

    private static final Logger log = LoggerFactory.getLogger(FeatureStoreConfig.class);

    /** The linked entities behind {@code features.graph.*}, fed with the entity history (30 days, with labels). */
    @Bean
    EntityLinks entityLinks(MeterRegistry meters) {
        EntityLinks links = new EntityLinks(Clock.systemUTC());
        Gauge.builder("vigil.features.links.entities", links, EntityLinks::entities)
                .description("Entities the linked-entity features (features.graph.*) keep links for")
                .register(meters);
        return links;
    }

    @Bean
    FeatureStore featureStore(MeterRegistry meters, FeatureStoreSettings settings, EntityLinks links) {
        InMemoryFeatureStore store = new InMemoryFeatureStore(Clock.systemUTC(), settings.maxEntities(), links);
        Gauge.builder("vigil.features.entities", store, FeatureStore::entities)
                .description("Entities the feature store holds")
                .register(meters);
        FunctionCounter.builder("vigil.features.evicted", store, InMemoryFeatureStore::evicted)
                .description("Entities evicted because the feature store reached vigil.scoring.feature-store"
                        + ".max-entities (idle expiry not included)")
                .register(meters);
        return store;
    }

    @Bean
    FeatureStoreExpiry featureStoreExpiry(FeatureStore store) {
        return new FeatureStoreExpiry(store);
    }

    /** Forgets entities idle for over a day of event time, once a minute. */
    static final class FeatureStoreExpiry {
        private final FeatureStore store;

        FeatureStoreExpiry(FeatureStore store) {
            this.store = store;
        }

        @Scheduled(fixedDelayString = "1m", initialDelayString = "1m")
        void expire() {
            int removed = store.expireIdle();
            if (removed > 0) {
                log.info("Feature store: forgot {} idle entities, {} remain", removed, store.entities());
            }
        }
    }
}
