package io.vigil.analytics.api;

/**
 * The customers, cards, devices, e-mails and IPs linked to a transaction within two hops over the 30 days up to it,
 * with the fraud labelled in that neighbourhood (answered with {@link LinkedEntities}, from ClickHouse's search tables;
 * empty when the transaction is not projected yet). Two entities are linked when one transaction names both.
 */
public record FindLinkedEntitiesQuery(String transactionId) {

    public FindLinkedEntitiesQuery {
        if (transactionId == null || transactionId.isBlank()) {
            throw new IllegalArgumentException("transactionId is required");
        }
    }
}
