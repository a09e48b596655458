package io.vigil.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Vigil's {@code POST /api/v1/events/batch} as the import sees it, on 127.0.0.1 and a free port: it stores events by
 * id and ignores repeats, rejects a batch whole with a problem listing bad items by index, and can be told to answer
 * {@code 503} with {@code Retry-After} first.
 */
final class FakeEventsEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The events stored, by id. */
    final Map<String, JsonNode> stored = new ConcurrentHashMap<>();
    /** How many times each id came in a batch that was accepted (a 202). */
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    /** The sizes of the batches accepted. */
    final List<Integer> acceptedBatchSizes = Collections.synchronizedList(new ArrayList<>());
    /** When each request arrived (System.nanoTime), whatever the answer. */
    final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    /** The item indexes of every 400 answered. */
    final List<Integer> rejectedIndexes = Collections.synchronizedList(new ArrayList<>());
    /** The most requests handled at the same time. */
    final AtomicInteger mostInFlight = new AtomicInteger();

    /** How many of the next requests are answered 503, with {@link #retryAfter}. */
    final AtomicInteger overloadedAnswers = new AtomicInteger();

    volatile String retryAfter = "1";
    /** Events Vigil would find invalid although the import's own check let them pass. */
    volatile Predicate<JsonNode> rejects = event -> false;
    /** A fixed status (and {@link #fixedBody}) for every request instead of the endpoint's behaviour; 0 for none. */
    volatile int fixedStatus;

    volatile String fixedBody;
    /** Time each request takes, to let requests overlap. */
    volatile long delayMillis;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpServer server;

    FakeEventsEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/events/batch", this::handle);
        server.createContext("/actuator/health/readiness", exchange -> {
            try (exchange) {
                answer(exchange, 200, "{\"status\":\"UP\"}");
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange) {
            arrivals.add(System.nanoTime());
            JsonNode batch = JSON.readTree(exchange.getRequestBody());
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            if (fixedStatus != 0) {
                answer(exchange, fixedStatus, fixedBody);
                return;
            }
            if (overloadedAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
                answer(exchange, 503, problem(503, "Vigil is overloaded").toString());
                return;
            }
            ArrayNode errors = JSON.createArrayNode();
            for (int i = 0; i < batch.size(); i++) {
                if (rejects.test(batch.get(i))) {
                    errors.addObject()
                            .put("index", i)
                            .put("field", "merchantId")
                            .put("message", "is not a merchant Vigil knows");
                    rejectedIndexes.add(i);
                }
            }
            if (!errors.isEmpty()) {
                ObjectNode problem = problem(400, "Invalid events");
                problem.set("errors", errors);
                answer(exchange, 400, problem.toString());
                return;
            }
            int recorded = 0;
            for (JsonNode event : batch) {
                String id = event.get("id").asText();
                if (stored.putIfAbsent(id, event) == null) {
                    recorded++;
                }
                deliveries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            acceptedBatchSizes.add(batch.size());
            answer(
                    exchange,
                    202,
                    JSON.createObjectNode()
                            .put("accepted", batch.size())
                            .put("recorded", recorded)
                            .put("repeats", batch.size() - recorded)
                            .toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static ObjectNode problem(int status, String title) {
        return JSON.createObjectNode()
                .put("type", "/problems/test")
                .put("title", title)
                .put("status", status)
                .put("detail", title);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        FakeVigil.reply(exchange, new FakeVigil.Answer(status, body));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
