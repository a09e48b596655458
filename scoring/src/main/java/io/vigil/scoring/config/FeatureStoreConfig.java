package io.vigil.scoring.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.scoring.features.FeatureStore;
import io.vigil.scoring.features.InMemoryFeatureStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class FeatureStoreConfig {

    private static final Logger log = LoggerFactory.getLogger(FeatureStoreConfig.class);

    @Bean
    FeatureStore featureStore(MeterRegistry meters) {
        FeatureStore store = new InMemoryFeatureStore();
        Gauge.builder("vigil.features.entities", store, FeatureStore::entities)
                .description("Entities the feature store holds")
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
