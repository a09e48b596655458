package io.vigil.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.Terminal;
import io.vigil.tools.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line of {@code ./vigil simulate}: its defaults, its forms, and errors a person can act on. */
class SimulateOptionsTest {

    private static final Instant NOW = ToolRun.NOW;

    /** The options as the one parser reads them; a mistake throws picocli's usage error. */
    private static SimulateOptions parse(String... args) {
        SimulateCommand command = new SimulateCommand(Terminal.system());
        new CommandLine(command).parseArgs(args);
        return command.options(NOW);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        SimulateOptions o = parse();
        SimulationConfig c = o.config();
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.from()).isEqualTo(Instant.parse("2026-11-24T10:15:30Z"));
        assertThat(c.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.peakRate()).isEqualTo(20);
        assertThat(c.merchants()).isEqualTo(200);
        assertThat(c.customers()).isEqualTo(200_000);
        assertThat(c.fraudShare()).isEqualTo(0.01);
        assertThat(c.incidents()).isEqualTo(1);
        assertThat(o.url()).hasToString("http://127.0.0.1:8080");
        assertThat(o.manifest()).isEqualTo(Path.of("target/simulation/manifest.json"));
        assertThat(o.backfill()).isFalse();
        assertThat(o.dryRun()).isFalse();
        assertThat(o.transactions()).isTrue();
        assertThat(o.events()).isTrue();
        assertThat(o.concurrency()).isEqualTo(64);
    }

    @Test
    void takesValuesAfterASpaceOrAnEqualsSignAndRelativeTimes() {
        SimulateOptions o = parse(
                "--from",
                "-2d",
                "--duration=1d12h",
                "--rate",
                "50",
                "--seed=7",
                "--merchants",
                "20",
                "--backfill",
                "--no-events",
                "--url",
                "http://vigil.example:9090/",
                "--mix",
                "card_testing=3,device_farm=1");
        assertThat(o.config().from()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
        assertThat(o.config().duration()).isEqualTo(Duration.ofHours(36));
        assertThat(o.config().peakRate()).isEqualTo(50);
        assertThat(o.config().seed()).isEqualTo(7);
        assertThat(o.config().customers()).isEqualTo(20_000);
        assertThat(o.config().typologyMix()).isEqualTo(Map.of(Typology.CARD_TESTING, 3.0, Typology.DEVICE_FARM, 1.0));
        assertThat(o.backfill()).isTrue();
        assertThat(o.events()).isFalse();
        assertThat(o.url()).hasToString("http://vigil.example:9090");

        assertThat(parse("--from", "-90m").config().from()).isEqualTo(Instant.parse("2026-11-24T08:45:30Z"));
        assertThat(parse("--from", "2026-11-20T00:00:00Z").config().from())
                .isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(parse("--duration", "PT45M").config().duration()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void mistakesAreNamedWithWhatIsAccepted() {
        assertThatThrownBy(() -> parse("--rate", "fast"))
                .hasMessage("Invalid value for option '--rate': 'fast' is not a double");
        assertThatThrownBy(() -> parse("--rate", "0")).hasMessage("--rate must be a number above 0, got 0.0");
        assertThatThrownBy(() -> parse("--duration", "10 minutes"))
                .hasMessage("--duration: must be a duration such as 30s, 10m, 2h, 1d or 1h30m, got '10 minutes'");
        assertThatThrownBy(() -> parse("--from", "yesterday")).hasMessageStartingWith("--from: must be an instant");
        assertThatThrownBy(() -> parse("--seed"))
                .hasMessageStartingWith("Missing required parameter for option '--seed'");
        assertThatThrownBy(() -> parse("--sed", "1")).hasMessageStartingWith("Unknown options: '--sed'");
        assertThatThrownBy(() -> parse("fast")).hasMessageContaining("Unmatched argument at index 0: 'fast'");
        assertThatThrownBy(() -> parse("--backfill=yes"))
                .hasMessageContaining("Invalid value for option '--backfill': 'yes' is not a boolean");
        assertThatThrownBy(() -> parse("--fraud", "0.9"))
                .hasMessageStartingWith("--fraud: ")
                .hasMessageContaining("fraud share must be between 0 and 0.5");
        assertThatThrownBy(() -> parse("--mix", "phishing=1"))
                .hasMessageStartingWith("--mix: ")
                .hasMessageContaining("unknown fraud typology 'phishing'")
                .hasMessageContaining("card_testing");
        assertThatThrownBy(() -> parse("--url", "127.0.0.1:8080"))
                .hasMessageStartingWith("Invalid value for option '--url': must be an http");
        assertThatThrownBy(() -> parse("--merchants", "3", "--incidents", "4"))
                .hasMessageStartingWith("--incidents: ")
                .hasMessageContaining("incidents must be between 0 and the number of merchants (3), got 4");
    }

    @Test
    void badOptionsExitWithStatusTwoAndTheUsage() {
        ToolRun run = ToolRun.of("simulate", "--rate", "-1");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains("--rate must be a number above 0, got -1.0")
                .contains("--help");
    }

    @Test
    void helpListsEveryOption() {
        ToolRun run = ToolRun.of("simulate", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("--url", "--seed", "--from", "--duration", "--rate", "--merchants", "--fraud", "--incidents")
                .contains("--backfill", "--manifest", "--dry-run", "--no-transactions", "--no-events");
    }

    @Test
    void aDryRunWritesTheManifestAndPrintsTheStreamsDigest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/manifest.json");
        String[] args = {
            "--dry-run", "--from", "2026-03-10T12:00:00Z", "--duration", "5m", "--manifest", file.toString()
        };
        ToolRun run =
                ToolRun.of(Stream.concat(Stream.of("simulate"), Stream.of(args)).toArray(String[]::new));

        assertThat(run.status()).isZero();
        SimulationConfig config = parse(args).config();
        Simulation simulation = TrafficGenerator.generate(config);
        assertThat(run.out())
                .contains("sha256 " + simulation.sha256())
                .contains("transactions " + simulation.transactions().size());
        Manifest written = Manifest.read(file);
        assertThat(written.streamSha256()).isEqualTo(simulation.sha256());
        assertThat(written.withStreamSha256(null)).isEqualTo(simulation.manifest());
        assertThat(Files.readString(file)).contains("\"format\" : \"vigil-simulation/1\"");
    }
}
