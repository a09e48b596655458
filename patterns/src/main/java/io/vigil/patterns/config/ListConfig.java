package io.vigil.patterns.config;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lists' settings and the snapshots of the ValueList aggregate. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ListSettings.class)
class ListConfig {

    /** Named by {@code @Aggregate(snapshotTriggerDefinition = ...)} on the ValueList aggregate. */
    @Bean
    SnapshotTriggerDefinition valueListSnapshotTrigger(Snapshotter snapshotter, ListSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotEvery());
    }
}
