package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A backtest over a generated history with planted fraud and known labels, all sent through the public API: the
 * history is dated in a two-hour range of a random day in 2004 that nothing else uses, so the run's counts are exact.
 * The planted cases are small payments repeated on one card (card testing), a legitimate customer whose parking
 * payments look the same, an unlabelled one, and a case that only the warm-up (the transactions before the range)
 * reveals. The draft is tested unpublished.
 */
class PatternBacktestIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Noon of a random day of 2004: a range no other test dates its transactions in. */
    private static final Instant BASE = Instant.parse("2004-01-01T12:00:00Z")
            .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(360)));

    private static final Instant TO = BASE.plus(Duration.ofHours(2));
    private static final String MERCHANT = "m-bt-" + RUN;

    private static VigilProcess vigil;
    private static String key;

    @BeforeAll
    static void start() throws Exception {
        vigil = VigilProcess.shared();
        HttpResponse<String> created = vigil.post(
                "/api/v1/api-keys", "{\"name\": \"backtest-%s\", \"scopes\": [\"manage\", \"submit\"]}".formatted(RUN));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        key = JSON.readTree(created.body()).path("key").asText();
    }

    @Test
    void aBacktestOverAGeneratedHistoryReportsTheExpectedHitsPrecisionAndRecall() throws Exception {
        // 40 ordinary payments on cards of their own, every fourth confirmed legitimate
        for (int i = 0; i < 40; i++) {
            String id = send("legit-" + i, "card-l" + i, 3 * i, "25.00");
            if (i % 4 == 0) {
                label(id, "confirmed_legitimate");
            }
        }
        // card testing on card A: the 3rd and 4th attempts are hits; all four are chargebacks
        for (int i = 0; i < 4; i++) {
            label(send("a" + i, "card-a", 10 + i, "1.00"), "chargeback");
        }
        // card B: the 3rd attempt is a hit; the 1st and 3rd confirmed fraud, the 2nd never labelled
        label(send("b0", "card-b", 40, "2.00"), "confirmed_fraud");
        send("b1", "card-b", 41, "2.00");
        label(send("b2", "card-b", 42, "2.00"), "confirmed_fraud");
        // card C: a legitimate customer paying parking three times: the 3rd is a hit, and legitimate
        send("c0", "card-c", 70, "3.00");
        send("c1", "card-c", 71, "3.00");
        label(send("c2", "card-c", 72, "3.00"), "confirmed_legitimate");
        // card D: one attempt before the range (warm-up), two in it: the 2nd in the range is a hit only with the
        // warm-up counted; the one before the range is labelled but outside it
        label(send("d-before", "card-d", -10, "1.00"), "chargeback");
        send("d0", "card-d", 2, "1.00");
        label(send("d1", "card-d", 3, "1.00"), "chargeback");
        // card E: three small payments nobody labelled: the 3rd is an unlabelled hit
        send("e0", "card-e", 90, "4.00");
        send("e1", "card-e", 91, "4.00");
        send("e2", "card-e", 92, "4.00");
        // card A again after the range: neither evaluated nor counted
        label(send("a-after", "card-a", 121, "1.00"), "chargeback");

        String pattern = "p-bt-" + RUN;
        JsonNode created = ok(call("POST", "/api/v1/patterns", """
                {"id": "%s", "name": "Card testing (backtest)",
                 "expression": "tx.merchantId == '%s' && tx.amount < 5.0 && features.card.count_15m >= 2",
                 "effect": "decline"}
                """.formatted(pattern, MERCHANT)));
        assertThat(created.path("draftState").asText()).isEqualTo("draft");

        HttpResponse<String> started = call(
                "POST",
                "/api/v1/patterns/" + pattern + "/backtests",
                "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(BASE, TO));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        String runId = JSON.readTree(started.body()).path("runId").asText();
        assertThat(location).isEqualTo("/api/v1/patterns/" + pattern + "/backtests/" + runId);
        assertThat(JSON.readTree(started.body()).path("subject").asText()).isEqualTo("draft");

        JsonNode[] run = new JsonNode[1];
        eventually(Duration.ofSeconds(120), "the backtest finished", () -> {
            run[0] = ok(call("GET", location, null));
            return !run[0].path("status").asText().equals("running");
        });
        assertThat(run[0].path("status").asText()).as(run[0].toString()).isEqualTo("completed");
        assertThat(run[0].path("progress").asDouble()).isEqualTo(1.0);
        JsonNode result = run[0].path("result");
        assertThat(result.path("transactions").asLong()).isEqualTo(55);
        assertThat(result.path("hits").asLong()).isEqualTo(6);
        assertThat(result.path("fraudHits").asLong()).isEqualTo(4);
        assertThat(result.path("legitimateHits").asLong()).isEqualTo(1);
        assertThat(result.path("unlabelledHits").asLong()).isEqualTo(1);
        assertThat(result.path("fraudTransactions").asLong()).isEqualTo(7);
        assertThat(result.path("legitimateTransactions").asLong()).isEqualTo(11);
        assertThat(result.path("precision").asDouble()).isEqualTo(0.8); // 4 fraud of 5 labelled hits
        assertThat(result.path("recall").asDouble()).isCloseTo(4.0 / 7, within(1e-12)); // 4 of 7 fraud
        assertThat(result.path("moneyCaught").path("EUR").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(result.path("moneyWronglyStopped").path("EUR").decimalValue())
                .isEqualByComparingTo("3.00");
        List<String> sample = new ArrayList<>();
        result.path("sampleHits").forEach(id -> sample.add(id.asText()));
        assertThat(sample).containsExactly(tx("d1"), tx("a2"), tx("a3"), tx("b2"), tx("c2"), tx("e2"));
        JsonNode live = result.path("liveDecisions");
        JsonNode with = result.path("withPatternDecisions");
        assertThat(live.path("approve").asLong()
                        + live.path("review").asLong()
                        + live.path("decline").asLong())
                .isEqualTo(55);
        assertThat(with.path("decline").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(run[0].path("decisionChange").path("decline").asLong())
                .isEqualTo(with.path("decline").asLong() - live.path("decline").asLong());

        // a stricter expression given directly, without saving it: only the 4th attempt on card A is a hit
        HttpResponse<String> stricter =
                call("POST", "/api/v1/patterns/" + pattern + "/backtests", """
                {"from": "%s", "to": "%s",
                 "expression": "tx.merchantId == '%s' && tx.amount < 5.0 && features.card.count_15m >= 3"}
                """.formatted(BASE, TO, MERCHANT));
        assertThat(stricter.statusCode()).as(stricter.body()).isEqualTo(202);
        String second = stricter.headers().firstValue("Location").orElseThrow();
        eventually(Duration.ofSeconds(120), "the second backtest finished", () -> {
            run[0] = ok(call("GET", second, null));
            return !run[0].path("status").asText().equals("running");
        });
        assertThat(run[0].path("subject").asText()).isEqualTo("expression");
        assertThat(run[0].path("result").path("sampleHits").get(0).asText()).isEqualTo(tx("a3"));
        assertThat(run[0].path("result").path("hits").asLong()).isEqualTo(1);
        assertThat(run[0].path("result").path("precision").asDouble()).isEqualTo(1.0);
        assertThat(run[0].path("result").path("recall").asDouble()).isCloseTo(1.0 / 7, within(1e-12));

        // both kept with the pattern, newest first; a finished run cannot be cancelled
        JsonNode runs = ok(call("GET", "/api/v1/patterns/" + pattern + "/backtests", null));
        assertThat(runs.path("runs").findValuesAsText("runId"))
                .containsExactly(run[0].path("runId").asText(), runId);
        assertThat(runs.path("runs").findValuesAsText("subject")).containsExactly("expression", "draft");
        HttpResponse<String> cancel = call("DELETE", location, null);
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(409);
    }

    @Test
    void badRangesAndUnknownPatternsOrRunsAreProblems() throws Exception {
        String pattern = "p-bt-bad-" + RUN;
        ok(call("POST", "/api/v1/patterns", """
                {"id": "%s", "name": "Bad ranges", "expression": "tx.amount > 1.0", "effect": "review"}
                """.formatted(pattern)));
        String backtests = "/api/v1/patterns/" + pattern + "/backtests";

        assertProblem(
                call("POST", backtests, "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(TO, BASE)),
                400,
                "to must be after from");
        assertProblem(
                call(
                        "POST",
                        backtests,
                        "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(BASE, BASE.plus(Duration.ofDays(32)))),
                400,
                "at most 31 days");
        assertProblem(call("POST", backtests, "{\"from\": \"yesterday\"}"), 400, "from must be an ISO-8601 instant");
        assertProblem(
                call(
                        "POST",
                        backtests,
                        "{\"from\": \"%s\", \"to\": \"%s\", \"expression\": \"tx.amout > 1.0\"}".formatted(BASE, TO)),
                422,
                "tx.amout");
        assertProblem(
                call(
                        "POST",
                        "/api/v1/patterns/p-bt-none-" + RUN + "/backtests",
                        "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(BASE, TO)),
                404,
                "no pattern");
        assertProblem(call("GET", backtests + "/bt-unknown", null), 404, "no backtest");
    }

    @Test
    void aSampleTransactionTypedOrRecordedIsTestedWithTheValuesEachPartSaw() throws Exception {
        JsonNode typed = ok(call("POST", "/api/v1/patterns/test", """
                {"expression": "tx.merchantId == '%s' && tx.amount < 5.0 && features.card.count_15m >= 2",
                 "transaction": {"amount": 2.0, "merchantId": "%s", "cardFingerprint": "card-x",
                                 "features": {"features.card.count_15m": 3}}}
                """.formatted(MERCHANT, MERCHANT)));
        assertThat(typed.path("problems")).isEmpty();
        assertThat(typed.path("matches").asBoolean()).isTrue();
        assertThat(typed.path("values").path("tx.amount").asDouble()).isEqualTo(2.0);
        assertThat(typed.path("values").path("features.card.count_15m").asLong())
                .isEqualTo(3);
        assertThat(typed.path("clauses").findValuesAsText("expression"))
                .containsExactly(
                        "tx.merchantId == '%s'".formatted(MERCHANT), "tx.amount < 5.0", "features.card.count_15m >= 2");
        assertThat(typed.path("clauses").findValuesAsText("value")).containsExactly("true", "true", "true");

        String recorded = send("sample", "card-s", 200, "25.00"); // after the backtest's range
        JsonNode byId = ok(call(
                "POST",
                "/api/v1/patterns/test",
                "{\"expression\": \"tx.amount < 5.0 || tx.country == 'SE'\", \"transactionId\": \"%s\"}"
                        .formatted(recorded)));
        assertThat(byId.path("matches").asBoolean()).isTrue();
        assertThat(byId.path("transactionId").asText()).isEqualTo(recorded);
        assertThat(byId.path("clauses").findValuesAsText("value")).containsExactly("false", "true");

        JsonNode refused = ok(call(
                "POST",
                "/api/v1/patterns/test",
                "{\"expression\": \"tx.amount > 1.0\", \"transaction\": {\"amount\": -1}}"));
        assertThat(refused.path("matches").isNull()).isTrue();
        assertThat(refused.path("problems").get(0).asText()).startsWith("amount ");
    }

    @Test
    void theOpenApiDocumentDescribesBacktestsWithTheManageScope() throws Exception {
        HttpResponse<String> docs =
                vigil.get("/v3/api-docs", "Cookie", vigil.console().cookie());
        JsonNode paths = JSON.readTree(docs.body()).path("paths");
        JsonNode start = paths.path("/api/v1/patterns/{id}/backtests").path("post");
        assertThat(start.path("x-vigil-scope").asText()).isEqualTo("manage");
        assertThat(start.path("responses").has("202")).isTrue();
        assertThat(start.path("responses").has("503")).isTrue();
        JsonNode run = paths.path("/api/v1/patterns/{id}/backtests/{runId}");
        assertThat(run.path("get").path("responses").has("200")).isTrue();
        assertThat(run.path("delete").path("responses").has("202")).isTrue();
        assertThat(run.path("delete").path("responses").has("409")).isTrue();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("detail").asText()).contains(detail);
    }

    private static String tx(String name) {
        return "bt-" + RUN + "-" + name;
    }

    /** Sends a transaction dated {@code minutes} after the range's start and answers its id. */
    private static String send(String name, String card, int minutes, String amount) throws Exception {
        String id = tx(name);
        HttpResponse<String> response = call("POST", "/api/v1/transactions", """
                {"id": "%s", "timestamp": "%s", "amount": %s, "currency": "EUR", "merchantId": "%s",
                 "cardFingerprint": "%s-%s", "country": "SE", "paymentMethod": "card", "channel": "web"}
                """.formatted(
                        id, BASE.plus(Duration.ofMinutes(minutes)), amount, MERCHANT, card, RUN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return id;
    }

    private static void label(String id, String outcome) throws Exception {
        HttpResponse<String> response =
                call("POST", "/api/v1/transactions/" + id + "/outcome", "{\"outcome\": \"%s\"}".formatted(outcome));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static HttpResponse<String> call(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = vigil.request(path).header("Content-Type", "application/json");
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return vigil.send(request, key);
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
        return JSON.readTree(response.body());
    }
}
