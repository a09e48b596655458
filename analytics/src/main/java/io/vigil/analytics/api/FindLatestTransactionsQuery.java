package io.vigil.analytics.api;

/** The most recently recorded transactions with their decisions, newest first; answered with {@link LatestTransactions}. */
public record FindLatestTransactionsQuery(int limit) {

    public FindLatestTransactionsQuery {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500");
        }
    }
}
