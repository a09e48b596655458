package io.vigil.analytics.notify;

import io.vigil.analytics.config.MonitoringSettings;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Picks the routes an alert goes to, from {@code vigil.monitoring.routes}, in their configured order. */
@Component
public class NotificationRouter {

    private final List<NotificationRoute> routes;

    @org.springframework.beans.factory.annotation.Autowired
    NotificationRouter(MonitoringSettings settings) {
        this(settings.routes());
    }

    public NotificationRouter(List<NotificationRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The routes whose match fits the alert's dimensions (with {@code monitor} = the monitor id). */
    public List<NotificationRoute> routes(Map<String, String> alert) {
        return routes.stream().filter(r -> r.matches(alert)).toList();
    }
}
