package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and careless input to every endpoint's fields, as an attacker or a buggy client would send it: control
 * characters, over-long texts, times outside their windows, amounts and currencies that are not money, numbers out
 * of range. Each is a 400 (or 409) {@code application/problem+json} naming the field, and nothing is stored or
 * changed.
 */
class HostileValidationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "hv" + UUID.randomUUID().toString().substring(0, 8);
    private static VigilProcess vigil;

    @BeforeAll
    static void startVigil() throws Exception {
        vigil = VigilProcess.shared();
    }

    // ---- POST /api/v1/transactions ------------------------------------------------------------------------------

    static Stream<Arguments> hostileTransactions() {
        return Stream.of(
                Arguments.of("NUL in the merchant", "\"merchantId\":\"m\\u0000x\"", "merchantId"),
                Arguments.of("line break in the customer", "\"customerId\":\"c-1\\nX-Injected: 1\"", "customerId"),
                Arguments.of("bidi override in the browser", "\"browser\":\"chrome\\u202Eexe\"", "browser"),
                Arguments.of("C1 control in the device", "\"deviceId\":\"d\\u0085\"", "deviceId"),
                Arguments.of(
                        "unpaired surrogate in the card", "\"cardFingerprint\":\"card\\ud800\"", "cardFingerprint"),
                Arguments.of("DEL in an attribute", "\"attributes\":{\"plan\":\"gold\\u007f\"}", "attributes.plan"),
                Arguments.of("an amount of 1E-999999999", "\"amount\":1E-999999999", "amount"),
                Arguments.of("an amount of 1E+999999999", "\"amount\":1E+999999999", "amount"),
                Arguments.of("an amount string of 1E-999999999", "\"amount\":\"1E-999999999\"", "amount"),
                Arguments.of("four decimals of KWD", "\"amount\":1.2345,\"currency\":\"KWD\"", "amount"),
                Arguments.of("the no-currency code XXX", "\"currency\":\"XXX\"", "currency"),
                Arguments.of("the testing code XTS", "\"currency\":\"XTS\"", "currency"),
                Arguments.of("gold as a currency", "\"currency\":\"XAU\"", "currency"),
                Arguments.of("a withdrawn currency", "\"currency\":\"DEM\"", "currency"),
                Arguments.of("the end of time", "\"timestamp\":\"+999999999-12-31T23:59:59Z\"", "timestamp"),
                Arguments.of(
                        "a merchant of 129 characters", "\"merchantId\":\"" + "m".repeat(129) + "\"", "merchantId"));
    }

    @ParameterizedTest(name = "transaction: {0}")
    @MethodSource("hostileTransactions")
    void aHostileTransactionIsRefusedAndNothingIsStored(String name, String override, String field) throws Exception {
        String id = RUN + "-tx-" + Math.abs(name.hashCode());

        HttpResponse<String> response = vigil.post("/api/v1/transactions", transaction(id, override));

        assertValidationProblem(response, field);
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    // ---- POST /api/v1/transactions/{id}/outcome -----------------------------------------------------------------

    static Stream<Arguments> hostileOutcomes() {
        return Stream.of(
                Arguments.of(
                        "the end of time",
                        "{\"outcome\":\"chargeback\",\"timestamp\":\"+999999999-12-31T23:59:59Z\"}",
                        "timestamp"),
                Arguments.of(
                        "a year ahead",
                        "{\"outcome\":\"chargeback\",\"timestamp\":\""
                                + Instant.now().plus(Duration.ofDays(365)) + "\"}",
                        "timestamp"),
                Arguments.of(
                        "before 2000",
                        "{\"outcome\":\"chargeback\",\"timestamp\":\"1999-12-31T23:59:59Z\"}",
                        "timestamp"),
                Arguments.of(
                        "NUL in the note", "{\"outcome\":\"chargeback\",\"note\":\"issuer\\u0000notice\"}", "note"),
                Arguments.of(
                        "a note of 2001 characters",
                        "{\"outcome\":\"chargeback\",\"note\":\"" + "n".repeat(2001) + "\"}",
                        "note"),
                Arguments.of(
                        "replaces that is not a boolean",
                        "{\"outcome\":\"chargeback\",\"replaces\":\"yes please\"}",
                        "replaces"));
    }

    @ParameterizedTest(name = "outcome: {0}")
    @MethodSource("hostileOutcomes")
    void aHostileOutcomeIsRefusedAndNothingIsStored(String name, String body, String field) throws Exception {
        String id = RUN + "-oc-" + Math.abs(name.hashCode());
        assertThat(vigil.post("/api/v1/transactions", transaction(id, "")).statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = vigil.post("/api/v1/transactions/" + id + "/outcome", body);

        assertValidationProblem(response, field);
        assertThat(Stores.eventTypes(id)).hasSize(2);
    }

    @Test
    void aLaterOutcomeDoesNotSilentlyReplaceAChargebackAndItsNote() throws Exception {
        String id = RUN + "-label";
        assertThat(vigil.post("/api/v1/transactions", transaction(id, "")).statusCode())
                .isEqualTo(200);
        String at = Instant.now()
                .minus(Duration.ofHours(1))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        HttpResponse<String> chargeback = vigil.post(
                "/api/v1/transactions/" + id + "/outcome",
                "{\"outcome\":\"chargeback\",\"timestamp\":\"" + at + "\",\"note\":\"issuer notice 4711\"}");
        assertThat(chargeback.statusCode()).isEqualTo(202);

        HttpResponse<String> overwrite =
                vigil.post("/api/v1/transactions/" + id + "/outcome", "{\"outcome\":\"confirmed_legitimate\"}");

        assertProblem(overwrite, 409, "/problems/conflict");
        assertThat(JSON.readTree(overwrite.body()).path("detail").asText()).contains("\"replaces\": true");
        assertThat(Stores.eventTypes(id)).hasSize(3);
        JsonNode read = JSON.readTree(vigil.get("/api/v1/transactions/" + id).body());
        assertThat(read.path("outcome").path("outcome").asText()).isEqualTo("chargeback");
        assertThat(read.path("outcome").path("note").asText()).isEqualTo("issuer notice 4711");

        // the same report again is a retry: accepted, recorded once
        assertThat(vigil.post(
                                "/api/v1/transactions/" + id + "/outcome",
                                "{\"outcome\":\"chargeback\",\"timestamp\":\"" + at
                                        + "\",\"note\":\"issuer notice 4711\"}")
                        .statusCode())
                .isEqualTo(202);
        assertThat(Stores.eventTypes(id)).hasSize(3);

        // an explicit change is accepted and both reports are shown, the latest as the label
        HttpResponse<String> change = vigil.post(
                "/api/v1/transactions/" + id + "/outcome",
                "{\"outcome\":\"confirmed_legitimate\",\"note\":\"customer's own purchase\",\"replaces\":true}");
        assertThat(change.statusCode()).as(change.body()).isEqualTo(202);
        read = JSON.readTree(vigil.get("/api/v1/transactions/" + id).body());
        assertThat(read.path("outcome").path("outcome").asText()).isEqualTo("confirmed_legitimate");
        assertThat(read.path("outcome").path("replaced").asText()).isEqualTo("chargeback");
        assertThat(read.path("outcomes").findValuesAsText("outcome"))
                .containsExactly("chargeback", "confirmed_legitimate");
        assertThat(read.path("outcomes").get(0).path("note").asText()).isEqualTo("issuer notice 4711");
        assertThat(Stores.eventTypes(id))
                .containsExactly(
                        "TransactionRecordedEvent",
                        "TransactionDecidedEvent",
                        "TransactionOutcomeReportedEvent",
                        "TransactionOutcomeReportedEvent");
    }

    // ---- POST /api/v1/events and /api/v1/events/batch -----------------------------------------------------------

    static Stream<Arguments> hostileEvents() {
        return Stream.of(
                Arguments.of("NUL in a dimension", "\"merchantId\":\"m\\u0000\"", "merchantId"),
                Arguments.of("line break in the browser", "\"browser\":\"chrome\\r\\n\"", "browser"),
                Arguments.of("escape sequence in the device type", "\"deviceType\":\"\\u001b[31mred\"", "deviceType"),
                Arguments.of(
                        "C1 control in the error code",
                        "\"outcome\":\"failure\",\"errorCode\":\"x\\u009b\"",
                        "errorCode"),
                Arguments.of(
                        "nine days old, past the dedup window",
                        "\"timestamp\":\"" + Instant.now().minus(Duration.ofDays(9)) + "\"",
                        "timestamp"),
                Arguments.of("history from 2000", "\"timestamp\":\"2000-01-01T00:00:00Z\"", "timestamp"),
                Arguments.of("the end of time", "\"timestamp\":\"+999999999-12-31T23:59:59Z\"", "timestamp"));
    }

    @ParameterizedTest(name = "event: {0}")
    @MethodSource("hostileEvents")
    void aHostileEventIsRefusedAndNothingIsStored(String name, String override, String field) throws Exception {
        String id = RUN + "-ev-" + Math.abs(name.hashCode());

        HttpResponse<String> response = vigil.post("/api/v1/events", event(id, Instant.now(), override));

        assertValidationProblem(response, field);
        assertThat(eventIdClaimed(id)).isFalse();
    }

    @Test
    void aBatchSpanningTenYearsOfEventTimeIsRefusedWholeAndNothingIsStored() throws Exception {
        // 120 months of event time in one insert would exceed ClickHouse's max_partitions_per_insert_block (100)
        Instant now = Instant.now();
        StringBuilder batch = new StringBuilder("[");
        for (int month = 0; month < 120; month++) {
            batch.append(month == 0 ? "" : ",")
                    .append(event(RUN + "-span-" + month, now.minus(Duration.ofDays(30L * month)), ""));
        }
        batch.append(']');

        HttpResponse<String> response = vigil.post("/api/v1/events/batch", batch.toString());

        assertProblem(response, 400, "/problems/validation");
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        assertThat(errors.size()).as("every month but the current one").isGreaterThanOrEqualTo(119);
        assertThat(errors.findValuesAsText("field")).containsOnly("timestamp");
        assertThat(eventIdClaimed(RUN + "-span-0")).isFalse();
        assertThat(eventIdClaimed(RUN + "-span-119")).isFalse();
    }

    // ---- GET /api/v1/alerts, /api/v1/alerts/deliveries ----------------------------------------------------------

    static Stream<Arguments> hostileAlertQueries() {
        return Stream.of(
                Arguments.of("/api/v1/alerts?state=all", "state"),
                Arguments.of("/api/v1/alerts?state=FIRING", "state"),
                Arguments.of("/api/v1/alerts?size=0", "size"),
                Arguments.of("/api/v1/alerts?size=100000", "size"),
                Arguments.of("/api/v1/alerts?page=-1", "page"),
                Arguments.of("/api/v1/alerts?page=99999999999", "page"),
                Arguments.of("/api/v1/alerts?page=abc", "page"),
                Arguments.of("/api/v1/alerts?from=yesterday", "from"),
                Arguments.of("/api/v1/alerts?from=0001-01-01T00:00:00Z", "from"),
                Arguments.of("/api/v1/alerts?q=" + enc("a\u0000b"), "q"),
                Arguments.of("/api/v1/alerts?q=" + "x".repeat(201), "q"),
                Arguments.of("/api/v1/alerts/deliveries?limit=0", "limit"),
                Arguments.of("/api/v1/alerts/deliveries?limit=2147483648", "limit"));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("hostileAlertQueries")
    void aHostileAlertQueryIsA400NamingTheParameter(String path, String field) throws Exception {
        HttpResponse<String> response = vigil.get(path);

        assertValidationProblem(response, field);
        if (field.equals("state")) {
            assertThat(JSON.readTree(response.body()).path("detail").asText())
                    .contains("open, firing, acknowledged, resolved");
        }
    }

    // ---- GET /api/v1/transactions (search) ----------------------------------------------------------------------

    static Stream<Arguments> hostileSearches() {
        String search = "/api/v1/transactions?";
        return Stream.of(
                Arguments.of(search + "size=0", "size"),
                Arguments.of(search + "size=201", "size"),
                Arguments.of(search + "size=99999999999", "size"),
                Arguments.of(search + "page=-1", "page"),
                Arguments.of(search + "page=50&size=200", "page"),
                Arguments.of(search + "page=abc", "page"),
                Arguments.of(search + "minScore=NaN", "minScore"),
                Arguments.of(search + "maxScore=101", "maxScore"),
                Arguments.of(search + "minScore=50&maxScore=10", "minScore"),
                Arguments.of(search + "minAmount=-1", "minAmount"),
                Arguments.of(search + "maxAmount=1E+999999999", "maxAmount"),
                Arguments.of(search + "minAmount=ten", "minAmount"),
                Arguments.of(search + "from=yesterday", "from"),
                Arguments.of(search + "to=" + enc("+999999999-12-31T23:59:59Z"), "to"),
                Arguments.of(search + "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from"),
                Arguments.of(search + "decision=APPROVE", "decision"),
                Arguments.of(search + "label=fraud", "label"),
                Arguments.of(search + "sort=" + enc("score; DROP TABLE x"), "sort"),
                Arguments.of(search + "customerId=" + enc("c\u0000' OR 1=1 --"), "customerId"),
                Arguments.of(search + "email=" + "e".repeat(257), "email"),
                Arguments.of(search + "id=" + "i".repeat(65), "id"));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("hostileSearches")
    void aHostileSearchIsA400NamingTheParameter(String path, String field) throws Exception {
        assertValidationProblem(vigil.get(path), field);
    }

    // ---- POST /api/v1/alerts/{acknowledge,resolve,silence,unsilence} --------------------------------------------

    static Stream<Arguments> hostileAlertActions() {
        String alert = "\"alertId\":\"" + RUN + "-mon/0123456789abcdef0123456789abcdef\"";
        return Stream.of(
                Arguments.of("acknowledge", "{" + alert + ",\"by\":\"" + "b".repeat(200) + "\"}", "by"),
                Arguments.of("acknowledge", "{" + alert + ",\"by\":\"ann\\u0000\"}", "by"),
                Arguments.of("acknowledge", "{" + alert + ",\"note\":\"looking\\u0007\"}", "note"),
                Arguments.of("resolve", "{" + alert + ",\"note\":\"" + "n".repeat(2001) + "\"}", "note"),
                Arguments.of("resolve", "{\"alertId\":\"" + "a".repeat(129) + "\"}", "alertId"),
                Arguments.of("silence", "{" + alert + ",\"minutes\":9223372036854775807}", "minutes"),
                Arguments.of("silence", "{" + alert + ",\"minutes\":0}", "minutes"),
                Arguments.of("silence", "{" + alert + ",\"minutes\":-5}", "minutes"),
                Arguments.of("silence", "{" + alert + ",\"until\":\"+999999999-12-31T23:59:59Z\"}", "until"),
                Arguments.of("silence", "{" + alert + ",\"note\":\"\\u0000\"}", "note"),
                Arguments.of("unsilence", "{" + alert + ",\"by\":\"\\u202Eadmin\"}", "by"));
    }

    @ParameterizedTest(name = "POST /api/v1/alerts/{0}: {1}")
    @MethodSource("hostileAlertActions")
    void aHostileAlertActionIsA400NamingTheFieldAndChangesNothing(String action, String body, String field)
            throws Exception {
        HttpResponse<String> response = vigil.post("/api/v1/alerts/" + action, body);

        assertValidationProblem(response, field);
        assertThat(Stores.eventTypes(RUN + "-mon/0123456789abcdef0123456789abcdef"))
                .isEmpty();
    }

    // ---- POST/PUT /api/v1/monitors, GET .../backtest ------------------------------------------------------------

    static Stream<Arguments> hostileMonitors() {
        return Stream.of(
                Arguments.of("NUL in the name", "\"name\":\"auth\\u0000drop\"", "name"),
                Arguments.of("line break in the name", "\"name\":\"auth\\ndrop\"", "name"),
                Arguments.of("a name of 121 characters", "\"name\":\"" + "n".repeat(121) + "\"", "name"),
                Arguments.of("NUL in the description", "\"description\":\"d\\u0000\"", "description"),
                Arguments.of(
                        "a description of 2001 characters",
                        "\"description\":\"" + "d".repeat(2001) + "\"",
                        "description"),
                Arguments.of(
                        "a control character in a filter", "\"filter\":{\"merchant\":\"m\\u0001\"}", "filter.merchant"),
                Arguments.of(
                        "a filter value of 129 characters",
                        "\"filter\":{\"merchant\":\"" + "m".repeat(129) + "\"}",
                        "filter.merchant"),
                Arguments.of("a minimum volume beyond any traffic", "\"minVolume\":9223372036854775807", "minVolume"));
    }

    @ParameterizedTest(name = "monitor: {0}")
    @MethodSource("hostileMonitors")
    void aHostileMonitorIsRefusedAndNotStored(String name, String override, String field) throws Exception {
        String id = RUN + "-mon-" + Math.abs(name.hashCode());

        HttpResponse<String> response = vigil.post("/api/v1/monitors", monitor(id, override));

        assertValidationProblem(response, field);
        assertProblem(vigil.get("/api/v1/monitors/" + id), 404, "/problems/not-found");
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void aMonitorIdThatIsNotAnIdIsRefused() throws Exception {
        HttpResponse<String> response = vigil.post("/api/v1/monitors", monitor("bad id/../x", ""));

        assertValidationProblem(response, "id");
        assertThat(Stores.eventTypes("bad id/../x")).isEmpty();
    }

    @Test
    void renamingAMonitorToANameWithANulChangesNothing() throws Exception {
        String id = RUN + "-rename";
        HttpResponse<String> created = vigil.post("/api/v1/monitors", monitor(id, ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        List<String> before = Stores.eventTypes(id);

        HttpResponse<String> renamed = vigil.put("/api/v1/monitors/" + id, monitor(id, "\"name\":\"evil\\u0000name\""));

        assertValidationProblem(renamed, "name");
        assertThat(Stores.eventTypes(id)).isEqualTo(before);
        assertThat(JSON.readTree(vigil.get("/api/v1/monitors/" + id).body())
                        .path("name")
                        .asText())
                .isEqualTo("hostile " + id);
    }

    static Stream<Arguments> hostileBacktests() {
        return Stream.of(
                Arguments.of("?days=0", "days"),
                Arguments.of("?days=30", "days"),
                Arguments.of("?days=abc", "days"),
                Arguments.of("?from=0001-01-01T00:00:00Z", "from"),
                Arguments.of("?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "from"),
                Arguments.of("?to=" + enc("+999999999-12-31T23:59:59Z"), "to"));
    }

    @ParameterizedTest(name = "POST /api/v1/monitors/backtest{0}")
    @MethodSource("hostileBacktests")
    void aHostileBacktestRangeIsA400NamingTheParameter(String query, String field) throws Exception {
        HttpResponse<String> response = vigil.post("/api/v1/monitors/backtest" + query, monitor(null, ""));

        assertValidationProblem(response, field);
    }

    // ---- GET /charts/series.png, /charts/alert.png --------------------------------------------------------------

    static Stream<Arguments> hostileCharts() {
        String series = "/charts/series.png?monitor=" + RUN + "-chart&merchant=m-1";
        return Stream.of(
                Arguments.of(series + "&minute=0001-01-01T00:00:00Z", "minute"),
                Arguments.of(series + "&minute=1970-01-01T00:00:00Z", "minute"),
                Arguments.of(series + "&minutes=99999999", "minutes"),
                Arguments.of(series + "&minutes=-1", "minutes"),
                Arguments.of(series + "&width=100000", "width"),
                Arguments.of(series + "&height=0", "height"),
                Arguments.of(series + "&country=" + enc("S\u0000E"), "country"),
                Arguments.of("/charts/series.png?monitor=" + enc("a b/c"), "monitor"),
                Arguments.of("/charts/alert.png?id=x&incident=-1", "incident"));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("hostileCharts")
    void aHostileChartRequestIsA400NamingTheParameter(String path, String field) throws Exception {
        assertValidationProblem(vigil.console().get(path), field); // charts are console pages: signed in
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void assertValidationProblem(HttpResponse<String> response, String field) throws Exception {
        assertProblem(response, 400, "/problems/validation");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("errors").findValuesAsText("field"))
                .as(response.body())
                .contains(field);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    /** A valid transaction of now, with the members in {@code override} replacing its own (a later key wins). */
    private static String transaction(String id, String override) {
        return "{\"id\":\"" + id + "\",\"timestamp\":\"" + Instant.now().minusSeconds(60)
                + "\",\"amount\":12.50,\"currency\":\"EUR\",\"merchantId\":\"" + RUN
                + "\",\"customerId\":\"c-1\",\"country\":\"SE\"" + (override.isEmpty() ? "" : "," + override) + "}";
    }

    private static String event(String id, Instant at, String override) {
        return "{\"id\":\"" + id + "\",\"timestamp\":\"" + at + "\",\"merchantId\":\"" + RUN
                + "\",\"operation\":\"authorization\",\"outcome\":\"success\",\"country\":\"SE\""
                + (override.isEmpty() ? "" : "," + override) + "}";
    }

    private static String monitor(String id, String override) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"name\":\"hostile " + id
                + "\",\"metric\":\"conversion\",\"operation\":\"authorization\",\"dimensions\":[\"merchant\"]"
                + (override.isEmpty() ? "" : "," + override) + "}";
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Whether Vigil claimed the operational event id (stored the event). */
    private static boolean eventIdClaimed(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                PreparedStatement ps = c.prepareStatement("select 1 from operational_event_ids where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
