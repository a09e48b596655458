package io.vigil.analytics.notify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the routes an alert is sent along: every configured route whose match fits the alert, in configuration order.
 * An alert that fits no route is sent nowhere (the console still shows it). Fitting several routes is the point:
 * the merchant's team and the payments team may both want to hear about merchant m-42.
 *
 * <p>An alert is matched on its series' dimensions plus its monitor's id under the key {@value #MONITOR}, so that a
 * route can also follow one monitor. A dimension that is itself called {@value #MONITOR} is shadowed by the monitor id.
 */
public final class NotificationRouter {

    /** The match key that selects alerts by monitor id. */
    public static final String MONITOR = "monitor";

    private final List<NotificationRoute> routes;

    /** A route without a name is called {@code route-<index>}, its place in the list counted from 0. */
    public NotificationRouter(List<NotificationRoute> routes) {
        List<NotificationRoute> named = new ArrayList<>(routes.size());
        for (int i = 0; i < routes.size(); i++) {
            NotificationRoute route = routes.get(i);
            named.add(route.name() == null ? route.named("route-" + i) : route);
        }
        this.routes = List.copyOf(named);
    }

    /** The routes for this alert, in configuration order; empty when none fits. */
    public List<NotificationRoute> routesFor(AlertNotice notice) {
        return routesFor(notice.monitorId(), notice.dimensions());
    }

    /** The routes for an alert of {@code monitorId} on the series with these dimensions. */
    public List<NotificationRoute> routesFor(String monitorId, Map<String, String> dimensions) {
        Map<String, String> attributes = new HashMap<>(dimensions);
        attributes.put(MONITOR, monitorId);
        return routes.stream().filter(route -> route.matches(attributes)).toList();
    }

    /** Every configured route. */
    public List<NotificationRoute> routes() {
        return routes;
    }
}
