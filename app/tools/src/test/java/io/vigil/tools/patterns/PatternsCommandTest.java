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
