package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transaction search over the API against the real stores: transactions submitted with known customers, cards,
 * devices, e-mails, IPs, merchants and amounts, two of them labelled, are found by each filter, exactly, in the order
 * asked for and page by page. Every value is this run's own, so other tests' transactions never match.
 */
class TransactionSearchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "ts" + UUID.randomUUID().toString().substring(0, 8);
    private static final Instant BASE = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private static final String[] IPS = {randomIp(), randomIp(), randomIp()};

    /** id suffix, customer, card, device, e-mail, IP index, merchant, amount. */
    private static final String[][] TRANSACTIONS = {
        {"0", "A", "K1", "D1", "a", "0", "M1", "10.00"},
        {"1", "A", "K2", "D1", "a", "1", "M1", "25.50"},
        {"2", "B", "K2", "D2", "b", "0", "M2", "1500"},
        {"3", "B", "K3", "D2", "b", "2", "M2", "75"},
        {"4", "C", "K3", "D3", "c", "2", "M1", "5.25"}
    };

    private static VigilProcess vigil;
    private static final Map<String, JsonNode> decided = new HashMap<>();

    @BeforeAll
    static void submit() throws Exception {
        vigil = VigilProcess.shared();
        for (int i = 0; i < TRANSACTIONS.length; i++) {
            String[] t = TRANSACTIONS[i];
            String body = """
                    {"id": "%s", "timestamp": "%s", "amount": %s, "currency": "EUR", "merchantId": "%s",
                     "customerId": "%s", "cardFingerprint": "%s", "deviceId": "%s", "email": "%s@%s.example",
                     "ip": "%s", "country": "SE", "paymentMethod": "card", "channel": "web"}""".formatted(
                    id(i), time(i), t[7], v(t[6]), v(t[1]), v(t[2]), v(t[3]), t[4], RUN, IPS[Integer.parseInt(t[5])]);
            HttpResponse<String> answer = vigil.post("/api/v1/transactions", body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            decided.put(id(i), JSON.readTree(answer.body()));
        }
        label(id(1), "confirmed_fraud");
        label(id(3), "chargeback");
        eventually(Duration.ofSeconds(60), "the transactions and labels searchable", () -> {
            JsonNode page = search("merchantId=" + v("M2") + "&label=chargeback");
            return ids(page).equals(List.of(id(3)))
                    && ids(search("customerId=" + v("C"))).equals(List.of(id(4)));
        });
    }

    @Test
    void eachFilterFindsExactlyItsTransactionsNewestFirst() throws Exception {
        assertThat(ids(search("id=" + id(2)))).containsExactly(id(2));
        assertThat(ids(search("customerId=" + v("A")))).containsExactly(id(1), id(0));
        assertThat(ids(search("cardFingerprint=" + v("K2")))).containsExactly(id(2), id(1));
        assertThat(ids(search("deviceId=" + v("D2")))).containsExactly(id(3), id(2));
        assertThat(ids(search("email=" + enc("b@" + RUN + ".example")))).containsExactly(id(3), id(2));
        assertThat(ids(search("ip=" + enc(IPS[0])))).containsExactly(id(2), id(0));
        assertThat(ids(search("merchantId=" + v("M1")))).containsExactly(id(4), id(1), id(0));
        assertThat(ids(search("merchantId=" + v("M1") + "&from=" + time(1) + "&to=" + time(4))))
                .as("from inclusive, to exclusive")
                .containsExactly(id(1));
        assertThat(ids(search("merchantId=" + v("M1") + "&from=" + time(1) + "&to=" + time(4).plusSeconds(1))))
                .containsExactly(id(4), id(1));
        assertThat(ids(search("customerId=" + v("B") + "&minAmount=50&maxAmount=100")))
                .containsExactly(id(3));
        assertThat(ids(search("merchantId=" + v("M1") + "&minAmount=10&maxAmount=25.5")))
                .containsExactly(id(1), id(0));
    }

    @Test
    void decisionPatternAndScoreFiltersFollowTheDecisions() throws Exception {
        JsonNode big = decided.get(id(2));
        String decision = big.path("decision").asText();
        assertThat(ids(search("merchantId=" + v("M2") + "&decision=" + decision)))
                .containsExactlyElementsOf(
                        expected(d -> d.path("decision").asText().equals(decision), id(3), id(2)));
        for (JsonNode reason : big.path("reasons")) {
            String pattern = reason.path("patternId").asText();
            assertThat(ids(search("customerId=" + v("B") + "&patternId=" + enc(pattern))))
                    .containsExactlyElementsOf(expected(d -> hasPattern(d, pattern), id(3), id(2)));
            assertThat(ids(search("patternId=" + enc(pattern) + "&customerId=" + v("B") + "&sort=time")))
                    .containsExactlyElementsOf(expected(d -> hasPattern(d, pattern), id(2), id(3)));
        }
        double score = big.path("score").asDouble();
        assertThat(ids(search("merchantId=" + v("M2") + "&minScore=" + score + "&maxScore=" + score)))
                .containsExactlyElementsOf(expected(d -> d.path("score").asDouble() == score, id(3), id(2)));
        if (score < 100) {
            assertThat(ids(search("id=" + id(2) + "&minScore=" + Math.min(100, score + 0.5))))
                    .isEmpty();
        }
    }

    @Test
    void labelsAreTheLatestOutcome() throws Exception {
        assertThat(ids(search("customerId=" + v("A") + "&label=confirmed_fraud")))
                .containsExactly(id(1));
        assertThat(ids(search("customerId=" + v("A") + "&label=none"))).containsExactly(id(0));
        assertThat(ids(search("merchantId=" + v("M2") + "&label=chargeback"))).containsExactly(id(3));
        assertThat(ids(search("merchantId=" + v("M2") + "&label=confirmed_legitimate")))
                .isEmpty();
        JsonNode hit = search("id=" + id(1)).path("transactions").get(0);
        assertThat(hit.path("label").asText()).isEqualTo("confirmed_fraud");
    }

    @Test
    void sortsAndPagesInTheOrderAsked() throws Exception {
        String m1 = "merchantId=" + v("M1");
        assertThat(ids(search(m1 + "&sort=amount"))).containsExactly(id(4), id(0), id(1));
        assertThat(ids(search(m1 + "&sort=-amount"))).containsExactly(id(1), id(0), id(4));
        assertThat(ids(search(m1 + "&sort=time"))).containsExactly(id(0), id(1), id(4));
        List<String> byScore = IntStream.range(0, TRANSACTIONS.length)
                .mapToObj(TransactionSearchIT::id)
                .sorted(Comparator.comparingDouble(
                                (String id) -> decided.get(id).path("score").asDouble())
                        .thenComparing(id -> id) // ids sort as their times do
                        .reversed())
                .toList();
        assertThat(ids(search("email=" + enc("a@" + RUN + ".example") + "&sort=-score")))
                .containsExactlyElementsOf(byScore.stream()
                        .filter(id -> id.endsWith("-0") || id.endsWith("-1"))
                        .toList());

        JsonNode first = search(m1 + "&size=2");
        assertThat(ids(first)).containsExactly(id(4), id(1));
        assertThat(first.path("hasMore").asBoolean()).isTrue();
        JsonNode second = search(m1 + "&size=2&page=1");
        assertThat(ids(second)).containsExactly(id(0));
        assertThat(second.path("hasMore").asBoolean()).isFalse();
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("sort").asText()).isEqualTo("-time");
    }

    @Test
    void aHitCarriesTheSearchedFields() throws Exception {
        JsonNode hit = search("id=" + id(0)).path("transactions").get(0);
        assertThat(hit.path("transactionId").asText()).isEqualTo(id(0));
        assertThat(hit.path("timestamp").asText()).isEqualTo(time(0).toString());
        assertThat(hit.path("amount").decimalValue()).isEqualByComparingTo("10");
        assertThat(hit.path("currency").asText()).isEqualTo("EUR");
        assertThat(hit.path("merchantId").asText()).isEqualTo(v("M1"));
        assertThat(hit.path("customerId").asText()).isEqualTo(v("A"));
        assertThat(hit.path("cardFingerprint").asText()).isEqualTo(v("K1"));
        assertThat(hit.path("deviceId").asText()).isEqualTo(v("D1"));
        assertThat(hit.path("email").asText()).isEqualTo("a@" + RUN + ".example");
        assertThat(hit.path("ip").asText()).isEqualTo(IPS[0]);
        assertThat(hit.path("decision").asText())
                .isEqualTo(decided.get(id(0)).path("decision").asText());
        assertThat(hit.path("label").isNull()).isTrue();
    }

    @Test
    void aSearchNeedsAKeyWithTheReadScope() throws Exception {
        HttpResponse<String> anonymous = vigil.send(vigil.request("/api/v1/transactions?customerId=" + v("A")), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDeclaresTheSearchWithTheReadScope() throws Exception {
        HttpResponse<String> docs =
                vigil.get("/v3/api-docs", "Cookie", vigil.console().cookie());
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode search = JSON.readTree(docs.body())
                .path("paths")
                .path("/api/v1/transactions")
                .path("get");
        assertThat(search.path("x-vigil-scope").asText()).isEqualTo("read");
        List<String> parameters = new ArrayList<>();
        search.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
        assertThat(parameters)
                .contains(
                        "id",
                        "customerId",
                        "cardFingerprint",
                        "deviceId",
                        "email",
                        "ip",
                        "merchantId",
                        "decision",
                        "patternId",
                        "label",
                        "minScore",
                        "maxScore",
                        "minAmount",
                        "maxAmount",
                        "from",
                        "to",
                        "sort",
                        "page",
                        "size");
        assertThat(search.path("responses").has("400")).isTrue();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static List<String> expected(java.util.function.Predicate<JsonNode> test, String... inOrder) {
        List<String> ids = new ArrayList<>();
        for (String id : inOrder) {
            if (test.test(decided.get(id))) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static boolean hasPattern(JsonNode decision, String pattern) {
        for (JsonNode reason : decision.path("reasons")) {
            if (reason.path("patternId").asText().equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode search(String query) throws Exception {
        HttpResponse<String> answer = vigil.get("/api/v1/transactions?" + query);
        assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("transactions").forEach(t -> ids.add(t.path("transactionId").asText()));
        return ids;
    }

    private static void label(String id, String outcome) throws Exception {
        HttpResponse<String> answer = vigil.post(
                "/api/v1/transactions/" + id + "/outcome",
                "{\"outcome\": \"%s\", \"timestamp\": \"%s\"}".formatted(outcome, Instant.now()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private static String id(int i) {
        return RUN + "-" + i;
    }

    private static Instant time(int i) {
        return BASE.plus(i, ChronoUnit.MINUTES);
    }

    /** A value of this run: {@code A} becomes {@code <run>-A}. */
    private static String v(String name) {
        return RUN + "-" + name;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
