package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.tools.http.ApiKey;
import io.vigil.tools.simulator.Manifest;
import io.vigil.tools.simulator.Simulation;
import io.vigil.tools.simulator.SimulationConfig;
import io.vigil.tools.simulator.TrafficGenerator;
import io.vigil.tools.simulator.TrafficSender;
import io.vigil.tools.simulator.Typology;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The traffic simulator's history, with the fraud and the integration incident it injected and wrote down in its
 * manifest, sent to Vigil over the public API: scoring must decline the card-testing bursts with a velocity pattern
 * while approving nearly all ordinary customers, and a monitor's backtest must find the injected incident on its
 * merchant and dimension.
 */
class SimulatedTrafficIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATTERN = "p-sim-card-testing";
    private static VigilProcess vigil;

    @BeforeAll
    static void start() throws Exception {
        vigil = VigilProcess.shared();
    }

    @AfterAll
    static void switchThePatternOff() throws Exception {
        Stores.putCouchDocument(PATTERN, """
                {"type": "pattern", "name": "Card testing", "expression": "false", "effect": "decline",
                 "mode": "off", "version": 2}
                """);
        Stores.putCouchDocument(
                "vigil-pattern-set", "{\"type\": \"pattern-set\", \"version\": " + System.currentTimeMillis() + "}");
    }

    @Test
    void scoringDeclinesTheInjectedCardTestingAndLetsOrdinaryCustomersThrough() throws Exception {
        Stores.putCouchDocument(PATTERN, """
                {"type": "pattern", "name": "Card testing", "description": "written by SimulatedTrafficIT",
                 "expression": "features.device.distinct_cards_24h >= 4", "effect": "decline", "mode": "active",
                 "version": 1}
                """);
        long version = System.currentTimeMillis();
        Stores.putCouchDocument("vigil-pattern-set", "{\"type\": \"pattern-set\", \"version\": " + version + "}");
        int[] probe = {0};
        Stores.eventually(
                Duration.ofSeconds(20),
                "scoring to pick up pattern set " + version,
                () -> JSON.readTree(vigil.post(
                                                "/api/v1/transactions",
                                                TransactionFlowIT.transaction(
                                                        "sim-probe-" + version + "-" + probe[0]++, "5.00", ""))
                                        .body())
                                .path("patternSetVersion")
                                .asLong()
                        == version);

        SimulationConfig config = SimulationConfig.defaults(busyHourBefore(Duration.ofMinutes(20)))
                .withSeed(3)
                .withDuration(Duration.ofMinutes(15))
                .withPeakRate(4)
                .withMerchants(20)
                .withFraudShare(0.1)
                .withIncidents(0)
                .withTypologyMix(Map.of(Typology.CARD_TESTING, 1.0));
        Simulation simulation = TrafficGenerator.generate(config);
        TrafficSender.Report report = send(simulation, config.from(), false);
        assertThat(report.failed()).as("requests that failed: %s", report).isZero();

        Manifest manifest = simulation.manifest();
        List<String> cardTesting = manifest.fraudCases().stream()
                .filter(c -> c.typology() == Typology.CARD_TESTING)
                .flatMap(c -> c.transactionIds().stream())
                .toList();
        assertThat(cardTesting).as("card-testing transactions in the manifest").hasSizeGreaterThanOrEqualTo(10);
        Set<String> fraud = manifest.fraudCases().stream()
                .flatMap(c -> c.transactionIds().stream())
                .collect(Collectors.toCollection(HashSet::new));
        Map<String, String> decisions =
                decisions(config.runTag(), simulation.transactions().size());
        long declinedTesting = cardTesting.stream()
                .filter(id -> "decline".equals(decisions.get(id)))
                .count();
        List<String> ordinary =
                decisions.keySet().stream().filter(id -> !fraud.contains(id)).toList();
        long declinedOrdinary = ordinary.stream()
                .filter(id -> "decline".equals(decisions.get(id)))
                .count();
        System.out.printf(
                "SimulatedTrafficIT: %d transactions; card testing declined %d of %d; ordinary declined %d of %d%n",
                decisions.size(), declinedTesting, cardTesting.size(), declinedOrdinary, ordinary.size());
        assertThat(declinedTesting).isGreaterThanOrEqualTo(cardTesting.size() / 2);
        assertThat(declinedOrdinary).isLessThanOrEqualTo(ordinary.size() / 100);
    }

    @Test
    void aBacktestFindsTheInjectedIntegrationIncident() throws Exception {
        SimulationConfig config = SimulationConfig.defaults(busyHourBefore(Duration.ofMinutes(40)))
                .withSeed(11)
                .withDuration(Duration.ofMinutes(40))
                .withPeakRate(40)
                .withMerchants(3)
                .withFraudShare(0)
                .withIncidents(1);
        Simulation simulation = TrafficGenerator.generate(config);
        Manifest.Incident incident = simulation.manifest().incidents().get(0);
        TrafficSender.Report report = send(simulation, config.from(), true);
        assertThat(report.failed()).as("requests that failed: %s", report).isZero();

        String monitor = "sim-" + config.runTag();
        HttpResponse<String> created = vigil.post("/api/v1/monitors", """
                {"id": "%s", "name": "Simulated authorizations", "metric": "conversion", "operation": "authorization",
                 "dimensions": ["merchant", "%s"]}""".formatted(monitor, incident.dimension()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Stores.eventually(
                Duration.ofSeconds(60),
                "the simulated events in the rollups",
                () -> Stores.clickHouseCount("SELECT count() FROM " + Stores.CLICKHOUSE_DB
                                + ".operations WHERE event_id LIKE 's" + config.runTag() + "-e%'")
                        >= simulation.events().size());

        HttpResponse<String> backtest = vigil.get("/api/v1/monitors/" + monitor + "/backtest?from="
                + config.from().truncatedTo(ChronoUnit.MINUTES) + "&to=" + config.end());
        assertThat(backtest.statusCode()).as(backtest.body()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        boolean hit = false;
        for (JsonNode i : JSON.readTree(backtest.body()).path("incidents")) {
            JsonNode series = i.path("series");
            Instant raised = Instant.parse(i.path("raisedMinute").asText());
            found.add(series + "@" + raised);
            if (series.path("merchant").asText().equals(incident.merchantId())
                    && series.path(incident.dimension()).asText().equals(incident.value())
                    && !raised.isBefore(incident.start().truncatedTo(ChronoUnit.MINUTES))
                    && raised.isBefore(incident.end())) {
                hit = true;
            }
        }
        System.out.printf(
                "SimulatedTrafficIT: incident %s %s=%s from %s to %s; backtest found %s%n",
                incident.merchantId(), incident.dimension(), incident.value(), incident.start(), incident.end(), found);
        assertThat(hit)
                .as("the backtest found the injected incident among %s", found)
                .isTrue();
    }

    /**
     * The latest 10:00, 14:00 or 18:00 UTC that leaves {@code duration} before now: daytime traffic for the
     * simulated merchants whenever the test runs, so the history has the volume its checks need, and at most a day
     * old, inside the feature store's windows.
     */
    private static Instant busyHourBefore(Duration duration) {
        Instant latest = Instant.now().minus(duration).minus(Duration.ofMinutes(1));
        Instant day = latest.truncatedTo(ChronoUnit.DAYS);
        for (int back = 0; back < 2; back++) {
            for (int hour : new int[] {18, 14, 10}) {
                Instant candidate = day.minus(Duration.ofDays(back)).plus(Duration.ofHours(hour));
                if (!candidate.isAfter(latest)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("unreachable: yesterday 18:00 is always early enough");
    }

    private static TrafficSender.Report send(Simulation simulation, Instant from, boolean eventsOnly) throws Exception {
        TrafficSender.Options options = TrafficSender.Options.defaults(
                        vigil.uri("/"), ApiKey.of(VigilProcess.LOCAL_KEY))
                .withBackfill(true)
                .withMaxInFlight(16)
                .withTransactions(!eventsOnly)
                .withEvents(eventsOnly);
        TrafficSender sender = new TrafficSender(options, new PrintStream(OutputStream.nullOutputStream()));
        try {
            return sender.send(simulation.items().iterator(), from);
        } finally {
            sender.close();
        }
    }

    /** Each simulated transaction's decision, from ClickHouse once all of them are projected. */
    private static Map<String, String> decisions(String runTag, int expected) throws Exception {
        String[] rows = {""};
        Stores.eventually(Duration.ofSeconds(60), expected + " decisions in ClickHouse", () -> {
            rows[0] = Stores.clickHouse("SELECT transaction_id, decision FROM " + Stores.CLICKHOUSE_DB
                    + ".decisions WHERE transaction_id LIKE 's" + runTag + "-t%' FORMAT TabSeparated");
            return rows[0].lines().count() >= expected;
        });
        return rows[0].lines()
                .map(line -> line.split("\t"))
                .collect(Collectors.toMap(r -> r[0], r -> r[1], (a, b) -> a));
    }
}
