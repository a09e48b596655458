package io.vigil.patterns.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How each Vigil follows the pattern store's {@code _changes} feed, so that a published change goes live within a
 * second on every node (docs/operations.md, "Patterns").
 *
 * @param enabled off: scoring sees a change only at its next periodic refresh ({@code vigil.scoring.pattern-refresh})
 * @param heartbeat how often the server sends a blank line on an idle long-poll; must be shorter than
 *     {@code vigil.couchdb.socket-timeout-millis}, which then notices a connection that went silent
 * @param reconnectMin the wait before the first reconnection after the feed failed; each further failure doubles it
 * @param reconnectMax the longest wait between reconnections; each reconnection also reloads the set, so a change
 *     made while the feed cannot be followed is seen within about this long once the store answers again
 */
@ConfigurationProperties("vigil.couchdb.changes")
public record PatternChangesSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration heartbeat,
        @DefaultValue("200ms") Duration reconnectMin,
        @DefaultValue("2s") Duration reconnectMax) {

    public PatternChangesSettings {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("vigil.couchdb.changes.heartbeat must be positive");
        }
        if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("vigil.couchdb.changes.reconnect-min (" + reconnectMin
                    + ") must be positive and at most reconnect-max (" + reconnectMax + ")");
        }
    }
}
