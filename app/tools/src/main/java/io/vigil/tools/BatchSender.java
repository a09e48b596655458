package io.vigil.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.tools.EventReader.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Sends batches to {@code POST /api/v1/events/batch} and reads Vigil's answer. Sending a batch again is always safe,
 * as Vigil ignores ids it already stored, so every doubtful case is retried: {@code 503} and {@code 429} after the
 * {@code Retry-After} Vigil asks for, for as long as {@link RetryPolicy#overloadedFor()}; a connection failure, a
 * timeout or a {@code 500/502/504} with growing pauses, up to {@link RetryPolicy#attempts()} times. A {@code 400}
 * names the bad items by their index in the batch: they are reported as the file's lines and the rest of the batch,
 * which Vigil rejected whole, is sent again without them.
 */
final class BatchSender {

    /**
     * How long to keep trying.
     *
     * @param attempts tries per batch when the connection fails, times out or Vigil answers 500, 502 or 504
     * @param firstPause pause after the first such failure; it doubles after each one
     * @param longestPause the longest pause between tries, and the longest {@code Retry-After} obeyed
     * @param overloadedFor how long a batch may keep meeting {@code 503} or {@code 429} before the import gives up
     */
    record RetryPolicy(int attempts, Duration firstPause, Duration longestPause, Duration overloadedFor) {

        static final RetryPolicy DEFAULT =
                new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofMinutes(10));

        Duration pauseAfter(int failures) {
            long millis = firstPause.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
            return Duration.ofMillis(Math.min(millis, longestPause.toMillis()));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI endpoint;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final ImportTally tally;
    private final BooleanSupplier stopping;

    /**
     * @param base Vigil's address, e.g. {@code http://127.0.0.1:8080}
     * @param stopping true once the import gives up, so that batches still retrying give up too
     */
    BatchSender(
            HttpClient client,
            URI base,
            Duration timeout,
            RetryPolicy retry,
            ImportTally tally,
            BooleanSupplier stopping) {
        this.client = client;
        this.endpoint = URI.create(base.toString().replaceAll("/+$", "") + "/api/v1/events/batch");
        this.timeout = timeout;
        this.retry = retry;
        this.tally = tally;
        this.stopping = stopping;
    }

    /** Sends the batch until Vigil has accepted all its good events; fails when that cannot happen. */
    void send(EventBatch batch) throws ImportFailure, InterruptedException {
        EventBatch remaining = batch;
        while (remaining.size() > 0) {
            HttpResponse<String> response = post(remaining);
            int status = response.statusCode();
            if (status == 202 || status == 200) {
                accepted(response, remaining.size());
                return;
            }
            if (status == 400) {
                remaining = withoutRejected(remaining, response);
                continue;
            }
            throw refused(response, remaining);
        }
    }

    private HttpResponse<String> post(EventBatch batch) throws ImportFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", "vigil-import")
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()))
                .build();
        int failures = 0;
        int overloads = 0;
        long overloadedSince = 0;
        while (true) {
            if (stopping.getAsBoolean()) {
                throw new ImportFailure("stopped");
            }
            String trouble;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 503 || status == 429) {
                    long now = System.nanoTime();
                    if (overloads++ == 0) {
                        overloadedSince = now;
                    } else if (now - overloadedSince > retry.overloadedFor().toNanos()) {
                        throw new ImportFailure("Vigil at " + endpoint + " stayed overloaded (" + status + ") for "
                                + retry.overloadedFor().toSeconds() + " s; try again later, or with --concurrency 1");
                    }
                    tally.retries.incrementAndGet();
                    pause(retryAfter(response).orElse(retry.pauseAfter(overloads)));
                    continue;
                }
                if (status != 500 && status != 502 && status != 504) {
                    return response;
                }
                trouble = "it answered " + status + detail(response.body());
            } catch (IOException e) {
                trouble = describe(e);
            }
            failures++;
            if (failures >= retry.attempts()) {
                throw new ImportFailure(
                        "Vigil at " + endpoint + " did not take a batch in " + failures + " attempts: " + trouble);
            }
            tally.retries.incrementAndGet();
            pause(retry.pauseAfter(failures));
        }
    }

    /** The pause Vigil asks for, in seconds or as an HTTP date, at most the longest pause. */
    private Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            Duration wait;
            try {
                wait = Duration.ofSeconds(Long.parseLong(value.strip()));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    wait = Duration.between(Instant.now(), at);
                } catch (DateTimeParseException neither) {
                    return Optional.empty();
                }
            }
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            }
            return Optional.of(wait.compareTo(retry.longestPause()) > 0 ? retry.longestPause() : wait);
        });
    }

    /** Sleeps, waking early when the import gives up. */
    private void pause(Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = end - System.nanoTime()) {
            if (stopping.getAsBoolean()) {
                return;
            }
            Thread.sleep(Math.max(1, Math.min(100, left / 1_000_000)));
        }
    }

    private void accepted(HttpResponse<String> response, int sent) {
        JsonNode answer = parse(response.body());
        long accepted = number(answer, "accepted", sent);
        long repeats = number(answer, "repeats", 0);
        long recorded = number(answer, "recorded", accepted - repeats);
        tally.batchAccepted(accepted, recorded, repeats);
    }

    /**
     * Reports the items Vigil's problem names as bad lines and returns the rest of the batch, to be sent again. A
     * rejection that names no item of the batch cannot be mapped to lines and stops the import.
     */
    private EventBatch withoutRejected(EventBatch batch, HttpResponse<String> response) throws ImportFailure {
        JsonNode problem = parse(response.body());
        Map<Integer, List<Problem>> byItem = new TreeMap<>();
        JsonNode errors = problem == null ? null : problem.get("errors");
        if (errors != null && errors.isArray()) {
            for (JsonNode error : errors) {
                JsonNode index = error.get("index");
                if (index != null && index.canConvertToInt() && index.asInt() >= 0 && index.asInt() < batch.size()) {
                    byItem.computeIfAbsent(index.asInt(), i -> new ArrayList<>())
                            .add(new Problem(text(error, "field", ""), text(error, "message", "rejected by Vigil")));
                }
            }
        }
        if (byItem.isEmpty()) {
            throw new ImportFailure("Vigil rejected the batch of lines " + batch.line(0) + " to "
                    + batch.line(batch.size() - 1) + " (400) without naming a bad event" + detail(response.body()));
        }
        byItem.forEach((index, problems) -> tally.badLine(batch.line(index), problems));
        return batch.without(byItem.keySet());
    }

    private ImportFailure refused(HttpResponse<String> response, EventBatch batch) {
        int status = response.statusCode();
        String detail = detail(response.body());
        return new ImportFailure(
                switch (status) {
                    case 413 ->
                        "Vigil refused a batch of " + batch.size() + " events (" + batch.bytes()
                                + " bytes) as too large" + detail + "; try a smaller --batch-size";
                    case 404, 405 ->
                        "Vigil at " + endpoint + " answered " + status + ": is --url the address of Vigil?";
                    default -> "Vigil at " + endpoint + " answered " + status + detail;
                });
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static long number(JsonNode node, String field, long otherwise) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.canConvertToLong() ? value.asLong() : otherwise;
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : otherwise;
    }

    /** ": " and the problem's detail (or title, or the start of the body), or nothing. */
    private static String detail(String body) {
        JsonNode problem = parse(body);
        if (problem != null && problem.isObject()) {
            String detail = text(problem, "detail", text(problem, "title", ""));
            return detail.isBlank() ? "" : ": " + detail;
        }
        if (body == null || body.isBlank()) {
            return "";
        }
        String start = body.strip();
        return ": " + (start.length() > 200 ? start.substring(0, 200) + "..." : start);
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
