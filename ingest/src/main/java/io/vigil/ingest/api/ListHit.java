package io.vigil.ingest.api;

/**
 * An allow or block list entry that matched the transaction.
 *
 * @param list {@code allow} or {@code block}
 * @param kind {@code card}, {@code card_bin}, {@code email}, {@code device}, {@code ip} or {@code customer}
 * @param entryId the id of the list entry in the pattern store
 */
public record ListHit(String list, String kind, String value, String entryId) {}
