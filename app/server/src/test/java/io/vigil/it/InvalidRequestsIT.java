package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed request named in the contract gets its 4xx problem+json and leaves no event behind. */
class InvalidRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static VigilProcess vigil;

    @BeforeAll
    static void startVigil() throws Exception {
        vigil = VigilProcess.shared();
    }

    static Stream<Arguments> invalidTransactions() {
        return Stream.of(
                Arguments.of(
                        "missing id",
                        "{\"timestamp\":\"2026-11-23T10:15:30Z\",\"amount\":1,\"currency\":\"EUR\",\"merchantId\":\"m\"}",
                        "id"),
                Arguments.of("id with a space", body("bad id", "10.00", "EUR", ""), "id"),
                Arguments.of("id over 64 characters", body("x".repeat(65), "10.00", "EUR", ""), "id"),
                Arguments.of(
                        "missing timestamp",
                        "{\"id\":\"%ID%\",\"amount\":1,\"currency\":\"EUR\",\"merchantId\":\"m\"}",
                        "timestamp"),
                Arguments.of(
                        "timestamp not ISO-8601",
                        body("%ID%", "10.00", "EUR", ",\"timestamp\":\"23/11/2026\""),
                        "timestamp"),
                Arguments.of(
                        "missing amount",
                        "{\"id\":\"%ID%\",\"timestamp\":\"2026-11-23T10:15:30Z\",\"currency\":\"EUR\",\"merchantId\":\"m\"}",
                        "amount"),
                Arguments.of("zero amount", body("%ID%", "0", "EUR", ""), "amount"),
                Arguments.of("negative amount", body("%ID%", "-3.50", "EUR", ""), "amount"),
                Arguments.of("too many decimals", body("%ID%", "10.001", "EUR", ""), "amount"),
                Arguments.of("decimals on a currency without minor units", body("%ID%", "10.5", "JPY", ""), "amount"),
                Arguments.of("amount of the wrong type", body("%ID%", "true", "EUR", ""), "amount"),
                Arguments.of("amount that is not a number", body("%ID%", "\"ten\"", "EUR", ""), "amount"),
                Arguments.of(
                        "missing currency",
                        "{\"id\":\"%ID%\",\"timestamp\":\"2026-11-23T10:15:30Z\",\"amount\":1,\"merchantId\":\"m\"}",
                        "currency"),
                Arguments.of("unknown currency", body("%ID%", "10.00", "EUR", ",\"currency\":\"EURO\""), "currency"),
                Arguments.of(
                        "missing merchant",
                        "{\"id\":\"%ID%\",\"timestamp\":\"2026-11-23T10:15:30Z\",\"amount\":1,\"currency\":\"EUR\"}",
                        "merchantId"),
                Arguments.of("unknown country", body("%ID%", "10.00", "EUR", ",\"country\":\"XX\""), "country"),
                Arguments.of(
                        "unknown payment method",
                        body("%ID%", "10.00", "EUR", ",\"paymentMethod\":\"cash\""),
                        "paymentMethod"),
                Arguments.of("unknown channel", body("%ID%", "10.00", "EUR", ",\"channel\":\"fax\""), "channel"),
                Arguments.of(
                        "attributes that are not an object",
                        body("%ID%", "10.00", "EUR", ",\"attributes\":[1,2]"),
                        "attributes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTransactions")
    void anInvalidTransactionIsRejectedWithTheFieldAndNothingIsStored(String name, String template, String field)
            throws Exception {
        String id = "bad-" + RUN + "-" + Math.abs(name.hashCode());

        HttpResponse<String> response = vigil.post("/api/v1/transactions", template.replace("%ID%", id));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        String id = "bad-" + RUN + "-json";
        HttpResponse<String> response = vigil.post("/api/v1/transactions", "{\"id\":\"" + id + "\",\"amount\": 12,,}");

        assertProblem(response, 400, "/problems/malformed");
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void anEmptyBodyIsA400Problem() throws Exception {
        assertProblem(vigil.post("/api/v1/transactions", ""), 400, "/problems/malformed");
    }

    @Test
    void aBodyOver64KibIsA413Problem() throws Exception {
        String id = "bad-" + RUN + "-big";
        String big = body(id, "10.00", "EUR", ",\"attributes\":{\"pad\":\"" + "x".repeat(70_000) + "\"}");

        assertProblem(vigil.post("/api/v1/transactions", big), 413, "/problems/payload-too-large");
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() throws Exception {
        assertProblem(
                vigil.post("/api/v1/transactions", "id=1", "application/x-www-form-urlencoded"),
                415,
                "/problems/http-415");
    }

    @Test
    void anUnknownTransactionIsA404Problem() throws Exception {
        assertProblem(vigil.get("/api/v1/transactions/nope-" + RUN), 404, "/problems/not-found");
    }

    @Test
    void anOutcomeForAnUnknownTransactionIsA404AndStoresNothing() throws Exception {
        String id = "nope-" + RUN + "-outcome";
        assertProblem(
                vigil.post("/api/v1/transactions/" + id + "/outcome", "{\"outcome\":\"chargeback\"}"),
                404,
                "/problems/not-found");
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void anUnknownOutcomeIsA400Problem() throws Exception {
        String id = "bad-" + RUN + "-outcome";
        vigil.post("/api/v1/transactions", body(id, "10.00", "EUR", ""));

        HttpResponse<String> response =
                vigil.post("/api/v1/transactions/" + id + "/outcome", "{\"outcome\":\"maybe\"}");

        assertProblem(response, 400, "/problems/validation");
        assertThat(Stores.eventTypes(id)).hasSize(2);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
    }

    private static String body(String id, String amount, String currency, String extra) {
        String json = "{\"id\":\"" + id + "\",\"timestamp\":\"2026-11-23T10:15:30Z\",\"amount\":" + amount
                + ",\"currency\":\"" + currency + "\",\"merchantId\":\"m-42\"" + extra + "}";
        // a later duplicate key wins in Jackson, so extra fields can override the defaults above
        return json;
    }
}
