package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Past its limit of concurrent decisions Vigil sheds load with 503 and Retry-After, and stores nothing for it. */
class OverloadIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shedRequestsGet503WithRetryAfterAndLeaveNothingBehind() throws Exception {
        VigilProcess.stopShared();
        VigilProcess vigil = VigilProcess.dedicated("overload", Map.of("VIGIL_INGEST_MAX_CONCURRENT_DECISIONS", "1"));
        vigil.start();
        String run = "overload-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, HttpResponse<String>> answers = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Future<Void>> sent = new ArrayList<>();
            for (int i = 0; i < 320; i++) {
                String id = run + i;
                sent.add(clients.submit(() -> {
                    answers.put(id, vigil.post("/api/v1/transactions", TransactionFlowIT.transaction(id, "10.00", "")));
                    return null;
                }));
            }
            for (Future<Void> f : sent) {
                f.get();
            }

            long shed = 0;
            for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
                HttpResponse<String> r = answer.getValue();
                if (r.statusCode() == 503) {
                    shed++;
                    assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(JSON.readTree(r.body()).path("type").asText()).isEqualTo("/problems/overloaded");
                    assertThat(Stores.eventTypes(answer.getKey())).isEmpty();
                } else {
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(Stores.eventTypes(answer.getKey())).hasSize(2);
                }
            }
            assertThat(shed)
                    .as("requests shed out of 320 from 32 clients with one decision slot")
                    .isPositive();
            assertThat(answers).hasSize(320);
            assertThat(vigil.get("/actuator/prometheus").body()).contains("vigil_requests_shed_total");
        } finally {
            clients.shutdownNow();
            vigil.stop();
        }
    }
}
