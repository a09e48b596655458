package io.vigil.analytics.notify;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one attempt to deliver a notification: POSTs a JSON body to a webhook and says how it went. It never throws
 * for a delivery problem and never retries; the caller keeps the delivery, asks {@link RetryPolicy} when to try again
 * and shows failures in the console. Keeping the retry out of here keeps an alert from holding a thread for minutes.
 *
 * <p>A 2xx answer is success; any other status, a timeout or a network error is a failure with a message that says
 * which (with up to 200 characters of the receiver's answer, where Slack says what it disliked). Messages name the
 * receiver by host and port only: a Slack webhook's path is its secret. Redirects are not followed: a webhook that
 * moved should be reconfigured, not silently chased. It speaks HTTP/1.1, which every receiver understands, rather
 * than offering plain-HTTP receivers an HTTP/2 upgrade that some proxies mishandle.
 *
 * <p>Thread-safe; one instance shares one {@link HttpClient} and its connections.
 */
public final class WebhookSender {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** How much of a failed answer the error message quotes. */
    static final int BODY_EXCERPT = 200;

    /** More than the excerpt, in case the body starts with whitespace; the rest of the body is read and dropped. */
    private static final int BODY_KEPT_BYTES = 4 * BODY_EXCERPT;

    private final HttpClient client;
    private final Duration requestTimeout;

    /** With {@link #DEFAULT_TIMEOUT} to connect and to answer. */
    public WebhookSender() {
        this(DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
    }

    /**
     * @param connectTimeout how long to wait for the connection
     * @param requestTimeout how long to wait for the whole answer once the request is sent
     */
    public WebhookSender(Duration connectTimeout, Duration requestTimeout) {
        requirePositive(connectTimeout, "connectTimeout");
        this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
        return duration;
    }

    /** POSTs {@code json} to {@code url} once and reports the outcome; blocks for at most the two timeouts. */
    public DeliveryResult post(URI url, String json) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(json, "json");
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url)
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Vigil-Webhook/1")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            // the JDK's message may quote the whole URL, and with it the secret
            return DeliveryResult.failed(
                    -1,
                    "not a usable webhook URL for " + receiver(url) + ": it needs the scheme http or https and a host",
                    since(start));
        }
        BoundedBody body = new BoundedBody();
        CompletableFuture<HttpResponse<Void>> answer =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArrayConsumer(body::accept));
        try {
            // The request timeout covers the wait for the status line; this bounds the body as well.
            HttpResponse<Void> response = answer.get(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return DeliveryResult.delivered(status, since(start));
            }
            String excerpt = body.excerpt();
            return DeliveryResult.failed(
                    status,
                    "HTTP " + status + " from " + receiver(url)
                            + (excerpt.isEmpty() ? " with an empty body" : ": " + excerpt),
                    since(start));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return DeliveryResult.failed(
                    -1,
                    "no complete answer from " + receiver(url) + " within " + seconds(requestTimeout),
                    since(start));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return DeliveryResult.failed(-1, "interrupted while sending to " + receiver(url), since(start));
        } catch (ExecutionException e) {
            return DeliveryResult.failed(-1, describe(e.getCause(), url), since(start));
        }
    }

    /** A network failure in words: which receiver, what happened, and the JDK's own reason. */
    private String describe(Throwable failure, URI url) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "could not connect to " + receiver(url) + " within the connect timeout";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer from " + receiver(url) + " within " + seconds(requestTimeout);
        }
        if (failure instanceof ConnectException) {
            return "could not connect to " + receiver(url) + ": " + reason(failure);
        }
        return "sending to " + receiver(url) + " failed: " + reason(failure);
    }

    /** The innermost message in the cause chain, which is usually the one that says something. */
    private static String reason(Throwable failure) {
        String reason = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return reason == null ? failure.getClass().getSimpleName() : reason;
    }

    /** {@code hooks.slack.com:443}: enough to recognise the receiver, without the secret in the path. */
    static String receiver(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return Optional.ofNullable(url.getHost()).orElse("?") + ":" + port;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Keeps the first bytes of an answer and drops the rest, so a huge error page cannot fill the memory. */
    private static final class BoundedBody {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        synchronized void accept(Optional<byte[]> chunk) {
            chunk.ifPresent(bytes -> {
                int room = BODY_KEPT_BYTES - kept.size();
                if (room > 0) {
                    kept.write(bytes, 0, Math.min(room, bytes.length));
                }
            });
        }

        /** Up to {@value WebhookSender#BODY_EXCERPT} characters of the answer on one line, "…" when there is more. */
        synchronized String excerpt() {
            String text = kept.toString(StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            return text.length() <= BODY_EXCERPT ? text : text.substring(0, BODY_EXCERPT) + "…";
        }
    }
}
