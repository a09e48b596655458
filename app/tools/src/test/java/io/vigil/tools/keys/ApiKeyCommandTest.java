package io.vigil.tools.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.tools.FakeVigil;
import io.vigil.tools.FakeVigil.Answer;
import io.vigil.tools.ToolRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code api-key create|list|revoke} against a stand-in for Vigil's {@code /api/v1/api-keys}: what each sends, what it
 * prints where (the new key alone on standard output, for scripts), and its exit status when Vigil says no.
 */
class ApiKeyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "vgl_localkey_Q7hT2mZk9LwV4rXc8NbJ5pYd1GsF6eHa3uKo0iRt";
    private static final String NEW_KEY = "vgl_abcd1234_Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBaZyXwVuTs";

    private FakeVigil vigil;

    @BeforeEach
    void startVigil() throws IOException {
        vigil = new FakeVigil();
    }

    @AfterEach
    void stopVigil() {
        vigil.close();
    }

    private ToolRun run(String... args) {
        return ToolRun.of(Stream.concat(Stream.of(args), Stream.of("--url", vigil.url(), "--api-key", ADMIN))
                .toArray(String[]::new));
    }

    private static Answer created(String scopes, String limits) {
        return new Answer(
                201,
                "{\"keyId\":\"3f1c2d4e-0000-4000-8000-000000000001\",\"name\":\"my-checkout\",\"prefix\":\"vgl_abcd1234\","
                        + "\"key\":\"" + NEW_KEY + "\",\"scopes\":" + scopes + limits + "}");
    }

    @Test
    void createPrintsTheNewKeyAloneOnStandardOutput() throws Exception {
        vigil.answer(request -> created("[\"READ\",\"SUBMIT\",\"MANAGE\"]", ""));

        ToolRun run = run("api-key", "create", "my-checkout");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(NEW_KEY + System.lineSeparator());
        assertThat(run.err())
                .contains(
                        "api-key create: created key 'my-checkout' (vgl_abcd1234, id 3f1c2d4e-0000-4000-8000-000000000001)"
                                + " with the scopes submit,read,manage, no rate limit; Vigil shows it only this once")
                .doesNotContain(NEW_KEY);
        assertThat(vigil.apiRequests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v1/api-keys");
            assertThat(request.authorization()).isEqualTo("Bearer " + ADMIN);
            assertThat(JSON.readTree(request.body()))
                    .isEqualTo(JSON.readTree("{\"name\":\"my-checkout\",\"scopes\":[\"submit\",\"read\",\"manage\"]}"));
        });
    }

    @Test
    void createAsksForTheScopesAndRateLimitGiven() throws Exception {
        vigil.answer(request -> created("[\"submit\"]", ",\"ratePerSecond\":50,\"burst\":100"));

        ToolRun run = run(
                "api-key", "create", "my-checkout", "--scopes", "submit", "--rate-per-second", "50", "--burst", "100");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("with the scopes submit, 50/s, burst 100;");
        assertThat(JSON.readTree(vigil.apiRequests().get(0).body()))
                .isEqualTo(JSON.readTree(
                        "{\"name\":\"my-checkout\",\"scopes\":[\"submit\"],\"ratePerSecond\":50,\"burst\":100}"));
    }

    @Test
    void createWithAWebhookUrlSendsItAndPrintsTheWebhookSecretOnStandardErrorOnly() throws Exception {
        vigil.answer(request -> created("[\"submit\"]", ",\"webhookSecret\":\"whsec_abc\""));

        ToolRun run = run(
                "api-key",
                "create",
                "my-checkout",
                "--scopes",
                "submit",
                "--webhook-url",
                "https://shop.example/hooks");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).as("the key alone, as always").isEqualTo(NEW_KEY + System.lineSeparator());
        assertThat(run.err())
                .contains("webhooks go to https://shop.example/hooks, signed with this secret (shown only this once,"
                        + " keep it with your webhook receiver): whsec_abc");
        assertThat(JSON.readTree(vigil.apiRequests().get(0).body())
                        .path("webhookUrl")
                        .asText())
                .isEqualTo("https://shop.example/hooks");
    }

    @Test
    void aWebhookUrlThatIsNotHttpIsAUsageError() {
        ToolRun run = run("api-key", "create", "my-checkout", "--webhook-url", "ftp://shop.example/hooks");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--webhook-url takes an http:// or https:// URL");
        assertThat(vigil.apiRequests()).isEmpty();
    }

    @Test
    void createReportsWhatVigilRejectsWithStatusOne() {
        vigil.answer(request -> FakeVigil.problem(400, "name: must be at most 100 characters"));

        ToolRun run = run("api-key", "create", "my-checkout");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("api-key create: Vigil answered 400 to POST /api/v1/api-keys: name: must be at most 100"
                        + " characters");
    }

    @Test
    void createIsNotSentTwiceWhenVigilFails() {
        vigil.answer(request -> FakeVigil.problem(500, "the database is away"));

        ToolRun run = run("api-key", "create", "my-checkout");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(vigil.apiRequests()).hasSize(1);
        assertThat(run.err()).contains("it answered 500: the database is away");
    }

    @Test
    void aKeyWithoutTheAdminScopeIsRefusedWithStatusThree() {
        vigil.answer(request -> FakeVigil.problem(403, "this key lacks the scope admin"));

        ToolRun run = run("api-key", "list");

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("api-key list: Vigil refused the API key vgl_localkey… (403): managing keys takes the admin"
                        + " scope, which it lacks")
                .doesNotContain("Q7hT2mZk9");
    }

    @Test
    void listShowsTheKeysAsATable() {
        vigil.answer(request -> new Answer(200, """
                {"keys": [
                  {"keyId": "k-1", "name": "my-checkout", "prefix": "vgl_abcd1234", "scopes": ["SUBMIT", "READ"],
                   "ratePerSecond": 100, "burst": 200, "createdAt": "2026-11-24T10:15:30.123456Z",
                   "createdBy": "admin", "revokedAt": null, "lastUsedAt": null},
                  {"keyId": "k-2", "name": "vigil-tools", "prefix": "vgl_efgh5678", "scopes": ["submit", "read", "manage"],
                   "ratePerSecond": null, "burst": null, "createdAt": "2026-11-20T08:00:00Z", "createdBy": "local",
                   "revokedAt": "2026-11-23T09:00:00.5Z", "lastUsedAt": "2026-11-23T08:59:59Z"}
                ]}
                """));

        ToolRun run = run("api-key", "list");

        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).split(" {2,}"))
                .containsExactly("KEY ID", "NAME", "PREFIX", "SCOPES", "RATE LIMIT", "CREATED", "LAST USED", "STATUS");
        assertThat(lines.get(1).split(" {2,}"))
                .containsExactly(
                        "k-1",
                        "my-checkout",
                        "vgl_abcd1234",
                        "submit,read",
                        "100/s, burst 200",
                        "2026-11-24T10:15:30Z",
                        "never",
                        "active");
        assertThat(lines.get(2).split(" {2,}"))
                .containsExactly(
                        "k-2",
                        "vigil-tools",
                        "vgl_efgh5678",
                        "submit,read,manage",
                        "-",
                        "2026-11-20T08:00:00Z",
                        "2026-11-23T08:59:59Z",
                        "revoked 2026-11-23T09:00:00Z");
        assertThat(lines.get(1).indexOf("vgl_abcd1234")).isEqualTo(lines.get(0).indexOf("PREFIX"));
        assertThat(vigil.apiRequests())
                .singleElement()
                .satisfies(request -> assertThat(request.method()).isEqualTo("GET"));
    }

    @Test
    void revokeDeletesTheKeyById() {
        vigil.answer(request -> new Answer(204, null));

        ToolRun run = run("api-key", "revoke", "k-1");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("api-key revoke: revoked key k-1");
        assertThat(vigil.apiRequests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("DELETE");
            assertThat(request.path()).isEqualTo("/api/v1/api-keys/k-1");
            assertThat(request.authorization()).isEqualTo("Bearer " + ADMIN);
        });
    }

    @Test
    void revokingAKeyVigilDoesNotHaveIsStatusOne() {
        vigil.answer(request -> FakeVigil.problem(404, "no API key k-9"));

        ToolRun run = run("api-key", "revoke", "k-9");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("Vigil answered 404 to DELETE /api/v1/api-keys/k-9: no API key k-9");
    }

    @Test
    void aVigilThatDoesNotAnswerIsStatusTwoAtOnce() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        long started = System.nanoTime();

        ToolRun run = ToolRun.of("api-key", "create", "ci", "--url", "http://127.0.0.1:" + closed, "--api-key", ADMIN);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("api-key create: Vigil does not answer at http://127.0.0.1:" + closed)
                .contains("start it with ./vigil up");
        assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
    }
}
