package io.vigil.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigil.tools.http.ApiKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender against a stand-in for Vigil's API inside the test's JVM: every item arrives once, with the API key,
 * events in batches, outcomes only after their transaction, and load shedding (503 with Retry-After) is waited out
 * rather than lost; a refused key stops the run.
 */
class SimulationSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiKey KEY = ApiKey.of("vgl_simulate_Q7hT2mZk9LwV4rXc8NbJ5pYd1GsF6eHa3uKo0iRt");

    static {
        // the JDK's server writes headers and body separately; without this, Nagle's algorithm and delayed ACKs
        // hold every response back for tens of milliseconds
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Set<String> transactions = ConcurrentHashMap.newKeySet();
    private final Set<String> events = ConcurrentHashMap.newKeySet();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final List<String> outcomesBeforeTheirTransaction = new CopyOnWriteArrayList<>();
    private final Set<String> outcomes = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean hasEvents = true;
    private HttpServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/v1/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (!KEY.authorization().equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            refused.incrementAndGet();
            reply(exchange, 401, "{\"status\":401,\"detail\":\"unknown or revoked API key\"}");
            return;
        }
        // every seventh request is shed once, as Vigil does under load
        if (requests.incrementAndGet() % 7 == 0) {
            exchange.getResponseHeaders().add("Retry-After", "0");
            reply(exchange, 503, "{\"status\":503}");
            return;
        }
        if (path.equals("/api/v1/transactions")) {
            transactions.add(body.get("id").asText());
            reply(exchange, 200, "{\"transactionId\":\"" + body.get("id").asText() + "\",\"decision\":\"approve\"}");
        } else if (path.equals("/api/v1/events/batch")) {
            if (!hasEvents) {
                reply(exchange, 404, "{\"status\":404}");
                return;
            }
            batchSizes.add(body.size());
            body.forEach(e -> events.add(e.get("id").asText()));
            reply(exchange, 202, "{\"accepted\":" + body.size() + "}");
        } else if (path.endsWith("/outcome")) {
            String id = path.substring("/api/v1/transactions/".length(), path.length() - "/outcome".length());
            if (!transactions.contains(id)) {
                outcomesBeforeTheirTransaction.add(id);
            }
            outcomes.add(id);
            reply(exchange, 202, "{}");
        } else {
            reply(exchange, 404, "{}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static SimulationConfig config() {
        return SimulationConfig.defaults(Instant.parse("2026-03-10T18:00:00Z"))
                .withDuration(Duration.ofMinutes(15))
                .withPeakRate(3)
                .withMerchants(20)
                .withCustomers(5_000)
                .withFraudShare(0.1);
    }

    private TrafficSender.Report send(SimulationConfig config) throws InterruptedException {
        return send(config, true, 1, KEY);
    }

    private TrafficSender.Report send(SimulationConfig config, boolean backfill, double speed)
            throws InterruptedException {
        return send(config, backfill, speed, KEY);
    }

    private TrafficSender.Report send(SimulationConfig config, boolean backfill, double speed, ApiKey key)
            throws InterruptedException {
        TrafficSender sender = new TrafficSender(
                TrafficSender.Options.defaults(
                                URI.create("http://127.0.0.1:"
                                        + server.getAddress().getPort()),
                                key)
                        .withBackfill(backfill)
                        .withSpeed(speed)
                        .withMaxInFlight(16)
                        .withBatchSize(500)
                        .withProgressEvery(Duration.ofMillis(500)),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            return sender.send(new TrafficGenerator(config).iterator(), config.from());
        } finally {
            sender.close();
        }
    }

    @Test
    void everyItemArrivesOnceWithEventsInBatchesAndOutcomesAfterTheirTransactions() throws Exception {
        Simulation simulation = TrafficGenerator.generate(config());

        TrafficSender.Report report = send(config());

        assertThat(report.failed()).as(log.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(report.retries()).isPositive();
        assertThat(transactions).hasSize(simulation.transactions().size());
        assertThat(events).hasSize(simulation.events().size());
        assertThat(outcomes).hasSize(simulation.outcomes().size()).isNotEmpty();
        assertThat(outcomesBeforeTheirTransaction).isEmpty();
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 500));
        assertThat(batchSizes.size()).isGreaterThan(1);
        assertThat(report.transactionsSent())
                .isEqualTo(simulation.transactions().size());
        assertThat(report.decisions())
                .containsEntry("approve", (long) simulation.transactions().size());
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("simulate: ").contains("items");
    }

    @Test
    void liveModePacesItemsByTheirEventTime() throws Exception {
        SimulationConfig config = config().withDuration(Duration.ofMinutes(3));

        TrafficSender.Report report = send(config, false, 60); // three simulated minutes in three seconds

        assertThat(report.elapsed()).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(20));
        assertThat(report.failed()).isZero();
        assertThat(transactions).hasSize((int)
                TrafficGenerator.generate(config).manifest().counts().transactions());
    }

    @Test
    void aVigilWithoutTheEventsEndpointStillGetsItsTransactions() throws Exception {
        hasEvents = false;
        SimulationConfig config = config().withDuration(Duration.ofMinutes(5));

        TrafficSender.Report report = send(config);

        assertThat(report.eventsUnsupported()).isTrue();
        assertThat(report.failed()).isZero();
        assertThat(transactions).hasSize((int)
                TrafficGenerator.generate(config).manifest().counts().transactions());
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("no /api/v1/events/batch (404)");
    }

    @Test
    void aRefusedKeyStopsTheRunAtOnce() throws Exception {
        SimulationConfig config = config();

        TrafficSender.Report report =
                send(config, true, 1, ApiKey.of("vgl_revoked0_Q7hT2mZk9LwV4rXc8NbJ5pYd1GsF6eHa3uKo0iRt"));

        assertThat(report.refusal()).isNotNull();
        assertThat(report.refusal().getMessage()).contains("Vigil refused the API key vgl_revoked0…");
        assertThat(report.refusal().getMessage()).doesNotContain("Q7hT2mZk9");
        // what was in flight when the first refusal came back, and nothing after it
        assertThat(refused.get()).isPositive().isLessThanOrEqualTo(16);
        assertThat(transactions).isEmpty();
    }
}
