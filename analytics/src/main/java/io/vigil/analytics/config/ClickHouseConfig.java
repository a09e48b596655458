package io.vigil.analytics.config;

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
}
