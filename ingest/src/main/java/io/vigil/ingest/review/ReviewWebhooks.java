package io.vigil.ingest.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.ingest.api.FindSubmitterWebhookQuery;
import io.vigil.ingest.api.SubmitterWebhook;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.ingest.api.TransactionReviewedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts a {@code transaction.reviewed} webhook in the outbox ({@code review_webhook}) when a review ends, for the API
 * key that submitted the transaction if that key has a webhook URL. A subscribing processor: the row is written in
 * the database transaction of the review, so a review is never without its webhook, nor a webhook without its
 * review; {@link ReviewWebhookSender} posts it.
 */
@Component
@ProcessingGroup(ReviewWebhooks.PROCESSING_GROUP)
class ReviewWebhooks {

    static final String PROCESSING_GROUP = "review-webhooks";

    private final EventStore events;
    private final QueryGateway queries;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ReviewWebhooks(EventStore events, QueryGateway queries, JdbcTemplate jdbc, ObjectMapper json) {
        this.events = events;
        this.queries = queries;
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(TransactionReviewedEvent event) {
        Optional<String> submitter = events.readEvents(event.transactionId())
                .asStream()
                .filter(message -> message.getPayload() instanceof TransactionRecordedEvent)
                .findFirst()
                .map(message -> (String) message.getMetaData().get(TransactionRecordedEvent.SUBMITTER));
        if (submitter.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Optional<SubmitterWebhook> webhook = queries.query(
                        new FindSubmitterWebhookQuery(submitter.get()),
                        ResponseTypes.optionalInstanceOf(SubmitterWebhook.class))
                .join();
        if (webhook.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO review_webhook (transaction_id, url, secret, body, status, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (transaction_id) DO NOTHING",
                event.transactionId(),
                webhook.get().url(),
                webhook.get().secret(),
                body(event),
                now,
                now);
    }

    /** The body the contract fixes: type, transaction id, final decision and when the review ended. */
    String body(TransactionReviewedEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "transaction.reviewed");
        body.put("transactionId", event.transactionId());
        body.put("finalDecision", event.finalDecision().wireName());
        body.put("reviewedAt", event.reviewedAt().toString());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }
}
