package io.vigil.ingest.review;

import io.vigil.ingest.api.ClaimReviewCommand;
import io.vigil.ingest.api.FindReviewItemQuery;
import io.vigil.ingest.api.FindReviewQueueQuery;
import io.vigil.ingest.api.ReleaseReviewClaimCommand;
import io.vigil.ingest.api.ReviewClaimedException;
import io.vigil.ingest.api.ReviewItem;
import io.vigil.ingest.api.ReviewQueuePage;
import io.vigil.ingest.api.ReviewRejectedException;
import io.vigil.ingest.api.ReviewStatus;
import io.vigil.ingest.api.ReviewTransactionCommand;
import io.vigil.ingest.config.ReviewSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The analysts' side of the review queue: claiming and releasing a transaction, reading the queue, and the check,
 * when a {@link ReviewTransactionCommand} is sent, that no other analyst's claim runs on it. A claim is not a
 * business fact (it says who is looking, for a few minutes, and expires by itself), so it lives in the queue's table
 * and not in the Transaction aggregate's event stream; the review it leads to is the aggregate's event.
 */
@Component
class ReviewDesk implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final ReviewQueueTable table;
    private final Duration claimTimeout;

    ReviewDesk(ReviewQueueTable table, ReviewSettings settings, CommandBus commands) {
        this.table = table;
        this.claimTimeout = settings.claimTimeout();
        commands.registerDispatchInterceptor(this);
    }

    @CommandHandler
    void handle(ClaimReviewCommand command) {
        if (command.analyst() == null || command.analyst().isBlank()) {
            throw new ReviewRejectedException("a claim needs an analyst");
        }
        if (table.claim(command.transactionId(), command.analyst(), claimTimeout)) {
            return;
        }
        ReviewItem item = table.find(command.transactionId())
                .orElseThrow(() -> new ReviewRejectedException(
                        "transaction " + command.transactionId() + " is not in the review queue"));
        if (item.status() != ReviewStatus.PENDING) {
            throw new ReviewRejectedException("transaction " + command.transactionId() + " was reviewed already ("
                    + item.status().wireName() + " by " + item.reviewedBy() + ")");
        }
        throw new ReviewClaimedException(command.transactionId(), item.claimedBy(), item.claimExpiresAt());
    }

    @CommandHandler
    void handle(ReleaseReviewClaimCommand command) {
        table.release(command.transactionId(), command.analyst());
    }

    @QueryHandler
    ReviewQueuePage handle(FindReviewQueueQuery query) {
        return table.find(query);
    }

    @QueryHandler
    Optional<ReviewItem> handle(FindReviewItemQuery query) {
        return table.find(query.transactionId());
    }

    /** Refuses a review while another analyst's claim on the transaction runs; without a claim anyone may review. */
    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            if (message.getPayload() instanceof ReviewTransactionCommand review) {
                table.find(review.transactionId())
                        .filter(item ->
                                item.claimedBy() != null && !item.claimedBy().equals(review.reviewer()))
                        .ifPresent(item -> {
                            throw new ReviewClaimedException(
                                    item.transactionId(), item.claimedBy(), item.claimExpiresAt());
                        });
            }
            return message;
        };
    }
}
