package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.patterns.api.ListIds;
import io.vigil.patterns.api.ListKind;
import io.vigil.patterns.api.ListType;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The lists as a product on a real Vigil: a CSV file with good and bad lines is refused whole in atomic mode and
 * stored line by line in per-line mode, each bad line reported with its number; the stored block-list entry declines
 * a transaction with the hit in its answer, and once removed it no longer does.
 */
class ListsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCsvImportBlocksACardUntilItsEntryIsRemoved() throws Exception {
        VigilProcess vigil = VigilProcess.shared();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String stolen = "card-stolen-" + run;
        String csv = """
                value,expiresAt,reason
                %1$s,,reported stolen
                card-other-%2$s,2099-01-01T00:00:00Z,
                card-old-%2$s,2020-01-01T00:00:00Z,already over

                card-late-%2$s,next tuesday,
                %1$s,,twice
                """.formatted(stolen, run);
        String path = "/api/v1/lists/block/card/import?reason=chargeback%20wave%20" + run;

        HttpResponse<String> atomic = vigil.post(path + "&mode=atomic", csv, "text/csv");

        assertThat(atomic.statusCode()).as(atomic.body()).isEqualTo(400);
        JsonNode refused = JSON.readTree(atomic.body());
        assertThat(refused.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(refused.path("detail").asText()).isEqualTo("3 of 5 lines are invalid; nothing was stored");
        assertThat(lines(refused.path("errors")))
                .containsExactly(
                        "4: expiresAt must be in the future",
                        "6: expiresAt must be an ISO-8601 instant such as 2027-01-31T00:00:00Z",
                        "7: value is on line 2 already");
        assertThat(entries(vigil, run).path("total").asLong())
                .as("atomic: nothing stored")
                .isZero();

        HttpResponse<String> perLine = vigil.post(path + "&mode=per-line", csv, "text/csv");

        assertThat(perLine.statusCode()).as(perLine.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(perLine.body());
        assertThat(report.path("mode").asText()).isEqualTo("per-line");
        assertThat(report.path("lines").asInt()).isEqualTo(5);
        assertThat(report.path("stored").asInt()).isEqualTo(2);
        assertThat(report.path("added").asInt()).isEqualTo(2);
        assertThat(lines(report.path("badLines"))).isEqualTo(lines(refused.path("errors")));

        JsonNode listed = entries(vigil, run);
        assertThat(listed.path("total").asLong()).isEqualTo(2);
        JsonNode entry = find(listed.path("entries"), stolen);
        assertThat(entry.path("reason").asText()).isEqualTo("reported stolen");
        assertThat(entry.path("addedBy").asText())
                .as("the API key that imported it")
                .isNotBlank()
                .isNotEqualTo("system");
        assertThat(entry.path("entryId").asText()).isEqualTo(ListIds.documentId(ListType.BLOCK, ListKind.CARD, stolen));
        assertThat(find(listed.path("entries"), "card-other-" + run)
                        .path("reason")
                        .asText())
                .as("a line without a reason has the change's")
                .isEqualTo("chargeback wave " + run);

        JsonNode history = JSON.readTree(
                vigil.get("/api/v1/lists/block/card/history?size=20").body());
        JsonNode change = null;
        for (JsonNode c : history.path("changes")) {
            if (c.path("reason").asText().equals("chargeback wave " + run)) {
                change = c;
            }
        }
        assertThat(change).as("the import is in the history").isNotNull();
        assertThat(change.path("action").asText()).isEqualTo("add");
        assertThat(change.path("entries").asInt()).isEqualTo(2);
        assertThat(change.path("source").asText()).isEqualTo("csv");
        assertThat(change.path("by").asText()).isEqualTo(entry.path("addedBy").asText());

        JsonNode[] decision = new JsonNode[1];
        eventually(Duration.ofSeconds(20), "the imported block list to reach scoring", () -> {
            decision[0] = decide(vigil, "lists-api-" + run + "-b" + System.nanoTime(), stolen);
            return decision[0].path("decision").asText().equals("decline");
        });
        JsonNode hit = decision[0].path("listHits").get(0);
        assertThat(hit.path("list").asText()).isEqualTo("block");
        assertThat(hit.path("kind").asText()).isEqualTo("card");
        assertThat(hit.path("value").asText()).isEqualTo(stolen);
        assertThat(hit.path("entryId").asText()).isEqualTo(entry.path("entryId").asText());

        HttpResponse<String> removed =
                vigil.delete("/api/v1/lists/block/card/entries?value=" + stolen + "&reason=card%20recovered");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(entries(vigil, run).path("total").asLong()).isEqualTo(1);
        HttpResponse<String> again =
                vigil.delete("/api/v1/lists/block/card/entries?value=" + stolen + "&reason=card%20recovered");
        assertThat(again.statusCode()).as("no longer on the list").isEqualTo(404);
        assertThat(audited("RemoveListEntriesCommand", stolen))
                .as("the removal and the refused second one are in the audit trail, by the actor of the history")
                .containsExactly(
                        "success " + change.path("by").asText() + " list/block/card",
                        "failure " + change.path("by").asText() + " list/block/card");

        eventually(Duration.ofSeconds(20), "the removal to reach scoring", () -> {
            decision[0] = decide(vigil, "lists-api-" + run + "-a" + System.nanoTime(), stolen);
            return decision[0].path("listHits").isEmpty();
        });
        assertThat(decision[0].path("decision").asText()).isEqualTo("approve");
    }

    @Test
    void anEntryStopsBlockingWhenItExpiresWithoutAnyFurtherWrite() throws Exception {
        VigilProcess vigil = VigilProcess.shared();
        String card = "card-expiring-" + UUID.randomUUID().toString().substring(0, 8);
        Instant expiresAt = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> added = vigil.post("/api/v1/lists/block/card/entries", """
                {"reason": "blocked for a few seconds",
                 "entries": [{"value": "%s", "expiresAt": "%s", "reason": "until the call back"}]}
                """.formatted(card, expiresAt));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);

        JsonNode[] decision = new JsonNode[1];
        eventually(Duration.ofSeconds(8), "the entry to reach scoring", () -> {
            decision[0] = decide(vigil, card + "-b" + System.nanoTime(), card);
            return decision[0].path("decision").asText().equals("decline");
        });
        assertThat(Instant.now()).as("declined while the entry held").isBefore(expiresAt);
        JsonNode listed = JSON.readTree(
                vigil.get("/api/v1/lists/block/card/entries?q=" + card).body());
        assertThat(listed.path("entries").get(0).path("expiresAt").asText()).isEqualTo(expiresAt.toString());
        assertThat(listed.path("entries").get(0).path("expired").asBoolean()).isFalse();

        while (Instant.now().isBefore(expiresAt.plusMillis(200))) {
            Thread.sleep(100);
        }
        JsonNode after = decide(vigil, card + "-a" + System.nanoTime(), card);
        assertThat(after.path("listHits"))
                .as("no write since the entry was added")
                .isEmpty();
        assertThat(after.path("decision").asText()).isEqualTo("approve");
        JsonNode expired = JSON.readTree(
                vigil.get("/api/v1/lists/block/card/entries?q=" + card).body());
        assertThat(expired.path("entries").get(0).path("expired").asBoolean()).isTrue();
    }

    @Test
    void aReimportReplacesTheEntriesRatherThanAddingCopies() throws Exception {
        VigilProcess vigil = VigilProcess.shared();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = "value\ncard-a-" + run + "\ncard-b-" + run + "\n";
        String path = "/api/v1/lists/allow/card/import?mode=atomic&reason=partners%20" + run;

        JsonNode first = JSON.readTree(vigil.post(path, csv, "text/csv").body());
        JsonNode second = JSON.readTree(vigil.post(path, csv, "text/csv").body());

        assertThat(first.path("added").asInt()).isEqualTo(2);
        assertThat(second.path("added").asInt()).isZero();
        assertThat(second.path("updated").asInt()).isEqualTo(2);
        assertThat(second.path("version").asLong())
                .isEqualTo(first.path("version").asLong() + 1);
        JsonNode listed = JSON.readTree(
                vigil.get("/api/v1/lists/allow/card/entries?q=" + run).body());
        assertThat(listed.path("total").asLong()).isEqualTo(2);
    }

    @Test
    void anImportHasItsOwnBodyLimitAboveTheApisAndIsCutOffPastIt() throws Exception {
        VigilProcess vigil = VigilProcess.shared();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/v1/lists/block/device/import?mode=per-line&reason=farm%20" + run;

        StringBuilder file = new StringBuilder("value,reason\n");
        for (int i = 0; i < 3000; i++) {
            file.append("dev-")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append(",seen in the farm of ")
                    .append(run)
                    .append('\n');
        }
        assertThat(file.length()).as("over the 64 KiB of other bodies").isGreaterThan(64 * 1024);
        HttpResponse<String> accepted = vigil.post(path, file.toString(), "text/csv");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).path("stored").asInt()).isEqualTo(3000);

        StringBuilder big = new StringBuilder("value,reason\n");
        String padding = "x".repeat(400);
        while (big.length() <= 16 * 1024 * 1024) {
            big.append("dev-big-")
                    .append(big.length())
                    .append(',')
                    .append(padding)
                    .append('\n');
        }
        RawHttp.Response tooBig = new RawHttp(vigil.uri("/").getPort())
                .send(
                        "POST",
                        path,
                        java.util.Map.of("Content-Type", "text/csv"),
                        big.toString(),
                        RawHttp.Framing.CHUNKED);
        assertThat(tooBig.status()).as(tooBig.body()).isEqualTo(413);
        assertThat(tooBig.json().path("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(JSON.readTree(vigil.get("/api/v1/lists/block/device/entries?q=dev-big-")
                                .body())
                        .path("total")
                        .asLong())
                .as("nothing of the cut-off file is stored")
                .isZero();

        HttpResponse<String> headless = vigil.post(path, "dev-1\ndev-2\n", "text/csv");
        assertThat(headless.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(headless.body())
                        .path("errors")
                        .get(0)
                        .path("line")
                        .asInt())
                .isEqualTo(1);

        HttpResponse<String> json = vigil.post(path, "{}", "application/json");
        assertThat(json.statusCode()).as("an import is text/csv").isEqualTo(415);
    }

    /** The audit trail's rows of this command whose details name the value: outcome, actor and target. */
    private static List<String> audited(String action, String value) throws Exception {
        try (java.sql.Connection db =
                        java.sql.DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                java.sql.PreparedStatement select =
                        db.prepareStatement("SELECT outcome, actor, target FROM access_audit"
                                + " WHERE action = ? AND details LIKE ? ORDER BY entry_id")) {
            select.setString(1, action);
            select.setString(2, "%" + value + "%");
            List<String> rows = new ArrayList<>();
            try (java.sql.ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return rows;
        }
    }

    private static JsonNode entries(VigilProcess vigil, String run) throws Exception {
        return JSON.readTree(
                vigil.get("/api/v1/lists/block/card/entries?q=" + run).body());
    }

    private static JsonNode find(JsonNode entries, String value) {
        for (JsonNode entry : entries) {
            if (entry.path("value").asText().equals(value)) {
                return entry;
            }
        }
        throw new AssertionError(value + " is not among " + entries);
    }

    private static List<String> lines(JsonNode problems) {
        List<String> lines = new ArrayList<>();
        problems.forEach(
                p -> lines.add(p.path("line").asInt() + ": " + p.path("message").asText()));
        return lines;
    }

    private static JsonNode decide(VigilProcess vigil, String id, String card) throws Exception {
        return JSON.readTree(
                vigil.post("/api/v1/transactions", """
                        {"id": "%s", "timestamp": "2026-11-23T10:15:30Z", "amount": 10.00, "currency": "EUR",
                         "merchantId": "m-42", "cardFingerprint": "%s"}
                        """.formatted(id, card)).body());
    }
}
