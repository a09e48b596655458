package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL while monitors are being created, while alerts are being acknowledged and while their notifications are
 * being delivered, then a restart: every monitor answered {@code 201} is there with its definition, every
 * acknowledgement answered {@code 202} holds, every alert raised before the kill is still listed, and every one of
 * them is notified (at least once) after the restart. Nothing is half-written: each monitor whose event is stored is
 * in the monitors table, each acknowledged event is in the alert history.
 */
class MonitoringCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 4;
    private static final int MERCHANTS = 16;

    private final Set<String> notified = ConcurrentHashMap.newKeySet();
    private final AtomicInteger hookDelayMillis = new AtomicInteger(250);
    private HttpServer hooks;
    private VigilProcess vigil;

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.stop();
        }
        if (hooks != null) {
            hooks.stop(0);
        }
    }

    @Test
    void everyAcknowledgedMonitoringWriteSurvivesAKill() throws Exception {
        VigilProcess.stopShared(); // this test's Vigil must be the one evaluating and notifying when it is killed
        String run = "mc" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        String monitor = run + "-count";
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(hookDelayMillis.get()); // a slow receiver, so that the kill finds deliveries in flight
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            notified.add(JSON.readTree(body).path("alertId").asText());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hooks.start();
        int port = VigilProcess.freePort();
        vigil = VigilProcess.dedicated(
                "monitoring-crash",
                Map.of(
                        "VIGIL_MONITORING_PUBLIC_URL",
                        "http://127.0.0.1:" + port,
                        "VIGIL_MONITORING_ROUTES_0_URL",
                        "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hook",
                        "VIGIL_MONITORING_ROUTES_0_FORMAT",
                        "GENERIC",
                        "VIGIL_MONITORING_ROUTES_0_MATCH_MONITOR",
                        monitor),
                port);
        vigil.start();

        monitorsSurviveAKill(run);
        alertsAndDeliveriesSurviveAKill(run, monitor);
    }

    /** Clients create monitors without pause; the kill comes in the middle. */
    private void monitorsSurviveAKill(String run) throws Exception {
        Map<String, String> answered = new ConcurrentHashMap<>(); // id -> name the client was told is stored
        AtomicInteger sequence = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (sending.get()) {
                    String id = run + "-m-" + sequence.incrementAndGet();
                    try {
                        HttpResponse<String> r = vigil.post("/api/v1/monitors", """
                                {"id": "%s", "name": "Monitor %s", "metric": "conversion",
                                 "operation": "authorization", "dimensions": ["merchant"]}
                                """.formatted(id, id));
                        if (r.statusCode() == 201) {
                            answered.put(id, "Monitor " + id);
                        }
                    } catch (Exception connectionLost) {
                        // expected once the process is killed
                    }
                }
                return null;
            });
        }
        Stores.eventually(Duration.ofSeconds(60), "40 monitors created", () -> answered.size() >= 40);
        vigil.kill();
        sending.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        vigil.start();
        for (Map.Entry<String, String> entry : answered.entrySet()) {
            HttpResponse<String> read = vigil.get("/api/v1/monitors/" + entry.getKey());
            assertThat(read.statusCode()).as(entry.getKey()).isEqualTo(200);
            assertThat(JSON.readTree(read.body()).path("name").asText()).isEqualTo(entry.getValue());
        }
        // nothing half-written: every monitor whose event is stored is in the monitors table, and only those are
        Map<String, Integer> stored = Stores.eventCountsByAggregate(run + "-m-");
        assertThat(stored.keySet()).containsAll(answered.keySet());
        for (String id : stored.keySet()) {
            assertThat(vigil.get("/api/v1/monitors/" + id).statusCode()).as(id).isEqualTo(200);
        }
        System.out.printf(
                "MonitoringCrashIT: %d monitors sent, %d answered 201 before the kill, %d stored%n",
                sequence.get(), answered.size(), stored.size());
        for (String id : stored.keySet()) {
            vigil.delete("/api/v1/monitors/" + id); // clean-up: not evaluated every minute by the tests that follow
        }
    }

    /**
     * A monitor raises an alert for each of {@value #MERCHANTS} merchants; clients acknowledge them while the slow
     * webhook receives their notifications, and the kill comes in the middle of both.
     */
    private void alertsAndDeliveriesSurviveAKill(String run, String monitor) throws Exception {
        LiveAlerts.createMonitor(vigil, monitor);
        List<String> merchants = new ArrayList<>();
        for (int m = 1; m <= MERCHANTS; m++) {
            merchants.add(run + "-merchant-" + m);
        }
        Instant minute = LiveAlerts.sendBaseline(vigil, run, merchants);
        LiveAlerts.sendDrop(vigil, run, merchants, minute);
        List<String> alerts =
                new ArrayList<>(LiveAlerts.await(vigil, monitor, merchants).values());

        Set<String> acknowledged = ConcurrentHashMap.newKeySet(); // answered 202
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < alerts.size()) {
                    String alertId = alerts.get(i);
                    try {
                        HttpResponse<String> r = vigil.post(
                                "/api/v1/alerts/acknowledge",
                                "{\"alertId\": " + JSON.writeValueAsString(alertId) + ", \"by\": \"oncall\"}");
                        if (r.statusCode() == 202) {
                            acknowledged.add(alertId);
                        }
                        Thread.sleep(50);
                    } catch (Exception connectionLost) {
                        return null; // expected once the process is killed
                    }
                }
                return null;
            });
        }
        Stores.eventually(Duration.ofSeconds(30), "a few acknowledgements answered", () -> acknowledged.size() >= 4);
        int notifiedAtKill = notified.size();
        vigil.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        hookDelayMillis.set(0);
        vigil.start();
        assertThat(LiveAlerts.alertsOn(vigil, monitor, merchants))
                .as("alerts after the restart")
                .hasSize(MERCHANTS);
        for (String alertId : alerts) {
            JsonNode alert = LiveAlerts.alert(vigil, alertId);
            List<String> events = Stores.eventTypes(alertId);
            if (acknowledged.contains(alertId)) {
                assertThat(alert.path("state").asText()).as(alertId).isEqualTo("acknowledged");
            }
            // the history shows exactly what the event store holds
            assertThat(alert.path("state").asText())
                    .as(alertId + " " + events)
                    .isEqualTo(events.contains("AlertAcknowledgedEvent") ? "acknowledged" : "firing");
        }
        Stores.eventually(
                Duration.ofSeconds(90), "every alert notified after the restart", () -> notified.containsAll(alerts));
        Stores.eventually(Duration.ofSeconds(30), "every delivery marked delivered", () -> {
            for (String alertId : alerts) {
                if (!deliveryStatuses(alertId).stream().allMatch("delivered"::equals)) {
                    return false;
                }
            }
            return true;
        });
        for (String alertId : alerts) {
            assertThat(deliveryStatuses(alertId)).as(alertId).isNotEmpty();
        }
        System.out.printf(
                "MonitoringCrashIT: %d alerts, %d acknowledged (202) and %d notified before the kill%n",
                alerts.size(), acknowledged.size(), notifiedAtKill);
    }

    private List<String> deliveryStatuses(String alertId) throws Exception {
        HttpResponse<String> deliveries =
                vigil.get("/api/v1/alerts/deliveries?id=" + URLEncoder.encode(alertId, StandardCharsets.UTF_8));
        List<String> statuses = new ArrayList<>();
        JSON.readTree(deliveries.body())
                .path("deliveries")
                .forEach(d -> statuses.add(d.path("status").asText()));
        return statuses;
    }
}
