package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pattern in shadow mode on live traffic: its hits never change a decision, are recorded on the transaction, and
 * are counted on the patterns list per hour and day, with the precision of its labelled hits.
 */
class PatternHitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static VigilProcess vigil;
    private static String author;
    private static String approver;

    @BeforeAll
    static void keys() throws Exception {
        vigil = VigilProcess.shared();
        author = PatternApi.key(vigil, "hits-author-" + RUN);
        approver = PatternApi.key(vigil, "hits-approver-" + RUN);
    }

    @Test
    void shadowHitsAreCountedAndNeverChangeADecision() throws Exception {
        String shadow = "p-shadow-" + RUN;
        publish(shadow, "shadow_marker", "shadow");
        String probe = "p-probe-" + RUN;
        publish(probe, "probe_marker", "active");
        int[] attempt = {0};
        eventually(
                Duration.ofSeconds(30),
                "the published set live",
                () -> pay("hits-probe-" + RUN + "-" + attempt[0]++, "probe_marker")
                        .path("decision")
                        .asText()
                        .equals("decline"));

        String[] ids = new String[4];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "hits-" + RUN + "-" + i;
            JsonNode decided = pay(ids[i], "shadow_marker");
            assertThat(decided.path("decision").asText())
                    .as("a shadow hit changes no decision")
                    .isEqualTo("approve");
            assertThat(decided.path("reasons")).isEmpty();
            JsonNode stored =
                    JSON.readTree(vigil.get("/api/v1/transactions/" + ids[i]).body());
            assertThat(stored.path("shadowHits").toString()).contains(shadow);
        }
        label(ids[0], "confirmed_fraud");
        label(ids[1], "chargeback");
        label(ids[2], "confirmed_legitimate");

        String[] row = new String[1];
        eventually(Duration.ofSeconds(60), "the shadow hits and labels counted on the patterns list", () -> {
            row[0] = row(vigil.console().get("/patterns?status=published").body(), shadow);
            return row[0].contains(">4 / 4<") && row[0].contains(">67% of 3<");
        });
        assertThat(row[0]).contains("class=\"num hits\">0 / 0<");
        System.out.println("PatternHitsIT: " + row[0].replaceAll("\\s+", " "));
    }

    private static String row(String html, String patternId) {
        Matcher m = Pattern.compile(
                        "<tr[^>]*data-pattern-id=\"" + Pattern.quote(patternId) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private static JsonNode pay(String id, String marker) throws Exception {
        HttpResponse<String> answer = vigil.post(
                "/api/v1/transactions",
                TransactionFlowIT.transaction(id, "12.00", ", \"attributes\": {\"" + marker + "\": \"" + RUN + "\"}"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static void label(String id, String outcome) throws Exception {
        HttpResponse<String> answer = vigil.post(
                "/api/v1/transactions/" + id + "/outcome",
                "{\"outcome\": \"%s\", \"timestamp\": \"%s\"}".formatted(outcome, Instant.now()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private static void publish(String id, String marker, String mode) throws Exception {
        PatternApi.publish(
                vigil,
                author,
                approver,
                id,
                "'%s' in tx.attributes && tx.attributes['%s'] == '%s'".formatted(marker, marker, RUN),
                "decline",
                mode);
    }
}
