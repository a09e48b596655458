package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pattern's life over the API, as two people with their own API keys live it: one writes and submits a draft, may
 * not approve it, the other approves and publishes it, the pattern reaches scoring through CouchDB and declines the
 * transaction it was written for, and the history names both. A draft that does not compile is refused at
 * submission with the compiler's message.
 */
class PatternLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static VigilProcess vigil;
    private static String authorKey;
    private static String authorName;
    private static String approverKey;
    private static String approverName;

    @BeforeAll
    static void startVigilWithTwoKeys() throws Exception {
        vigil = VigilProcess.shared();
        JsonNode author = createKey("pattern-author-" + RUN);
        authorKey = author.path("key").asText();
        authorName = "key pattern-author-" + RUN;
        JsonNode approver = createKey("pattern-approver-" + RUN);
        approverKey = approver.path("key").asText();
        approverName = "key pattern-approver-" + RUN;
    }

    private static JsonNode createKey(String name) throws Exception {
        HttpResponse<String> created =
                vigil.post("/api/v1/api-keys", "{\"name\": \"%s\", \"scopes\": [\"manage\"]}".formatted(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    private static HttpResponse<String> call(String method, String path, String key, String json) throws Exception {
        return PatternApi.call(vigil, method, path, key, json);
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        return PatternApi.ok(response);
    }

    @Test
    void aPatternWrittenByOneKeyIsApprovedByAnotherPublishedAndDecides() throws Exception {
        String id = "p-life-" + RUN;
        JsonNode created = ok(call("POST", "/api/v1/patterns", authorKey, """
                {"id": "%s", "name": "Lifecycle marker", "description": "written by PatternLifecycleIT",
                 "expression": "'life_marker' in tx.attributes && tx.attributes['life_marker'] == '%s'",
                 "effect": "decline", "comment": "first draft"}
                """.formatted(id, RUN)));
        assertThat(created.path("status").asText()).isEqualTo("unpublished");
        assertThat(created.path("draftState").asText()).isEqualTo("draft");
        assertThat(created.path("draftAuthor").asText()).startsWith(authorName);

        ok(call("POST", "/api/v1/patterns/" + id + "/submit", authorKey, "{\"comment\": \"please review\"}"));

        HttpResponse<String> ownApproval =
                call("POST", "/api/v1/patterns/" + id + "/approve", authorKey, "{\"comment\": \"fine by me\"}");
        assertThat(ownApproval.statusCode()).as(ownApproval.body()).isEqualTo(409);
        assertThat(ownApproval.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(ownApproval.body()).path("detail").asText())
                .contains("may not approve it: another approver must");

        JsonNode approved = ok(call(
                "POST", "/api/v1/patterns/" + id + "/approve", approverKey, "{\"comment\": \"matches the case\"}"));
        assertThat(approved.path("draftState").asText()).isEqualTo("approved");

        JsonNode published = ok(call(
                "POST",
                "/api/v1/patterns/" + id + "/publish",
                approverKey,
                "{\"mode\": \"active\", \"comment\": \"go live\"}"));
        assertThat(published.path("status").asText()).isEqualTo("published");
        assertThat(published.path("mode").asText()).isEqualTo("active");
        assertThat(published.path("liveVersion").asInt()).isEqualTo(1);
        assertThat(published.path("versions").get(0).path("approvedBy").asText())
                .startsWith(approverName);

        // the publication reaches CouchDB through the couchdb-patterns processor, then scoring's next refresh
        String[] last = new String[1];
        int[] attempt = {0};
        eventually(Duration.ofSeconds(30), "a matching transaction declined by the published pattern", () -> {
            String tx = "life-" + RUN + "-" + attempt[0]++;
            last[0] = vigil.post(
                            "/api/v1/transactions",
                            TransactionFlowIT.transaction(
                                    tx, "25.00", ", \"attributes\": {\"life_marker\": \"" + RUN + "\"}"))
                    .body();
            return JSON.readTree(last[0]).path("decision").asText().equals("decline");
        });
        assertThat(JSON.readTree(last[0])
                        .path("reasons")
                        .get(0)
                        .path("patternId")
                        .asText())
                .isEqualTo(id);
        assertThat(Stores.getCouchDocument(id)).contains("\"mode\":\"active\"").contains("\"version\":1");

        // the history is the audit trail: every step, who did it, how and why
        JsonNode history =
                ok(call("GET", "/api/v1/patterns/" + id, approverKey, null)).path("history");
        List<String> steps = new ArrayList<>();
        history.forEach(step -> steps.add(step.path("action").asText() + " by "
                + step.path("by").asText().replaceAll(" \\(.*\\)$", "") + " ("
                + step.path("byKind").asText()
                + "): " + step.path("comment").asText()));
        assertThat(steps)
                .containsExactly(
                        "created by " + authorName + " (api-key): first draft",
                        "submitted by " + authorName + " (api-key): please review",
                        "approved by " + approverName + " (api-key): matches the case",
                        "published by " + approverName + " (api-key): go live");

        // archived, it leaves CouchDB and scoring
        ok(call("POST", "/api/v1/patterns/" + id + "/archive", authorKey, "{\"comment\": \"test done\"}"));
        String[] document = new String[1];
        try {
            eventually(Duration.ofSeconds(10), "the archived pattern's document removed from CouchDB", () -> {
                document[0] = Stores.getCouchDocument(id);
                return document[0].contains("not_found");
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the document: " + document[0], e);
        }
        HttpResponse<String> republish =
                call("POST", "/api/v1/patterns/" + id + "/publish", approverKey, "{\"comment\": \"again\"}");
        assertThat(republish.statusCode()).as(republish.body()).isEqualTo(409);
    }

    @Test
    void aSecondVersionCanBeDiffedAndRolledBackAndTheStoreFollows() throws Exception {
        String id = "p-life-v-" + RUN;
        String v1 = "'life_v' in tx.attributes && tx.attributes['life_v'] == '%s'".formatted(RUN);
        String v2 = v1 + " && tx.amount > 1.0";
        ok(call("POST", "/api/v1/patterns", authorKey, """
                {"id": "%s", "name": "Versions", "expression": "%s", "effect": "review"}
                """.formatted(id, v1)));
        publish(id, "{\"mode\": \"shadow\"}");
        ok(call("PUT", "/api/v1/patterns/" + id, authorKey, """
                {"name": "Versions", "expression": "%s", "effect": "score+40", "comment": "only real amounts"}
                """.formatted(v2)));

        JsonNode draftDiff = ok(call("GET", "/api/v1/patterns/" + id + "/diff?from=live&to=draft", authorKey, null));
        assertThat(draftDiff.path("changes").findValuesAsText("field")).containsExactly("expression", "effect");
        List<String> unified = new ArrayList<>();
        draftDiff.path("changes").get(0).path("unified").forEach(line -> unified.add(line.asText()));
        assertThat(unified).contains("-" + v1, "+" + v2);

        JsonNode second = publish(id, "{}");
        assertThat(second.path("liveVersion").asInt()).isEqualTo(2);
        assertThat(second.path("mode").asText())
                .as("a new version keeps the live mode")
                .isEqualTo("shadow");
        eventually(
                Duration.ofSeconds(10),
                "version 2 in CouchDB",
                () -> Stores.getCouchDocument(id).contains("\"version\":2"));
        assertThat(Stores.getCouchDocument(id)).contains("score+40");

        JsonNode rolledBack = ok(call(
                "POST",
                "/api/v1/patterns/" + id + "/rollback",
                authorKey,
                "{\"version\": 1, \"comment\": \"v2 too noisy\"}"));
        assertThat(rolledBack.path("liveVersion").asInt()).isEqualTo(1);
        assertThat(rolledBack.path("versions")).hasSize(2);
        eventually(
                Duration.ofSeconds(10),
                "version 1 back in CouchDB",
                () -> Stores.getCouchDocument(id).contains("\"version\":1"));
        assertThat(Stores.getCouchDocument(id))
                .contains("\"effect\":\"review\"")
                .contains("\"mode\":\"shadow\"");

        JsonNode active = ok(call("POST", "/api/v1/patterns/" + id + "/mode", approverKey, "{\"mode\": \"off\"}"));
        assertThat(active.path("mode").asText()).isEqualTo("off");
        eventually(
                Duration.ofSeconds(10),
                "mode off in CouchDB",
                () -> Stores.getCouchDocument(id).contains("\"mode\":\"off\""));
        List<String> actions = new ArrayList<>();
        active.path("history")
                .forEach(step -> actions.add(
                        step.path("action").asText() + step.path("version").asText("")));
        assertThat(actions)
                .containsExactly(
                        "created",
                        "submitted",
                        "approved",
                        "published1",
                        "edited",
                        "submitted",
                        "approved",
                        "published2",
                        "rolled-back1",
                        "mode-changed1");

        JsonNode published = ok(call("GET", "/api/v1/patterns?status=published&size=200", authorKey, null));
        assertThat(published.path("patterns").findValuesAsText("id")).contains(id);
        HttpResponse<String> badPage = call("GET", "/api/v1/patterns?size=0", authorKey, null);
        assertThat(badPage.statusCode()).as(badPage.body()).isEqualTo(400);
    }

    /** Submitted by the author's key, approved and published by the approver's. */
    private static JsonNode publish(String id, String body) throws Exception {
        ok(call("POST", "/api/v1/patterns/" + id + "/submit", authorKey, "{}"));
        ok(call("POST", "/api/v1/patterns/" + id + "/approve", approverKey, "{}"));
        return ok(call("POST", "/api/v1/patterns/" + id + "/publish", approverKey, body));
    }

    @Test
    void aDraftThatDoesNotCompileIsRefusedAtSubmissionWithTheCompilersMessage() throws Exception {
        String id = "p-life-typo-" + RUN;
        ok(call("POST", "/api/v1/patterns", authorKey, """
                {"id": "%s", "name": "Typo", "expression": "tx.amout > 100.0", "effect": "review"}
                """.formatted(id)));

        JsonNode check = ok(call(
                "POST",
                "/api/v1/patterns/check",
                authorKey,
                "{\"expression\": \"tx.amout > 100.0\", \"effect\": \"review\"}"));
        assertThat(check.path("problems").get(0).asText())
                .isEqualTo("tx.amout is not a transaction field; did you mean tx.amount?");
        assertThat(check.path("problems").get(1).asText()).contains("undeclared reference");

        HttpResponse<String> submitted = call("POST", "/api/v1/patterns/" + id + "/submit", authorKey, "{}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(submitted.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/does-not-compile");
        assertThat(problem.path("detail").asText()).contains("did you mean tx.amount?", "undeclared reference");
        assertThat(ok(call("GET", "/api/v1/patterns/" + id, authorKey, null))
                        .path("draftState")
                        .asText())
                .isEqualTo("draft");

        HttpResponse<String> unknown = call("POST", "/api/v1/patterns/p-nobody-" + RUN + "/submit", authorKey, "{}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesThePatternsApiWithTheManageScope() throws Exception {
        HttpResponse<String> docs =
                vigil.get("/v3/api-docs", "Cookie", vigil.console().cookie());
        JsonNode paths = JSON.readTree(docs.body()).path("paths");
        for (String path : List.of(
                "/api/v1/patterns",
                "/api/v1/patterns/{id}",
                "/api/v1/patterns/{id}/approve",
                "/api/v1/patterns/{id}/rollback",
                "/api/v1/patterns/{id}/diff",
                "/api/v1/patterns/check")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode approve = paths.path("/api/v1/patterns/{id}/approve").path("post");
        assertThat(approve.path("x-vigil-scope").asText()).isEqualTo("manage");
        assertThat(approve.path("responses").has("409")).isTrue();
        assertThat(paths.path("/api/v1/patterns/{id}/submit")
                        .path("post")
                        .path("responses")
                        .has("422"))
                .isTrue();
    }
}
