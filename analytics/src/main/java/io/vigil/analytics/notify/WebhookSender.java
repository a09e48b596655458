package io.vigil.analytics.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts one JSON body to a webhook; never retries by itself (the worker does, with {@link RetryPolicy}). */
public class WebhookSender {

    private final HttpClient http;
    private final Duration timeout;

    public WebhookSender() {
        this(Duration.ofSeconds(5));
    }

    public WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public DeliveryResult post(String url, String json) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(timeout)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new DeliveryResult(true, status, null, took);
            }
            String body = response.body() == null ? "" : response.body();
            return new DeliveryResult(
                    false, status, "HTTP " + status + ": " + body.substring(0, Math.min(200, body.length())), took);
        } catch (IOException | IllegalArgumentException e) {
            return new DeliveryResult(
                    false,
                    -1,
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult(false, -1, "interrupted", Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
