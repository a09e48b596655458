package io.vigil.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of {@code ./vigil simulate}: its defaults, its forms, and errors a person can act on. */
class SimulateOptionsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30.500Z");

    private static SimulateOptions parse(String... args) {
        return SimulateOptions.parse(args, NOW);
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
        assertThatThrownBy(() -> parse("--rate", "fast")).hasMessage("--rate takes a number, got 'fast'");
        assertThatThrownBy(() -> parse("--rate", "0")).hasMessage("--rate must be a number above 0, got '0'");
        assertThatThrownBy(() -> parse("--duration", "10 minutes"))
                .hasMessage("--duration must be a duration such as 30s, 10m, 2h, 1d or 1h30m, got '10 minutes'");
        assertThatThrownBy(() -> parse("--from", "yesterday")).hasMessageStartingWith("--from must be an instant");
        assertThatThrownBy(() -> parse("--seed")).hasMessage("--seed needs a value");
        assertThatThrownBy(() -> parse("--sed", "1")).hasMessage("unknown option --sed (see --help)");
        assertThatThrownBy(() -> parse("fast")).hasMessageContaining("options start with --");
        assertThatThrownBy(() -> parse("--backfill=yes")).hasMessage("--backfill takes no value");
        assertThatThrownBy(() -> parse("--fraud", "0.9")).hasMessageContaining("fraud share must be between 0 and 0.5");
        assertThatThrownBy(() -> parse("--mix", "phishing=1"))
                .hasMessageContaining("unknown fraud typology 'phishing'")
                .hasMessageContaining("card_testing");
        assertThatThrownBy(() -> parse("--url", "127.0.0.1:8080")).hasMessageStartingWith("--url must be an http");
        assertThatThrownBy(() -> parse("--merchants", "3", "--incidents", "4"))
                .hasMessageContaining("incidents must be between 0 and the number of merchants (3), got 4");
    }

    @Test
    void badOptionsExitWithStatusTwoAndAHint() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Simulate.run(new String[] {"--rate", "-1"}, print(out), print(err), NOW);
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("simulate: --rate must be a number above 0, got '-1'")
                .contains("--help");
    }

    @Test
    void helpListsEveryOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Simulate.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream()), NOW))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--url", "--seed", "--from", "--duration", "--rate", "--merchants", "--fraud", "--incidents")
                .contains("--backfill", "--manifest", "--dry-run", "--no-transactions", "--no-events");
    }

    @Test
    void aDryRunWritesTheManifestAndPrintsTheStreamsDigest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/manifest.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = {
            "--dry-run", "--from", "2026-03-10T12:00:00Z", "--duration", "5m", "--manifest", file.toString()
        };
        int status = Simulate.run(args, print(out), print(new ByteArrayOutputStream()), NOW);

        assertThat(status).isZero();
        SimulationConfig config = parse(args).config();
        Simulation simulation = TrafficGenerator.generate(config);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("sha256 " + simulation.sha256())
                .contains("transactions " + simulation.transactions().size());
        Manifest written = Manifest.read(file);
        assertThat(written.streamSha256()).isEqualTo(simulation.sha256());
        assertThat(written.withStreamSha256(null)).isEqualTo(simulation.manifest());
        assertThat(Files.readString(file)).contains("\"format\" : \"vigil-simulation/1\"");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
