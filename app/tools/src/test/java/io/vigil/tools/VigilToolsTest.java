package io.vigil.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every tool's command line comes from one parser: each has a generated --help, and every mistake on the command line
 * is refused the same way, with exit status 2 and a message naming the option.
 */
class VigilToolsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "simulate",
                "import",
                "bench",
                "bench scoring",
                "bench monitoring",
                "bench report",
                "detect",
                "api-key",
                "api-key create",
                "api-key list",
                "api-key revoke"
            })
    void everyToolHasAGeneratedHelp(String command) {
        String[] args = (command + " --help").split(" ");
        ToolRun run = ToolRun.of(args);
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: vigil " + command + " ").contains("-h, --help");
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "simulate --sed 1, Unknown options: '--sed'",
        "import events.ndjson --batchsize 10, Unknown options: '--batchsize'",
        "bench scoring --durration 30, Unknown options: '--durration'",
        "bench monitoring --phases nope, --phases takes some of baseline,ingest,freshness,alerts,cycle",
        "detect minutes.csv --sensitivity extreme, Invalid value for option '--sensitivity'",
        "simulate --rate fast, Invalid value for option '--rate': 'fast' is not a double",
        "simulate --rate 0, --rate must be a number above 0",
        "import events.ndjson --batch-size 0, --batch-size must be a whole number from 1 to 10000, got 0",
        "import events.ndjson --url 127.0.0.1:8080, Invalid value for option '--url'",
        "detect minutes.csv --min-volume 0, --min-volume must be a whole number >= 1, got 0",
        "'api-key create ci --scopes submit,write', '--scopes takes some of submit,read,manage,admin'",
        "api-key create ci --burst 50, --burst goes with --rate-per-second",
        "api-key create ci --rate-per-second 0, --rate-per-second must be a whole number from 1 to 1000000, got 0",
        "api-key revoke vgl_abcd1234_notanid, KEY_ID is the key's id, not the key itself",
        "api-key revoke ../admin, KEY_ID is a key's id as ./vigil api-key list shows it",
        "frobnicate, Unmatched argument at index 0: 'frobnicate'",
    })
    void aMistakeExitsWithTwoAndNamesTheOption(String commandLine, String message) {
        ToolRun run = ToolRun.of(commandLine.split(" "));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(message).contains("Usage: vigil");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"import", "detect"})
    void aMissingFileIsAUsageError(String command) {
        ToolRun run = ToolRun.of(command);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'FILE'");
    }

    @ParameterizedTest
    @CsvSource({"api-key create, NAME", "api-key revoke, KEY_ID"})
    void aMissingNameOrKeyIdIsAUsageError(String command, String parameter) {
        ToolRun run = ToolRun.of(command.split(" "));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: '" + parameter + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bench", "api-key"})
    void noCommandIsAUsageError(String command) {
        ToolRun run = ToolRun.of(command.isEmpty() ? new String[0] : new String[] {command});
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("name a");
    }
}
