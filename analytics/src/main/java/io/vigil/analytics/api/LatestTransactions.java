package io.vigil.analytics.api;

import java.util.List;

public record LatestTransactions(List<TransactionSummary> transactions) {

    public LatestTransactions {
        transactions = List.copyOf(transactions);
    }
}
