package io.vigil.ingest.review;

import io.vigil.ingest.config.ReviewSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts the outbox's {@code transaction.reviewed} webhooks, signed ({@link WebhookSignature}), and posts a webhook
 * again after a failure (no answer, or an answer that is not 2xx) with a doubling wait, from
 * {@code vigil.reviews.webhook-first-retry} up to {@code webhook-max-retry}, until the client answers 2xx or
 * {@code webhook-max-attempts} posts failed. Each node takes its due webhooks with one update that also leases them
 * for a minute, so two nodes never post the same webhook at once; a node that dies mid-post leaves it to be posted
 * again after the lease. Delivery is at least once: a client may see a webhook twice and should key on the
 * transaction id.
 */
@Component
class ReviewWebhookSender {

    private static final Logger log = LoggerFactory.getLogger(ReviewWebhookSender.class);
    private static final int BATCH = 20;

    private final JdbcTemplate jdbc;
    private final ReviewSettings settings;
    private final HttpClient http;

    ReviewWebhookSender(JdbcTemplate jdbc, ReviewSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private record Due(String transactionId, String url, String secret, String body, int attempts) {}

    @Scheduled(fixedDelayString = "${vigil.reviews.webhook-poll:500ms}", initialDelayString = "5s")
    void sendDue() {
        List<Due> due = jdbc.query(
                "UPDATE review_webhook SET next_attempt_at = now() + interval '1 minute' WHERE transaction_id IN"
                        + " (SELECT transaction_id FROM review_webhook WHERE status = 'pending' AND next_attempt_at <="
                        + " now() ORDER BY next_attempt_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)"
                        + " RETURNING transaction_id, url, secret, body, attempts",
                (rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
        due.forEach(this::send);
    }

    private void send(Due webhook) {
        int attempt = webhook.attempts() + 1;
        Integer status = null;
        String error;
        try {
            String signature =
                    WebhookSignature.header(webhook.secret(), Instant.now().getEpochSecond(), webhook.body());
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(webhook.url()))
                            .timeout(settings.webhookTimeout())
                            .header("Content-Type", "application/json")
                            .header(WebhookSignature.HEADER, signature)
                            .POST(HttpRequest.BodyPublishers.ofString(webhook.body()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 == 2) {
                jdbc.update(
                        "UPDATE review_webhook SET status = 'delivered', attempts = ?, last_status = ?,"
                                + " last_error = NULL, delivered_at = now() WHERE transaction_id = ?",
                        attempt,
                        status,
                        webhook.transactionId());
                return;
            }
            error = "answered " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        boolean givenUp = attempt >= settings.webhookMaxAttempts();
        Duration wait = retryAfter(attempt);
        log.warn(
                "transaction.reviewed webhook for {} to {} failed (attempt {}): {}{}",
                webhook.transactionId(),
                URI.create(webhook.url()).getHost(),
                attempt,
                error,
                givenUp ? "; given up" : "; posted again in " + wait);
        jdbc.update(
                "UPDATE review_webhook SET status = ?, attempts = ?, last_status = ?, last_error = ?,"
                        + " next_attempt_at = now() + ? * interval '1 millisecond' WHERE transaction_id = ?",
                givenUp ? "failed" : "pending",
                attempt,
                status,
                error.length() > 500 ? error.substring(0, 500) : error,
                wait.toMillis(),
                webhook.transactionId());
    }

    /** The wait after the {@code attempt}th failed post: the first retry's, doubled each time, at most the maximum. */
    Duration retryAfter(int attempt) {
        Duration wait = settings.webhookFirstRetry();
        for (int i = 1; i < attempt && wait.compareTo(settings.webhookMaxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.webhookMaxRetry()) > 0 ? settings.webhookMaxRetry() : wait;
    }
}
