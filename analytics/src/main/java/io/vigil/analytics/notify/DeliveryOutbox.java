package io.vigil.analytics.notify;

import io.vigil.analytics.api.DeliveryStatus;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The notification outbox table: what is to be sent, what was, and what failed, with the last error. */
@Component
class DeliveryOutbox {

    /** A delivery due to be sent; {@code url} is secret (never logged or shown), {@code route} names it. */
    record Due(String deliveryId, String route, String url, String payload, int attempts) {

        /** The route and receiver, for log lines: {@code ops-slack (hooks.slack.com:443)}. */
        String describe() {
            return (route == null ? "route" : route) + " (" + DeliveryOutbox.host(url) + ")";
        }
    }

    private final JdbcTemplate jdbc;

    DeliveryOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String deliveryId, AlertNotifier.Incident incident, NotificationRoute route, String payload) {
        jdbc.update(
                "INSERT INTO notification_delivery (delivery_id, alert_id, incident, kind, route, url, format, payload,"
                        + " status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', now(), now())"
                        + " ON CONFLICT (delivery_id) DO NOTHING",
                deliveryId,
                incident.alertId(),
                incident.incident(),
                incident.kind(),
                route.name(),
                route.url().toString(),
                route.format().name().toLowerCase(java.util.Locale.ROOT),
                payload);
    }

    List<Due> due(int limit) {
        return jdbc.query(
                "SELECT delivery_id, route, url, payload, attempts FROM notification_delivery"
                        + " WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT ?",
                (rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                limit);
    }

    void delivered(String deliveryId, int status) {
        jdbc.update(
                "UPDATE notification_delivery SET status = 'delivered', attempts = attempts + 1, last_status = ?,"
                        + " last_error = NULL, delivered_at = now(), next_attempt_at = NULL WHERE delivery_id = ?",
                status,
                deliveryId);
    }

    /** Records a failed attempt; {@code retryAt} null means no attempts are left. */
    void failed(String deliveryId, int status, String error, Instant retryAt) {
        jdbc.update(
                "UPDATE notification_delivery SET status = ?, attempts = attempts + 1, last_status = ?, last_error = ?,"
                        + " next_attempt_at = ? WHERE delivery_id = ?",
                retryAt == null ? "failed" : "pending",
                status,
                error,
                retryAt == null ? null : Timestamp.from(retryAt),
                deliveryId);
    }

    /** Sends a failed delivery again, at once. */
    int retry(String deliveryId) {
        return jdbc.update(
                "UPDATE notification_delivery SET status = 'pending', next_attempt_at = now() WHERE delivery_id = ?"
                        + " AND status = 'failed'",
                deliveryId);
    }

    List<DeliveryStatus> recent(String alertId, int limit) {
        return jdbc.query(
                "SELECT delivery_id, alert_id, incident, kind, route, url, format, status, attempts, last_status,"
                        + " last_error,"
                        + " created_at, delivered_at, next_attempt_at FROM notification_delivery"
                        + (alertId == null ? "" : " WHERE alert_id = ?")
                        + " ORDER BY created_at DESC LIMIT ?",
                (rs, i) -> new DeliveryStatus(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        host(rs.getString(6)),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getInt(9),
                        (Integer) rs.getObject(10),
                        rs.getString(11),
                        rs.getTimestamp(12).toInstant(),
                        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(),
                        rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant()),
                alertId == null ? new Object[] {limit} : new Object[] {alertId, limit});
    }

    /** What may be shown of a stored webhook URL: its host and port, never its path or query (the secret). */
    static String host(String url) {
        try {
            return WebhookSender.receiver(URI.create(url));
        } catch (IllegalArgumentException notAUri) {
            return "?";
        }
    }
}
