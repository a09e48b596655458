package io.vigil.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code VIGIL_API_KEY}, which {@code ./vigil} sets for its tools, is the key a tool sends when no {@code --api-key}
 * is given, and it never shows in a tool's help, even where the help shows every other default. Run as a process of
 * its own, since a test cannot set its own environment.
 */
class ApiKeyFromEnvironmentTest {

    private static final String KEY = ApiKeyOptionTest.KEY;

    private record Outcome(int status, String output) {}

    private static Outcome tools(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                VigilTools.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("VIGIL_API_KEY", KEY);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    @Test
    void theKeyFromTheEnvironmentIsSent() throws Exception {
        try (FakeVigil vigil = new FakeVigil()) {
            vigil.answer(request -> new FakeVigil.Answer(200, "{\"keys\":[]}"));

            Outcome run = tools("api-key", "list", "--url", vigil.url());

            assertThat(run.status()).as(run.output()).isZero();
            assertThat(vigil.apiRequests())
                    .singleElement()
                    .satisfies(request -> assertThat(request.authorization()).isEqualTo("Bearer " + KEY));
            assertThat(run.output()).doesNotContain(ApiKeyOptionTest.SECRET);
        }
    }

    @Test
    void theKeyIsNotInTheHelpThatShowsEveryDefault() throws Exception {
        Outcome help = tools("bench", "scoring", "--help");

        assertThat(help.status()).isZero();
        assertThat(help.output())
                .contains("--api-key=KEY")
                .contains("VIGIL_API_KEY")
                .doesNotContain(ApiKeyOptionTest.SECRET);
    }
}
