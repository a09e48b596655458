package io.vigil.analytics.api;

import java.time.Instant;
import java.util.List;

/**
 * A transaction's neighbourhood (see {@link FindLinkedEntitiesQuery}): its own entities (hop 0), the entities that
 * shared a transaction with them (hop 1) and those that shared one with a hop-1 entity (hop 2), over {@code [from, to]}.
 *
 * <p><b>Bounds.</b> Each entity expanded contributes its {@value #TRANSACTIONS_PER_ENTITY} most recent transactions of
 * the window; at most {@value #ENTITIES_PER_HOP} entities are kept per hop (those of the most recent transactions
 * first), and only those are expanded. {@code truncated} says that a bound left something out.
 *
 * @param entities hop 0 first, then by hop and most recent link
 * @param links which entities shared a transaction, and in how many of the transactions read
 * @param fraudEntities the entities of hop 1 and 2 with at least one fraud-labelled transaction in the window
 */
public record LinkedEntities(
        String transactionId,
        Instant from,
        Instant to,
        List<Entity> entities,
        List<Link> links,
        int fraudEntities,
        boolean truncated) {

    public static final int TRANSACTIONS_PER_ENTITY = 50;
    public static final int ENTITIES_PER_HOP = 40;
    public static final int WINDOW_DAYS = 30;

    public LinkedEntities {
        entities = List.copyOf(entities);
        links = List.copyOf(links);
    }

    /** No neighbourhood: the transaction is unknown to the search tables. */
    public static LinkedEntities none(String transactionId) {
        return new LinkedEntities(transactionId, null, null, List.of(), List.of(), 0, false);
    }

    /** The entities of one hop. */
    public List<Entity> hop(int hop) {
        return entities.stream().filter(e -> e.hop() == hop).toList();
    }

    /**
     * One entity.
     *
     * @param kind {@code customer}, {@code card}, {@code device}, {@code email} or {@code ip}
     * @param transactions its transactions in the window
     * @param fraudTransactions those labelled {@code confirmed_fraud} or {@code chargeback} (the label that counts, as in
     *     search)
     * @param lastSeen its latest transaction in the window
     */
    public record Entity(
            String kind, String value, int hop, long transactions, long fraudTransactions, Instant lastSeen) {

        /** {@code kind:value}, the id links use. */
        public String id() {
            return kind + ":" + value;
        }
    }

    /** Two entities (by {@link Entity#id()}) named together by {@code transactions} of the transactions read. */
    public record Link(String from, String to, int transactions) {}
}
