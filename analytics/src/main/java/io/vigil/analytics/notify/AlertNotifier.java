package io.vigil.analytics.notify;

import io.vigil.analytics.api.AlertRaisedEvent;
import io.vigil.analytics.api.AlertResolvedEvent;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.MonitorList;
import io.vigil.analytics.api.Observation;
import io.vigil.analytics.config.MonitoringSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Turns raised and resolved alerts into deliveries in the outbox, one per matching route, in the processor's
 * transaction: a delivery is never lost to a crash, and a replayed event finds its deliveries there already. The
 * worker is woken after the commit, so a message leaves within milliseconds when the webhook answers.
 */
@Component
@ProcessingGroup("alert-notifications")
class AlertNotifier {

    private final DeliveryOutbox outbox;
    private final DeliveryWorker worker;
    private final NotificationRouter router;
    private final MonitoringSettings settings;
    private final QueryGateway queries;

    AlertNotifier(
            DeliveryOutbox outbox,
            DeliveryWorker worker,
            NotificationRouter router,
            MonitoringSettings settings,
            QueryGateway queries) {
        this.outbox = outbox;
        this.worker = worker;
        this.router = router;
        this.settings = settings;
        this.queries = queries;
    }

    @EventHandler
    void on(AlertRaisedEvent e, EventMessage<?> message) {
        if (e.silenced()) {
            return;
        }
        notify(
                message.getIdentifier(),
                notice(
                        e.alertId(),
                        e.incident(),
                        e.monitorId(),
                        e.monitorName(),
                        "firing",
                        e.series(),
                        e.minute(),
                        e.observation()));
    }

    @EventHandler
    void on(AlertResolvedEvent e, EventMessage<?> message) {
        if (e.silenced()) {
            return;
        }
        Instant minute = e.minute() != null ? e.minute() : e.resolvedAt();
        notify(
                message.getIdentifier(),
                notice(
                        e.alertId(),
                        e.incident(),
                        e.monitorId(),
                        e.monitorName(),
                        "resolved",
                        e.series(),
                        minute,
                        e.observation()));
    }

    private void notify(String eventId, Incident incident) {
        var routes = router.routesFor(incident.notice());
        for (int i = 0; i < routes.size(); i++) {
            NotificationRoute route = routes.get(i);
            String payload = route.format() == NotificationRoute.Format.SLACK
                    ? SlackMessage.json(incident.notice())
                    : GenericWebhookMessage.json(incident.notice());
            outbox.add(eventId + "#" + i, incident, route, payload);
        }
        if (!routes.isEmpty()) {
            CurrentUnitOfWork.ifStarted(uow -> uow.afterCommit(u -> worker.kick()));
        }
    }

    private Incident notice(
            String alertId,
            int incident,
            String monitorId,
            String monitorName,
            String state,
            Map<String, String> series,
            Instant minute,
            Observation o) {
        var definition = queries.query(FindMonitorsQuery.one(monitorId), ResponseTypes.instanceOf(MonitorList.class))
                .join()
                .first()
                .map(m -> m.definition());
        String metric = definition.map(d -> d.metricLabel()).orElse("metric");
        AlertNotice.Unit unit =
                definition.map(d -> d.isRate()).orElse(false) ? AlertNotice.Unit.RATE : AlertNotice.Unit.COUNT;
        String base = settings.publicUrl().replaceAll("/+$", "");
        String seriesQuery = new TreeMap<>(series)
                .entrySet().stream()
                        .map(s -> enc(s.getKey()) + "=" + enc(s.getValue()))
                        .collect(Collectors.joining("&"));
        String detail = base + "/monitors/" + enc(monitorId) + "/series?" + seriesQuery
                + (seriesQuery.isEmpty() ? "" : "&") + "minute=" + minute;
        String chart = base + "/charts/alert.png?id=" + enc(alertId) + "&incident=" + incident;
        AlertNotice notice = new AlertNotice(
                alertId,
                monitorId,
                monitorName,
                AlertNotice.State.ofWireName(state),
                inMonitorOrder(series, definition.map(d -> d.dimensions()).orElse(java.util.List.of())),
                metric,
                unit,
                o == null ? Double.NaN : o.value(),
                o == null ? Double.NaN : o.expected(),
                o == null ? null : AlertNotice.Reference.ofWireName(o.reference()),
                o == null ? Double.NaN : o.pValue(),
                o == null ? Double.NaN : o.score(),
                minute,
                java.net.URI.create(detail),
                java.net.URI.create(chart));
        return new Incident(alertId, incident, state, notice);
    }

    /** The series' dimensions in the order the monitor declares them, as messages show them. */
    private static Map<String, String> inMonitorOrder(
            Map<String, String> series, java.util.List<io.vigil.analytics.api.Dimension> order) {
        Map<String, String> ordered = new java.util.LinkedHashMap<>();
        for (var d : order) {
            if (series.containsKey(d.wireName())) {
                ordered.put(d.wireName(), series.get(d.wireName()));
            }
        }
        new TreeMap<>(series).forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A notice with the incident it belongs to. */
    record Incident(String alertId, int incident, String kind, AlertNotice notice) {}
}
