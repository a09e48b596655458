package io.vigil.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every tool that talks to Vigil sends its API key ({@code --api-key}, by default {@code VIGIL_API_KEY}) as
 * {@code Authorization: Bearer} on every request; when Vigil refuses the key or its scope the tool stops at once, with
 * one line saying what to do and exit status 3, and never shows the key itself.
 */
class ApiKeyOptionTest {

    static final String SECRET = "Q7hT2mZk9LwV4rXc8NbJ5pYd1GsF6eHa3uKo0iRt";
    static final String KEY = "vgl_tooltest_" + SECRET;

    @TempDir
    Path folder;

    private FakeVigil vigil;

    @BeforeEach
    void startVigil() throws IOException {
        vigil = new FakeVigil();
    }

    @AfterEach
    void stopVigil() {
        vigil.close();
    }

    /** Each tool's command line, against the stand-in, with a file to import and places to write to. */
    private String[] commandLine(String tool, String key) throws IOException {
        String recent = Instant.now()
                .minus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        Path events = Files.writeString(
                folder.resolve("events.ndjson"),
                "{\"id\":\"ev-1\",\"timestamp\":\"" + recent
                        + "\",\"merchantId\":\"m-1\",\"operation\":\"authorization\"," + "\"outcome\":\"success\"}\n");
        String arguments = switch (tool) {
            case "import" -> "import " + events;
            case "simulate" ->
                "simulate --backfill --duration 2m --rate 5 --merchants 5 --manifest "
                        + folder.resolve("manifest.json");
            case "bench scoring" -> "bench scoring --out " + folder.resolve("scoring.json");
            case "bench monitoring" ->
                "bench monitoring --clickhouse-http http://127.0.0.1:1 --out " + folder.resolve("monitoring.json");
            case "api-key list" -> "api-key list";
            default -> throw new IllegalArgumentException(tool);
        };
        return Stream.concat(Stream.of(arguments.split(" ")), Stream.of("--url", vigil.url(), "--api-key=" + key))
                .toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"import", "simulate", "bench scoring", "bench monitoring", "api-key list"})
    void aKeyVigilRefusesStopsTheToolAtOnceWithStatusThreeAndOneLineWithoutTheKey(String tool) throws IOException {
        vigil.answer(request -> FakeVigil.problem(401, "unknown or revoked API key"));

        ToolRun run = ToolRun.of(commandLine(tool, KEY));

        assertThat(run.status()).as(run.err()).isEqualTo(3);
        assertThat(run.err())
                .contains("Vigil refused the API key vgl_tooltest…")
                .contains("VIGIL_API_KEY or --api-key");
        assertThat(run.err().lines().filter(line -> line.contains("Vigil refused")))
                .hasSize(1);
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
        assertThat(vigil.apiRequests())
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer " + KEY));
        // not retried, and no more sent once refused (the simulator has at most 64 requests in flight)
        assertThat(vigil.apiRequests()).hasSizeLessThanOrEqualTo(tool.equals("simulate") ? 64 : 1);
    }

    @Test
    void withoutAKeyNoneIsSentAndTheRefusalSaysHowToGetOne() throws IOException {
        vigil.answer(request -> FakeVigil.problem(401, "this request needs an API key"));

        ToolRun run = ToolRun.of(commandLine("import", ""));

        assertThat(run.status()).isEqualTo(3);
        assertThat(vigil.apiRequests())
                .singleElement()
                .satisfies(request -> assertThat(request.authorization()).isNull());
        assertThat(run.err())
                .contains("Vigil wants an API key and none was given (401: this request needs an API key): set"
                        + " VIGIL_API_KEY or --api-key; ./vigil api-key create NAME makes one");
    }

    @Test
    void aMissingScopeIsNamedFromVigilsProblem() throws IOException {
        vigil.answer(request -> FakeVigil.problem(403, "this key lacks the scope submit"));

        ToolRun run = ToolRun.of(commandLine("simulate", KEY));

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err())
                .contains("simulate: stopped: Vigil refused POST /api/v1/")
                .contains("to the API key vgl_tooltest… (403: this key lacks the scope submit)")
                .contains("./vigil api-key create NAME --scopes");
        assertThat(run.err()).doesNotContain(SECRET);
    }

    @Test
    void aKeyThatCannotBeAHeaderIsAUsageErrorThatDoesNotRepeatIt() throws IOException {
        String[] line = commandLine("import", "vgl_tooltest_with a space in it");

        ToolRun run = ToolRun.of(line);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--api-key'").doesNotContain("a space in it");
        assertThat(vigil.apiRequests()).isEmpty();
    }
}
