package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One backtest cannot exhaust the heap: a draft monitor over more series than {@code
 * vigil.monitoring.limits.max-backtest-series} (10,000) is refused with a 400 naming the limit before anything is
 * evaluated, and a backtest over a whole week in which its series have traffic in a few minutes only answers. Before
 * the limit, the backtest held a dense array per series over the whole range and refused nothing.
 */
class BacktestLimitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int MAX_SERIES = 10_000;
    private static VigilProcess vigil;

    @BeforeAll
    static void startVigil() throws Exception {
        vigil = VigilProcess.shared();
    }

    @Test
    void aDraftBacktestOverMoreSeriesThanTheLimitIsRefusedNamingItAndCreatesNothing() throws Exception {
        String merchant = "bt-" + RUN + "-over";
        Instant at = Instant.now().minus(10, ChronoUnit.MINUTES);
        // one browser more than the limit, all in one minute of one merchant: a batch holds at most 10,000 events
        send(merchant, 0, MAX_SERIES, List.of(at));
        send(merchant, MAX_SERIES, MAX_SERIES + 1, List.of(at));
        String draft = draft("bt-" + RUN + "-draft", merchant);

        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        eventually(Duration.ofSeconds(90), "the backtest over " + (MAX_SERIES + 1) + " series to be refused", () -> {
            answer.set(vigil.post("/api/v1/monitors/backtest?days=1", draft));
            return answer.get().statusCode() != 200;
        });

        HttpResponse<String> refused = answer.get();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(problem.path("detail").asText())
                .contains("the backtest has more than " + MAX_SERIES + " series in its range");
        assertThat(vigil.get("/api/v1/monitors/bt-" + RUN + "-draft").statusCode())
                .isEqualTo(404);
        assertThat(Stores.eventTypes("bt-" + RUN + "-draft")).isEmpty();
    }

    @Test
    void aWeekLongBacktestOfSeriesWithTrafficInAFewMinutesAnswers() throws Exception {
        String merchant = "bt-" + RUN + "-sparse";
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // 40 series, each with traffic in three minutes of the week
        send(
                merchant,
                0,
                40,
                List.of(now.minus(6, ChronoUnit.DAYS), now.minus(3, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS)));
        String draft = draft(null, merchant);

        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        eventually(Duration.ofSeconds(90), "the week-long backtest to see the 40 series", () -> {
            answer.set(vigil.post("/api/v1/monitors/backtest?days=7", draft));
            return answer.get().statusCode() != 200
                    || JSON.readTree(answer.get().body()).path("series").asInt() == 40;
        });

        HttpResponse<String> answered = answer.get();
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(answered.body());
        assertThat(result.path("series").asInt()).isEqualTo(40);
        assertThat(result.path("minutes").asInt()).isEqualTo(7 * 1440);
    }

    /** A conversion monitor of one merchant's authorizations by browser, not saved. */
    private static String draft(String id, String merchant) {
        return """
                {%s"name": "backtest limits", "metric": "conversion", "operation": "authorization",
                 "dimensions": ["browser"], "filter": {"merchant": "%s"}}
                """.formatted(id == null ? "" : "\"id\": \"" + id + "\", ", merchant);
    }

    /** Successful authorizations of the merchant in browsers {@code b-from} to {@code b-(to-1)}, one at each time. */
    private static void send(String merchant, int from, int to, List<Instant> times) throws Exception {
        StringBuilder batch = new StringBuilder("[");
        for (int b = from; b < to; b++) {
            for (int t = 0; t < times.size(); t++) {
                batch.append(batch.length() == 1 ? "" : ",")
                        .append("{\"id\":\"")
                        .append(merchant)
                        .append('-')
                        .append(b)
                        .append('-')
                        .append(t)
                        .append("\",\"timestamp\":\"")
                        .append(times.get(t))
                        .append("\",\"merchantId\":\"")
                        .append(merchant)
                        .append("\",\"operation\":\"authorization\",\"outcome\":\"success\",\"browser\":\"b-")
                        .append(b)
                        .append("\"}");
            }
        }
        HttpResponse<String> accepted =
                vigil.post("/api/v1/events/batch", batch.append(']').toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }
}
