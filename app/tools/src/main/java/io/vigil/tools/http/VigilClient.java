package io.vigil.tools.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The tools' one HTTP client to a running Vigil: JSON requests over HTTP/1.1, each with the tool's {@link ApiKey} as
 * {@code Authorization: Bearer} when it has one, and each retried as the {@link RetryPolicy} says until Vigil gives a
 * final answer. A final answer is any status but {@code 429}, {@code 503} and {@code 500/502/504}; it is handed back
 * as it is, so the caller decides what a {@code 400} or a {@code 404} means, except a refusal of the key
 * ({@code 401}) or of its scope ({@code 403}), which fails the request at once with a {@link VigilRefusedException}:
 * no caller can do anything with it but stop and tell people. When the tries run out the request fails with a
 * {@link VigilUnavailableException} whose message tells people what happened. Instances are thread-safe; one serves a
 * whole tool run.
 */
public final class VigilClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PAUSE_STEP_MILLIS = 100;

    private final HttpClient http;
    private final URI base;
    private final ApiKey key;
    private final String agent;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final Runnable onRetry;

    /**
     * @param base Vigil's address, e.g. {@code http://127.0.0.1:8080}
     * @param key sent with every request; {@link ApiKey#NONE} for none
     * @param agent the {@code User-Agent}, naming the tool in Vigil's logs
     * @param timeout the longest one try may take
     * @param onRetry told of every retry, for the tool's progress line
     * @param executor runs the client's work and its callbacks; null for the JDK's default
     */
    public VigilClient(
            URI base,
            ApiKey key,
            String agent,
            RetryPolicy retry,
            Duration timeout,
            Runnable onRetry,
            Executor executor) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10));
        if (executor != null) {
            builder.executor(executor);
        }
        this.http = builder.build();
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.key = key;
        this.agent = agent;
        this.retry = retry;
        this.timeout = timeout;
        this.onRetry = onRetry;
    }

    /** A client with the default policy, a minute per try, and no one told of retries. */
    public VigilClient(URI base, ApiKey key, String agent) {
        this(base, key, agent, RetryPolicy.DEFAULT, Duration.ofMinutes(1), () -> {}, null);
    }

    public URI base() {
        return base;
    }

    /** The address of a path of Vigil's, such as {@code /api/v1/events/batch}. */
    public URI resolve(String path) {
        return URI.create(base + path);
    }

    /**
     * POSTs a JSON body. The future completes with Vigil's final answer, or fails with a
     * {@link VigilUnavailableException}.
     *
     * @param stopping true once the tool gives up, so that a request still retrying gives up too
     */
    public CompletableFuture<HttpResponse<String>> post(String path, byte[] json, BooleanSupplier stopping) {
        HttpRequest request = request(path)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        return new Exchange(request, stopping).start();
    }

    /** {@link #post(String, byte[], BooleanSupplier)} of a string body. */
    public CompletableFuture<HttpResponse<String>> post(String path, String json) {
        return post(path, json.getBytes(StandardCharsets.UTF_8), () -> false);
    }

    /** PUTs a JSON body, with the same retries (a PUT replaces, so it is safe to repeat). */
    public CompletableFuture<HttpResponse<String>> put(String path, String json) {
        HttpRequest request = request(path)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return new Exchange(request, () -> false).start();
    }

    /** GETs a path with the same retries, in whatever type it has (JSON, or Prometheus' text). */
    public CompletableFuture<HttpResponse<String>> get(String path) {
        return new Exchange(request(path).GET().build(), () -> false).start();
    }

    /** DELETEs a path with the same retries (a delete is safe to repeat). */
    public CompletableFuture<HttpResponse<String>> delete(String path) {
        return new Exchange(
                        request(path)
                                .header("Accept", "application/json, application/problem+json")
                                .DELETE()
                                .build(),
                        () -> false)
                .start();
    }

    /** Waits for a request started here, unwrapping its failure. */
    public static HttpResponse<String> await(CompletableFuture<HttpResponse<String>> answer)
            throws VigilUnavailableException, InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VigilUnavailableException unavailable) {
                throw unavailable;
            }
            throw new IllegalStateException("request to Vigil failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }

    /** Whether Vigil answers that it is ready ({@code /actuator/health/readiness} is UP); one try. */
    public boolean ready() {
        try {
            HttpResponse<String> answer = http.send(
                    request("/actuator/health/readiness")
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(resolve(path)).timeout(timeout).header("User-Agent", agent);
        if (key.present()) {
            request.header("Authorization", key.authorization());
        }
        return request;
    }

    /** One request and its tries. */
    private final class Exchange {

        private final HttpRequest request;
        private final BooleanSupplier stopping;
        private final CompletableFuture<HttpResponse<String>> answer = new CompletableFuture<>();
        private int failures;
        private int overloads;
        private long overloadedSince;
        private int lastStatus;

        Exchange(HttpRequest request, BooleanSupplier stopping) {
            this.request = request;
            this.stopping = stopping;
        }

        CompletableFuture<HttpResponse<String>> start() {
            tryOnce();
            return answer;
        }

        private void tryOnce() {
            if (stopping.getAsBoolean()) {
                answer.completeExceptionally(new VigilUnavailableException("stopped", lastStatus));
                return;
            }
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete(this::answered);
        }

        private void answered(HttpResponse<String> response, Throwable failure) {
            String trouble;
            if (response != null) {
                int status = response.statusCode();
                lastStatus = status;
                if (VigilRefusedException.refuses(status)) {
                    answer.completeExceptionally(VigilRefusedException.of(
                            status, request.method() + " " + request.uri().getPath(), response.body(), key));
                    return;
                }
                if (RetryPolicy.overloaded(status)) {
                    long now = System.nanoTime();
                    if (overloads++ == 0) {
                        overloadedSince = now;
                    }
                    if (now - overloadedSince >= retry.overloadedFor().toNanos()) {
                        giveUp("Vigil at " + request.uri() + " stayed overloaded (" + status + ") for "
                                + retry.overloadedFor().toSeconds() + " s; try again later, or with less concurrency");
                        return;
                    }
                    again(retry.retryAfter(response.headers(), Instant.now()).orElse(retry.pauseAfter(overloads)));
                    return;
                }
                if (!RetryPolicy.transientFailure(status)) {
                    answer.complete(response);
                    return;
                }
                trouble = "it answered " + status + detail(response.body());
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                if (!(cause instanceof IOException io)) {
                    answer.completeExceptionally(cause);
                    return;
                }
                trouble = describe(io);
            }
            if (++failures >= retry.attempts()) {
                giveUp("Vigil at " + request.uri() + " did not take the request in " + failures + " attempts: "
                        + trouble);
                return;
            }
            again(retry.pauseAfter(failures));
        }

        private void giveUp(String why) {
            answer.completeExceptionally(new VigilUnavailableException(why, lastStatus));
        }

        /** Tries again after the pause, in short steps so that a tool that gives up is not kept waiting. */
        private void again(Duration pause) {
            onRetry.run();
            long until = System.nanoTime() + pause.toNanos();
            waitUntil(until);
        }

        private void waitUntil(long until) {
            long left = until - System.nanoTime();
            if (left <= 0 || stopping.getAsBoolean()) {
                tryOnce();
                return;
            }
            long step = Math.max(1, Math.min(PAUSE_STEP_MILLIS, TimeUnit.NANOSECONDS.toMillis(left)));
            CompletableFuture.delayedExecutor(step, TimeUnit.MILLISECONDS).execute(() -> waitUntil(until));
        }
    }

    /** ": " and a problem's detail (or title, or the start of the body), or nothing. */
    public static String detail(String body) {
        JsonNode problem = parse(body);
        if (problem != null && problem.isObject()) {
            String detail = text(problem, "detail", text(problem, "title", ""));
            return detail.isBlank() ? "" : ": " + detail;
        }
        if (body == null || body.isBlank()) {
            return "";
        }
        String start = body.strip().replaceAll("\\s+", " ");
        return ": " + (start.length() > 200 ? start.substring(0, 200) + "..." : start);
    }

    /** A JSON body, or null when there is none or it is not JSON. */
    public static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** A field of a JSON object as text, or {@code otherwise}. */
    public static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : otherwise;
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "cannot connect" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time (" + e.getMessage() + ")";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
