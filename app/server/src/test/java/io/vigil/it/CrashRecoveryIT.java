package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL in the middle of a stream of POSTs, then a restart: every transaction that got a 200 is readable with the
 * decision the client was given, no transaction is half-written, and ClickHouse holds each stored one exactly once.
 */
class CrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 8;

    @Test
    void everyAnsweredTransactionSurvivesAKillAndIsProjectedExactlyOnce() throws Exception {
        VigilProcess.stopShared(); // this test's Vigil must be the one projecting when it is killed
        String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        // the time budget is for decisions under load; here the first decision after the restart must use the patterns
        // even when the restart shares two cores with the projection catching up, so the budget is not what is tested
        VigilProcess vigil = VigilProcess.dedicated("crash", Map.of("VIGIL_SCORING_TIME_BUDGET", "2s"));
        vigil.start();

        Map<String, String> answered = new ConcurrentHashMap<>(); // id -> decidedAt the client was given
        AtomicInteger sequence = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (sending.get()) {
                    String id = prefix + sequence.incrementAndGet();
                    try {
                        HttpResponse<String> r = vigil.post(
                                "/api/v1/transactions",
                                TransactionFlowIT.transaction(id, sequence.get() % 7 == 0 ? "1500.00" : "42.00", ""));
                        if (r.statusCode() == 200) {
                            answered.put(
                                    id,
                                    JSON.readTree(r.body()).path("decidedAt").asText());
                        }
                    } catch (Exception connectionLost) {
                        // expected once the process is killed
                    }
                }
                return null;
            });
        }
        eventually(Duration.ofSeconds(60), "a few hundred answered transactions", () -> answered.size() >= 300);
        vigil.kill();
        sending.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int sent = sequence.get();

        vigil.start();
        try {
            // the first decision after a start already uses the patterns (no fallback while they load)
            HttpResponse<String> first =
                    vigil.post("/api/v1/transactions", TransactionFlowIT.transaction(prefix + "after", "1500.00", ""));
            assertThat(JSON.readTree(first.body()).path("fallback").asBoolean())
                    .as(first.body())
                    .isFalse();
            assertThat(JSON.readTree(first.body()).path("decision").asText()).isEqualTo("review");

            // every 200 is readable with the very decision the client was given
            for (Map.Entry<String, String> entry : answered.entrySet()) {
                HttpResponse<String> read = vigil.get("/api/v1/transactions/" + entry.getKey());
                assertThat(read.statusCode()).as(entry.getKey()).isEqualTo(200);
                assertThat(JSON.readTree(read.body()).path("decidedAt").asText())
                        .isEqualTo(entry.getValue());
            }

            // nothing half-written: each stored transaction has exactly its two events
            Map<String, Integer> stored = Stores.eventCountsByAggregate(prefix);
            assertThat(stored.keySet()).containsAll(answered.keySet());
            assertThat(Set.copyOf(stored.values())).containsExactly(2);

            // ClickHouse holds each stored transaction exactly once, with no row for anything not stored
            String where = " WHERE transaction_id LIKE '" + prefix + "%'";
            eventually(
                    Duration.ofSeconds(60),
                    "the projection to catch up after the restart",
                    () -> Stores.clickHouseCount("SELECT count() FROM decisions" + where) >= stored.size());
            assertThat(Stores.clickHouseCount("SELECT count() FROM transactions" + where))
                    .isEqualTo(stored.size());
            assertThat(Stores.clickHouseCount("SELECT uniqExact(transaction_id) FROM transactions" + where))
                    .isEqualTo(stored.size());
            assertThat(Stores.clickHouseCount("SELECT count() FROM decisions" + where))
                    .isEqualTo(stored.size());
            assertThat(Stores.clickHouseCount("SELECT uniqExact(transaction_id) FROM decisions" + where))
                    .isEqualTo(stored.size());
            System.out.printf(
                    "CrashRecoveryIT: %d sent, %d answered 200 before the kill, %d stored, %d in ClickHouse%n",
                    sent,
                    answered.size(),
                    stored.size(),
                    Stores.clickHouseCount("SELECT count() FROM transactions" + where));
        } finally {
            vigil.stop();
        }
    }
}
