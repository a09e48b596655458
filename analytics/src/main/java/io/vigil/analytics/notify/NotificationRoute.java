package io.vigil.analytics.notify;

import java.util.Map;

/**
 * Where alerts go: every alert whose dimensions (and {@code monitor}, the monitor id) match {@code match} is sent to
 * {@code url}. An empty match, or a value {@code *}, matches everything. Configured as
 * {@code vigil.monitoring.routes[n]}.
 */
public record NotificationRoute(Map<String, String> match, String url, Format format) {

    /** Slack incoming-webhook JSON, or Vigil's own documented JSON. */
    public enum Format {
        SLACK,
        GENERIC
    }

    public NotificationRoute {
        match = match == null ? Map.of() : Map.copyOf(match);
        format = format == null ? Format.SLACK : format;
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("a notification route needs an http(s) url, not " + url);
        }
    }

    boolean matches(Map<String, String> alert) {
        for (Map.Entry<String, String> m : match.entrySet()) {
            if (!m.getValue().equals("*") && !m.getValue().equals(alert.get(m.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
