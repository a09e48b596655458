package io.vigil.patterns.api;

import java.time.Instant;

/**
 * One value put on a list by a change, already normalised ({@link ListValues#normalise}).
 *
 * @param expiresAt when the entry stops applying, or null for never
 * @param reason why this value is listed; null when the change's reason says it
 */
public record ListItem(String value, Instant expiresAt, String reason) {}
