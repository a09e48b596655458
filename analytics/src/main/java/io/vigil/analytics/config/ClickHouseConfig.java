package io.vigil.analytics.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ClickHouseSettings.class, MonitoringSettings.class})
class ClickHouseConfig {

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
