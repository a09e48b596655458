package io.vigil.tools.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.tools.FakeVigil;
import io.vigil.tools.FakeVigil.Answer;
import io.vigil.tools.FakeVigil.Request;
import io.vigil.tools.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code patterns export|import|approve} against a stand-in for {@code /api/v1/patterns}: the file written, the
 * requests each action sends, and what it leaves alone.
 */
class PatternsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "vgl_abcd1234_Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBaZyXwVuTs";

    @TempDir
    Path dir;

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
        return ToolRun.of(Stream.concat(Stream.of(args), Stream.of("--url", vigil.url(), "--api-key", KEY))
                .toArray(String[]::new));
    }

    /** A published pattern as GET /api/v1/patterns/{id} answers it, with two versions of which {@code live} is live. */
    private static String published(String id, int live, String mode, String expression, String draft) {
        return "{\"id\":\"" + id + "\",\"name\":\"N " + id + "\",\"status\":\"published\",\"mode\":\"" + mode
                + "\",\"liveVersion\":" + live + ",\"draftState\":\"" + (draft == null ? "none" : "submitted")
                + "\",\"draft\":" + (draft == null ? "null" : draft)
                + ",\"versions\":[{\"number\":1,\"name\":\"old\",\"description\":\"\",\"expression\":\"true\","
                + "\"effect\":\"review\"},{\"number\":2,\"name\":\"N " + id + "\",\"description\":\"d\","
                + "\"expression\":\"" + expression + "\",\"effect\":\"decline\"}],\"history\":[]}";
    }

    @Test
    void exportWritesEachPublishedPatternsLiveVersionAndModeSortedById() throws Exception {
        vigil.answer(request -> switch (request.path()) {
            case "/api/v1/features" -> new Answer(200, "{\"features\":[]}");
            case "/api/v1/lists" -> new Answer(200, "{\"lists\":[]}");
            case "/api/v1/patterns" ->
                new Answer(
                        200, "{\"patterns\":[{\"id\":\"p-z\"},{\"id\":\"p-a\"}],\"page\":0,\"size\":200,\"total\":2}");
            case "/api/v1/patterns/p-z" -> new Answer(200, published("p-z", 2, "shadow", "tx.amount > 5.0", null));
            case "/api/v1/patterns/p-a" -> new Answer(200, published("p-a", 1, "active", "x", null));
            default -> new Answer(404, "{}");
        });
        Path out = dir.resolve("patterns.json");

        ToolRun run = run("patterns", "export", "--out", out.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("exported 2 patterns");
        assertThat(JSON.readTree(Files.readString(out)))
                .isEqualTo(JSON.readTree("{\"patterns\":["
                        + "{\"id\":\"p-a\",\"name\":\"old\",\"description\":\"\",\"expression\":\"true\","
                        + "\"effect\":\"review\",\"mode\":\"active\"},"
                        + "{\"id\":\"p-z\",\"name\":\"N p-z\",\"description\":\"d\",\"expression\":\"tx.amount > 5.0\","
                        + "\"effect\":\"decline\",\"mode\":\"shadow\"}]}"));
    }

    @Test
    void exportWritesTheFeaturesThatAreNotArchivedAndTheListEntriesNotExpired() throws Exception {
        vigil.answer(request -> switch (request.path()) {
            case "/api/v1/features" ->
                new Answer(
                        200,
                        "{\"features\":[{\"name\":\"old\",\"status\":\"archived\"},{\"name\":\"card_abroad_7d\","
                                + "\"entity\":\"card\",\"aggregation\":\"sum\",\"field\":null,\"window\":\"7d\","
                                + "\"filter\":\"tx.country != 'DE'\",\"description\":\"abroad\",\"status\":\"ready\"}]}");
            case "/api/v1/lists" ->
                new Answer(
                        200,
                        "{\"lists\":[{\"list\":\"block\",\"kind\":\"card\",\"entries\":3,\"active\":2},"
                                + "{\"list\":\"allow\",\"kind\":\"email\",\"entries\":1,\"active\":0}]}");
            case "/api/v1/lists/block/card/entries" ->
                new Answer(
                        200,
                        "{\"total\":3,\"entries\":[{\"value\":\"card-b\",\"expired\":false,\"reason\":\"fraud\"},"
                                + "{\"value\":\"card-x\",\"expired\":true},{\"value\":\"card-a\",\"expired\":false,"
                                + "\"expiresAt\":\"2027-01-01T00:00:00Z\",\"reason\":\"\"}]}");
            case "/api/v1/patterns" -> new Answer(200, "{\"patterns\":[],\"total\":0}");
            default -> new Answer(404, "{}");
        });

        ToolRun run = run("patterns", "export");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("exported 0 patterns, 1 feature and 2 list entries");
        assertThat(JSON.readTree(run.out()))
                .isEqualTo(JSON.readTree("{\"features\":[{\"name\":\"card_abroad_7d\",\"entity\":\"card\","
                        + "\"aggregation\":\"sum\",\"window\":\"7d\",\"filter\":\"tx.country != 'DE'\","
                        + "\"description\":\"abroad\"}],\"lists\":[{\"list\":\"block\",\"kind\":\"card\",\"entries\":["
                        + "{\"value\":\"card-a\",\"expiresAt\":\"2027-01-01T00:00:00Z\"},"
                        + "{\"value\":\"card-b\",\"reason\":\"fraud\"}]}]}"));
    }

    @Test
    void importDefinesFeaturesAndAddsListEntriesBeforeThePatterns() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean defined = new java.util.concurrent.atomic.AtomicBoolean();
        vigil.answer(request -> switch (request.method() + " " + request.path()) {
            case "GET /api/v1/features/same_7d" ->
                new Answer(
                        200,
                        "{\"name\":\"same_7d\",\"entity\":\"card\",\"aggregation\":\"count\",\"window\":\"7d\","
                                + "\"status\":\"ready\"}");
            case "GET /api/v1/features/other_7d" ->
                new Answer(
                        200,
                        "{\"name\":\"other_7d\",\"entity\":\"card\",\"aggregation\":\"count\",\"window\":\"1d\","
                                + "\"status\":\"ready\"}");
            case "POST /api/v1/features" -> {
                defined.set(true);
                yield new Answer(201, "{}");
            }
            case "GET /api/v1/features/new_1h" ->
                defined.get()
                        ? new Answer(200, "{\"name\":\"new_1h\",\"status\":\"backfilling\"}")
                        : new Answer(404, "{}");
            case "POST /api/v1/lists/block/card/entries" -> new Answer(200, "{\"added\":1,\"updated\":1}");
            case "GET /api/v1/patterns/p-new" -> new Answer(404, "{}");
            default -> new Answer(request.method().equals("POST") ? 201 : 200, "{}");
        });
        Path file = dir.resolve("set.json");
        Files.writeString(
                file,
                "{\"features\":[{\"name\":\"same_7d\",\"entity\":\"card\",\"aggregation\":\"count\",\"window\":\"7d\"},"
                        + "{\"name\":\"other_7d\",\"entity\":\"card\",\"aggregation\":\"count\",\"window\":\"7d\"},"
                        + "{\"name\":\"new_1h\",\"entity\":\"ip\",\"aggregation\":\"count\",\"window\":\"1h\"}],"
                        + "\"lists\":[{\"list\":\"block\",\"kind\":\"card\",\"entries\":[{\"value\":\"card-a\"},"
                        + "{\"value\":\"card-b\",\"reason\":\"fraud\"}]}],"
                        + "\"patterns\":[" + entry("p-new", "features.custom.new_1h > 3", "active") + "]}");

        ToolRun run = run("patterns", "import", file.toString());

        assertThat(run.status()).as(run.err()).isEqualTo(1); // other_7d is refused
        assertThat(run.out().lines())
                .containsExactly(
                        "feature same_7d unchanged",
                        "feature other_7d refused: Vigil has a feature of this name defined otherwise (or archived);"
                                + " a definition never changes, give the new one another name",
                        "feature new_1h defined",
                        "list block/card 1 added, 1 updated",
                        "p-new submitted");
        assertThat(changes())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly(
                        "POST /api/v1/features",
                        "POST /api/v1/lists/block/card/entries",
                        "POST /api/v1/patterns",
                        "POST /api/v1/patterns/p-new/submit");
        JsonNode feature = JSON.readTree(changes().get(0).body());
        assertThat(feature.path("name").asText()).isEqualTo("new_1h");
        assertThat(feature.path("description").asText()).isEqualTo("imported from set.json");
        JsonNode entries = JSON.readTree(changes().get(1).body());
        assertThat(entries.path("reason").asText()).isEqualTo("imported from set.json");
        assertThat(entries.path("entries")).hasSize(2);
        assertThat(entries.path("entries").get(1).path("reason").asText()).isEqualTo("fraud");
    }

    @Test
    void importSubmitsWhatIsNewOrChangedAndLeavesWhatIsLiveAlone() throws Exception {
        vigil.answer(request -> switch (request.method() + " " + request.path()) {
            case "GET /api/v1/patterns/p-same" ->
                new Answer(200, published("p-same", 2, "active", "tx.amount > 5.0", null));
            case "GET /api/v1/patterns/p-changed" ->
                new Answer(200, published("p-changed", 2, "active", "false", null));
            case "GET /api/v1/patterns/p-new" -> new Answer(404, "{}");
            default ->
                new Answer(
                        request.method().equals("POST") && request.path().equals("/api/v1/patterns") ? 201 : 200, "{}");
        });
        Path file = write(
                entry("p-same", "tx.amount > 5.0", "active"),
                entry("p-changed", "tx.amount > 9.0", "active"),
                entry("p-new", "tx.amount > 1.0", "shadow"));

        ToolRun run = run("patterns", "import", file.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("p-same unchanged", "p-changed submitted", "p-new submitted");
        assertThat(changes())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly(
                        "PUT /api/v1/patterns/p-changed",
                        "POST /api/v1/patterns/p-changed/submit",
                        "POST /api/v1/patterns",
                        "POST /api/v1/patterns/p-new/submit");
        JsonNode created = JSON.readTree(changes().get(2).body());
        assertThat(created.path("id").asText()).isEqualTo("p-new");
        assertThat(created.path("expression").asText()).isEqualTo("tx.amount > 1.0");
        assertThat(created.path("comment").asText()).isEqualTo("imported from patterns.json");
    }

    @Test
    void importReportsAPatternVigilRefusesAndExitsOne() throws Exception {
        vigil.answer(request -> switch (request.method() + " " + request.path()) {
            case "GET /api/v1/patterns/p-bad" -> new Answer(404, "{}");
            case "POST /api/v1/patterns" -> new Answer(201, "{}");
            default ->
                new Answer(422, "{\"title\":\"Does not compile\",\"detail\":\"undeclared reference to 'tx.amout'\"}");
        });

        ToolRun run = run(
                "patterns",
                "import",
                write(entry("p-bad", "tx.amout > 1.0", "active")).toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("p-bad refused" + System.lineSeparator());
        assertThat(run.err()).contains("p-bad: Vigil answered 422 to submit: undeclared reference to 'tx.amout'");
    }

    @Test
    void aFileWithoutWhatAPatternNeedsIsRefusedBeforeAnythingIsSent() throws Exception {
        Path file = dir.resolve("patterns.json");
        Files.writeString(
                file,
                "{\"patterns\":[{\"id\":\"p-1\",\"name\":\"n\"},{\"id\":\"p-1\",\"name\":\"n\","
                        + "\"expression\":\"true\",\"effect\":\"review\",\"mode\":\"loud\"}]}");

        ToolRun run = run("patterns", "import", file.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains("pattern 1 (p-1) needs name, expression and effect")
                .contains("pattern 2 (p-1) repeats an id")
                .contains("mode 'loud', not active, shadow or off");
        assertThat(vigil.apiRequests()).isEmpty();
    }

    @Test
    void approvePublishesEachSubmittedDraftInTheFilesMode() throws Exception {
        vigil.answer(request -> switch (request.method() + " " + request.path()) {
            case "GET /api/v1/patterns/p-new" ->
                new Answer(
                        200,
                        "{\"id\":\"p-new\",\"status\":\"unpublished\",\"mode\":null,\"liveVersion\":null,"
                                + "\"draftState\":\"submitted\",\"versions\":[],\"history\":[]}");
            case "GET /api/v1/patterns/p-live" -> new Answer(200, published("p-live", 2, "active", "x", null));
            default -> new Answer(200, "{}");
        });
        Path file = write(entry("p-new", "tx.amount > 1.0", "shadow"), entry("p-live", "x", "off"));

        ToolRun run = run("patterns", "approve", file.toString(), "--publish");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("p-new published shadow", "p-live mode off");
        assertThat(changes())
                .extracting(r ->
                        r.path() + " " + JSON.readTree(r.body()).path("mode").asText())
                .containsExactly(
                        "/api/v1/patterns/p-new/approve ",
                        "/api/v1/patterns/p-new/publish shadow",
                        "/api/v1/patterns/p-live/mode off");
    }

    private List<Request> changes() {
        return vigil.apiRequests().stream()
                .filter(r -> !r.method().equals("GET"))
                .toList();
    }

    private static String entry(String id, String expression, String mode) {
        return "{\"id\":\"" + id + "\",\"name\":\"N " + id + "\",\"description\":\"d\",\"expression\":\"" + expression
                + "\",\"effect\":\"decline\",\"mode\":\"" + mode + "\"}";
    }

    private Path write(String... entries) throws IOException {
        Path file = dir.resolve("patterns.json");
        Files.writeString(file, "{\"patterns\":[" + String.join(",", entries) + "]}");
        return file;
    }
}
