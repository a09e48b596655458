package io.vigil.analytics.api;

import java.util.List;

/**
 * One page of a transaction search, in the order asked for.
 *
 * @param hasMore whether the search has rows after this page (the next page may still be refused when it reaches past
 *     {@link FindTransactionsQuery#MAX_ROWS})
 */
public record TransactionSearchPage(
        List<TransactionSearchHit> transactions, int page, int size, String sort, boolean hasMore) {

    public TransactionSearchPage {
        transactions = List.copyOf(transactions);
    }
}
