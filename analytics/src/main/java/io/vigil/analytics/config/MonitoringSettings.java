package io.vigil.analytics.config;

import io.vigil.analytics.notify.NotificationRoute;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How monitors are evaluated.
 *
 * @param evaluationDelay how long after a minute ends it is evaluated: long enough for its last events to reach the
 *     rollups (the projection pause plus an insert), short enough to alert within a second
 * @param maxLag minutes that closed longer ago than this are not evaluated live (after downtime, say); backtests
 *     cover them
 * @param publicUrl the address people reach this Vigil at, for links and chart images in notifications
 * @param chartMinutes how many minutes a chart shows, ending a little after the minute it is about
 * @param enabled false stops live evaluation (backtests still work)
 * @param routes where alerts are sent (Slack or generic JSON webhooks), matched on the alert's dimensions
 */
@ConfigurationProperties("vigil.monitoring")
public record MonitoringSettings(
        @DefaultValue("600ms") Duration evaluationDelay,
        @DefaultValue("5m") Duration maxLag,
        @DefaultValue("http://127.0.0.1:8080") String publicUrl,
        @DefaultValue("90") int chartMinutes,
        @DefaultValue("true") boolean enabled,
        List<NotificationRoute> routes) {

    public MonitoringSettings {
        routes = routes == null ? List.of() : List.copyOf(routes);
    }
}
