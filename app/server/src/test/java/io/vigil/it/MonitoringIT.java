package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two days of generated operational traffic for several merchants (daily cycles, three countries each, and small
 * merchants with a handful of events a minute), then one live minute in which one merchant's authorization success
 * drops in one country. The monitor must raise exactly one alert, on that series, soon after the minute ends, and
 * deliver a Slack message whose chart Vigil serves as a PNG; the normal minutes evaluated meanwhile raise none.
 */
class MonitoringIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "mit" + Long.toString(System.currentTimeMillis() % 100_000, 36);
    private static final String[] COUNTRIES = {"SE", "DE", "NO"};
    private static final double[] COUNTRY_SHARE = {1.0, 0.6, 0.3};

    private static VigilProcess vigil;
    private static HttpServer hooks;
    private static final List<String> slack = new CopyOnWriteArrayList<>();
    private static final List<Instant> slackReceived = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        // one Vigil evaluates and notifies here: the one with the webhook route
        VigilProcess.stopShared();
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/slack", exchange -> {
            slack.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            slackReceived.add(Instant.now());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hooks.start();
        int port = VigilProcess.freePort();
        vigil = VigilProcess.dedicated(
                "monitoring",
                Map.of(
                        "VIGIL_MONITORING_PUBLIC_URL", "http://127.0.0.1:" + port,
                        "VIGIL_MONITORING_ROUTES_0_URL",
                                "http://127.0.0.1:" + hooks.getAddress().getPort() + "/slack",
                        "VIGIL_MONITORING_ROUTES_0_FORMAT", "SLACK",
                        "VIGIL_MONITORING_ROUTES_0_MATCH_MONITOR", RUN + "-auth"),
                port);
        vigil.start();
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.stop();
        }
        if (hooks != null) {
            hooks.stop(0);
        }
    }

    @Test
    void aDropInOneMerchantsCountryRaisesExactlyOneAlertWithItsChart() throws Exception {
        HttpResponse<String> created = vigil.post("/api/v1/monitors", """
                {"id": "%s-auth", "name": "Authorization success %s", "metric": "conversion",
                 "operation": "authorization", "dimensions": ["merchant", "country"], "sensitivity": "medium"}
                """.formatted(RUN, RUN));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        Instant now = Instant.now();
        Instant incident = now.truncatedTo(ChronoUnit.MINUTES).plus(3, ChronoUnit.MINUTES);
        Instant historyStart = incident.minus(Duration.ofDays(2));
        // the minutes about to be evaluated first, so that every minute the live evaluator reaches is complete
        Instant recent = now.truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES);
        long sent = send(recent, incident.plus(1, ChronoUnit.MINUTES), incident);
        sent += send(historyStart, recent, incident);
        System.out.printf("MonitoringIT: %d events over 2 days sent; incident minute %s%n", sent, incident);

        Instant minuteEnd = incident.plus(1, ChronoUnit.MINUTES);
        Stores.eventually(
                Duration.between(Instant.now(), minuteEnd).plusSeconds(40),
                "an alert for the incident minute",
                () -> alerts().size() >= 1 && Instant.now().isAfter(minuteEnd.plusSeconds(3)));

        List<JsonNode> alerts = alerts();
        assertThat(alerts).as("alerts of the monitor: %s", alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.path("series").path("merchant").asText()).isEqualTo(RUN + "-m-1");
        assertThat(alert.path("series").path("country").asText()).isEqualTo("SE");
        assertThat(alert.path("minute").asText()).isEqualTo(incident.toString());
        assertThat(alert.path("observation").path("value").asDouble())
                .isLessThan(alert.path("observation").path("expected").asDouble());
        Instant raisedAt = Instant.parse(alert.path("raisedAt").asText());
        System.out.printf(
                "MonitoringIT: alert raised %d ms after the minute ended%n",
                Duration.between(minuteEnd, raisedAt).toMillis());
        assertThat(raisedAt).isBefore(minuteEnd.plusSeconds(10));

        Stores.eventually(Duration.ofSeconds(15), "the Slack message", () -> !slack.isEmpty());
        System.out.printf(
                "MonitoringIT: Slack message received %d ms after the minute ended%n",
                Duration.between(minuteEnd, slackReceived.get(0)).toMillis());
        assertThat(slack).hasSize(1);
        JsonNode message = JSON.readTree(slack.get(0));
        assertThat(message.path("text").asText()).contains(RUN + "-m-1");
        String imageUrl = message.findValue("image_url").asText();
        HttpResponse<byte[]> png = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(imageUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(new String(png.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");

        // the same monitor over the two stored days: the drop in the history and the live one, nothing else
        HttpResponse<String> backtest = vigil.get("/api/v1/monitors/" + RUN + "-auth/backtest?days=2");
        assertThat(backtest.statusCode()).as(backtest.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(backtest.body());
        List<String> found = new ArrayList<>();
        result.path("incidents").forEach(i -> {
            if (i.path("series").path("merchant").asText().startsWith(RUN)) {
                found.add(i.path("series").path("merchant").asText() + "/"
                        + i.path("series").path("country").asText() + "@"
                        + i.path("raisedMinute").asText());
            }
        });
        System.out.printf(
                "MonitoringIT: backtest over %d minutes and %d series found %s%n",
                result.path("minutes").asInt(), result.path("series").asInt(), found);
        assertThat(found).containsExactly(RUN + "-m-1/SE@" + pastIncident(incident), RUN + "-m-1/SE@" + incident);
        assertThat(result.path("marks").path("incidents").asInt())
                .as("nothing marked yet")
                .isZero();

        // an operator marks the live alert a real incident: the backtest is scored against it
        HttpResponse<String> marked = vigil.post(
                "/api/v1/alerts/mark", """
                {"alertId": "%s", "verdict": "incident", "by": "olivia"}""".formatted(alert.path("alertId").asText()));
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(202);
        Stores.eventually(
                Duration.ofSeconds(10),
                "the mark on the alert",
                () -> "incident"
                        .equalsIgnoreCase(alerts().get(0).path("verdict").asText()));
        JsonNode scored = JSON.readTree(
                vigil.get("/api/v1/monitors/" + RUN + "-auth/backtest?days=2").body());
        System.out.printf("MonitoringIT: backtest against the marks: %s%n", scored.path("marks"));
        assertThat(scored.path("marks").path("incidents").asInt()).isEqualTo(1);
        assertThat(scored.path("marks").path("found").asInt()).isEqualTo(1);
        HttpResponse<String> noSuchIncident = vigil.post(
                "/api/v1/alerts/mark", """
                {"alertId": "%s", "incident": 7, "verdict": "not_an_incident"}""".formatted(alert.path("alertId").asText()));
        assertThat(noSuchIncident.statusCode()).as(noSuchIncident.body()).isEqualTo(409);
        assertThat(noSuchIncident.body()).contains("has no incident 7");
    }

    /** A drop two hours before the live one, in the history: only a backtest can find it. */
    private static Instant pastIncident(Instant incident) {
        return incident.minus(Duration.ofHours(2));
    }

    private static List<JsonNode> alerts() throws Exception {
        HttpResponse<String> response = vigil.get("/api/v1/alerts?monitor=" + RUN + "-auth&size=100");
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(response.body()).path("alerts").forEach(list::add);
        return list;
    }

    /**
     * Sends the authorization events of [from, to): three merchants in three countries with a daily cycle, and four
     * small merchants with about two events a minute. In the incident minute merchant 1's success in SE drops.
     */
    private static long send(Instant from, Instant to, Instant incident) throws Exception {
        Random random = new Random(from.getEpochSecond());
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        long total = 0;
        for (Instant minute = from; minute.isBefore(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            // a daily cycle that peaks at the incident's time of day, whenever the test runs
            double hours = (minute.getEpochSecond() - incident.getEpochSecond()) / 3600.0;
            double cycle = 0.55 + 0.45 * Math.cos(2 * Math.PI * hours / 24);
            for (int m = 1; m <= 3; m++) {
                for (int c = 0; c < COUNTRIES.length; c++) {
                    double mean = 80 * COUNTRY_SHARE[c] * cycle * (1.2 - 0.2 * m);
                    int events = poisson(random, mean);
                    double success = 0.88 + 0.02 * m;
                    if ((minute.equals(incident) || minute.equals(pastIncident(incident))) && m == 1 && c == 0) {
                        success = 0.35;
                    }
                    for (int i = 0; i < events; i++) {
                        append(batch, minute, random, RUN + "-m-" + m, COUNTRIES[c], random.nextDouble() < success);
                        inBatch++;
                    }
                }
            }
            for (int s = 1; s <= 4; s++) {
                int events = poisson(random, 2);
                for (int i = 0; i < events; i++) {
                    append(batch, minute, random, RUN + "-small-" + s, "SE", random.nextDouble() < 0.7);
                    inBatch++;
                }
            }
            if (inBatch >= 5_000) {
                total += flush(batch, inBatch);
                batch.setLength(0);
                inBatch = 0;
            }
        }
        if (inBatch > 0) {
            total += flush(batch, inBatch);
        }
        return total;
    }

    private static long counter;

    private static void append(
            StringBuilder batch, Instant minute, Random random, String merchant, String country, boolean success) {
        batch.append(batch.length() == 0 ? "[" : ",")
                .append("{\"id\":\"")
                .append(RUN)
                .append('-')
                .append(counter++)
                .append("\",\"timestamp\":\"")
                .append(minute.plusMillis(random.nextInt(60_000)))
                .append("\",\"merchantId\":\"")
                .append(merchant)
                .append("\",\"operation\":\"authorization\",\"outcome\":\"")
                .append(success ? "success" : "failure")
                .append("\",\"country\":\"")
                .append(country)
                .append("\",\"paymentMethod\":\"card\",\"browser\":\"chrome\"}");
    }

    private static int flush(StringBuilder batch, int count) throws Exception {
        HttpResponse<String> response = vigil.post("/api/v1/events/batch", batch + "]");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return count;
    }

    private static int poisson(Random random, double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
