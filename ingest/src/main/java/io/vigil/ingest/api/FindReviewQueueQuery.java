package io.vigil.ingest.api;

import java.math.BigDecimal;

/**
 * A page of the pending review queue, answered with a {@link ReviewQueuePage}. Each filter is optional
 * ({@code null}): the merchant id exactly, a pattern that matched, and an amount range in the transaction's own
 * currency units, both ends included.
 *
 * @param page from 0
 * @param size 1 to {@link #MAX_SIZE}
 */
public record FindReviewQueueQuery(
        String merchantId,
        String patternId,
        BigDecimal minAmount,
        BigDecimal maxAmount,
        ReviewQueueOrder order,
        int page,
        int size) {

    public static final int MAX_SIZE = 200;

    public FindReviewQueueQuery {
        order = order == null ? ReviewQueueOrder.OLDEST : order;
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }
}
