package io.vigil.patterns.api;

import java.time.Instant;

/**
 * One value on an allow or block list.
 *
 * @param list {@code allow} or {@code block}
 * @param kind what the value is: {@code card} (fingerprint), {@code card_bin}, {@code email}, {@code device},
 *     {@code ip} or {@code customer}
 * @param expiresAt when the entry stops applying, or null for never
 */
public record ListEntry(String id, String list, String kind, String value, Instant expiresAt, String reason) {}
