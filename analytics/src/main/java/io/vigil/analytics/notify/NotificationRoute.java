package io.vigil.analytics.notify;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where the alerts of some series go, and in which format. Teams own merchants or countries, not monitors, so a route
 * selects alerts by the series' dimensions (and by monitor under the key {@value NotificationRouter#MONITOR}): {@code
 * match: {merchant: m-42}} sends the alerts about merchant m-42 to the route's URL.
 *
 * <p>Every entry of {@code match} must hold for an alert: the alert has that dimension with exactly that value
 * (case-sensitive), or the entry's value is {@value #ANY}, which matches any value and also a missing dimension. An
 * empty or absent {@code match} matches every alert.
 *
 * <p>A plain record, so that Spring Boot binds a list of routes from {@code application.yml}. The URL of a Slack
 * incoming webhook is a secret: it is never part of a delivery's error message, of a log line, of the API or of the
 * console, which name the route by its {@code name} and the receiver by host and port. A route without a name is
 * called {@code route-<index>} after its place in the list ({@link NotificationRouter}).
 *
 * @param name how deliveries and logs name the route; null or blank for {@code route-<index>}
 */
public record NotificationRoute(String name, Map<String, String> match, URI url, Format format) {

    /** The value that matches anything. */
    public static final String ANY = "*";

    /** The message format the receiver understands. */
    public enum Format {
        /** {@link SlackMessage}, for a Slack incoming webhook. */
        SLACK,
        /** {@link GenericWebhookMessage}, for any other receiver. */
        GENERIC
    }

    public NotificationRoute {
        name = name == null || name.isBlank() ? null : name.strip();
        if (name != null && name.length() > 200) {
            throw new IllegalArgumentException("a notification route's name has at most 200 characters");
        }
        match = match == null ? Map.of() : Map.copyOf(match);
        Objects.requireNonNull(url, "a notification route needs a url");
        Objects.requireNonNull(format, "a notification route needs a format (SLACK or GENERIC)");
    }

    /** This route under another name. */
    NotificationRoute named(String newName) {
        return new NotificationRoute(newName, match, url, format);
    }

    /** The receiver's host and port, {@code hooks.slack.com:443}: what may be shown of the URL. */
    public String host() {
        return WebhookSender.receiver(url);
    }

    /** Whether an alert on a series with these attributes (dimensions and {@code monitor}) goes this way. */
    public boolean matches(Map<String, String> attributes) {
        for (Map.Entry<String, String> entry : match.entrySet()) {
            if (!ANY.equals(entry.getValue()) && !entry.getValue().equals(attributes.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
