package io.vigil.analytics.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ClickHouseSettings.class, MonitoringSettings.class})
class ClickHouseConfig {

    /** Routes alerts to webhooks as {@code vigil.monitoring.routes} says. */
    @org.springframework.context.annotation.Bean
    io.vigil.analytics.notify.NotificationRouter notificationRouter(MonitoringSettings settings) {
        return new io.vigil.analytics.notify.NotificationRouter(settings.routes());
    }

    /**
     * A failing projection must stop and retry its batch rather than log and move its token past events it did not
     * write (Axon's default for event handlers).
     */
    @Autowired
    void retryFailedProjectionBatches(EventProcessingConfigurer processing) {
        for (String group : new String[] {"clickhouse-transactions", "clickhouse-operations"}) {
            processing.registerListenerInvocationErrorHandler(
                    group, configuration -> PropagatingErrorHandler.instance());
        }
    }
}
