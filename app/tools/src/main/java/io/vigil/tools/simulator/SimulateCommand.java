package io.vigil.tools.simulator;

import io.vigil.tools.Terminal;
import io.vigil.tools.VigilAddress;
import io.vigil.tools.VigilTools;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./vigil simulate}: the command line of {@link Simulate}. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Generates realistic payment traffic (merchants, customers, daily cycle, fraud cases, integration"
                    + " incidents) and sends it to Vigil's public API. The same seed and options give the same stream."
        },
        footer = {
            "",
            "Examples:",
            "  ./vigil simulate --backfill --from -2d --duration 2d --rate 50     two days of history, fast",
            "  ./vigil simulate --duration 1h                                     live demo traffic for an hour",
            "  ./vigil simulate --dry-run --seed 7                                what seed 7 would send",
            "",
            "Event times more than 24 h in the future are rejected by Vigil. See docs/simulator.md.",
            "Exit status: 0 every item sent and taken; 1 some requests failed or Vigil is not ready; 2 usage error;"
                    + " 3 Vigil refused the API key or its scope (the run stops at the first refusal)."
        })
public final class SimulateCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VigilAddress vigil;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "seed of every random choice")
    private long seed;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            defaultValue = "now",
            description = "event time of the start: an instant (2026-11-20T00:00:00Z), 'now', or relative to now"
                    + " (-2d, -90m, -1h30m, +5m) (default: ${DEFAULT-VALUE})")
    private String from;

    @Option(
            names = "--duration",
            paramLabel = "D",
            defaultValue = "10m",
            description = "length of the simulated period: 30s, 10m, 2h, 1d, 1h30m (default: ${DEFAULT-VALUE})")
    private String duration;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "20",
            description = "transactions per second at the daily peak (default: ${DEFAULT-VALUE})")
    private double rate;

    @Option(
            names = "--merchants",
            paramLabel = "N",
            defaultValue = "200",
            description = "number of merchants (default: ${DEFAULT-VALUE})")
    private int merchants;

    @Option(
            names = "--customers",
            paramLabel = "N",
            description = "number of customers (default: " + SimulationConfig.CUSTOMERS_PER_MERCHANT + " per merchant)")
    private Integer customers;

    @Option(
            names = "--fraud",
            paramLabel = "SHARE",
            defaultValue = "0.01",
            description = "share of transactions in injected fraud cases, 0 to 0.5 (default: ${DEFAULT-VALUE})")
    private double fraud;

    @Option(
            names = "--mix",
            paramLabel = "LIST",
            description = "relative number of fraud cases per typology, e.g."
                    + " card_testing=2,account_takeover=1,device_farm=1,impossible_travel=1 (default: 1 each; a"
                    + " typology left out is not injected)")
    private String mix;

    @Option(
            names = "--incidents",
            paramLabel = "N",
            defaultValue = "1",
            description = "integration incidents (authorization success drops) to inject (default: ${DEFAULT-VALUE})")
    private int incidents;

    @Option(
            names = "--incident-every",
            paramLabel = "DURATION",
            description = "instead of --incidents placed at random, an incident that recurs: the first a quarter of"
                    + " this after the start, then one every this long, each for half of it (at most 6 minutes), on"
                    + " the largest merchants in turn (e.g. 10m; at least 2m)")
    private String incidentEvery;

    @Option(
            names = "--backfill",
            description = "send as fast as Vigil takes it, instead of pacing items by their event time")
    private boolean backfill;

    @Option(
            names = "--speed",
            paramLabel = "X",
            defaultValue = "1",
            description = "live mode only: play X times faster than real time (default: ${DEFAULT-VALUE})")
    private double speed;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "64",
            description = "most requests open at once, 1 to 1024 (default: ${DEFAULT-VALUE})")
    private int concurrency;

    @Option(
            names = "--manifest",
            paramLabel = "FILE",
            defaultValue = "${env:VIGIL_SIMULATION_MANIFEST:-target/simulation/manifest.json}",
            description = "where to write the manifest (default: ${DEFAULT-VALUE})")
    private Path manifest;

    @Option(
            names = "--dry-run",
            description = "generate only: write the manifest, print counts and the stream's SHA-256")
    private boolean dryRun;

    @Option(names = "--no-transactions", description = "send no transactions (and so no outcomes)")
    private boolean noTransactions;

    @Option(names = "--no-events", description = "send no operational events")
    private boolean noEvents;

    public SimulateCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Instant now = terminal.clock().instant();
        return Simulate.run(options(now), terminal.out(), terminal.err(), now);
    }

    /** The options as given, checked, with relative times counted from {@code now}; a mistake is a usage error. */
    SimulateOptions options(Instant now) {
        positive("--rate", rate);
        positive("--speed", speed);
        VigilTools.between(spec, "--concurrency", concurrency, 1, 1024);
        SimulationConfig config = SimulationConfig.defaults(now.truncatedTo(ChronoUnit.SECONDS));
        config = apply(config, "--seed", c -> c.withSeed(seed));
        config = apply(config, "--from", c -> c.withFrom(SimulateOptions.instant(from, now)));
        config = apply(config, "--duration", c -> c.withDuration(SimulateOptions.duration(duration)));
        config = apply(config, "--rate", c -> c.withPeakRate(rate));
        config = apply(config, "--merchants", c -> c.withMerchants(merchants));
        config = apply(config, "--fraud", c -> c.withFraudShare(fraud));
        if (mix != null) {
            config = apply(config, "--mix", c -> c.withTypologyMix(SimulateOptions.mix(mix)));
        }
        config = apply(config, "--incidents", c -> c.withIncidents(incidents));
        if (incidentEvery != null) {
            config = apply(
                    config, "--incident-every", c -> c.withIncidentEvery(SimulateOptions.duration(incidentEvery)));
        }
        config = apply(
                config,
                "--customers",
                c -> c.withCustomers(
                        customers != null ? customers : c.merchants() * SimulationConfig.CUSTOMERS_PER_MERCHANT));
        return new SimulateOptions(
                config,
                vigil.url(),
                vigil.apiKey(),
                backfill,
                speed,
                concurrency,
                manifest,
                dryRun,
                !noTransactions,
                !noEvents);
    }

    private SimulationConfig apply(SimulationConfig config, String option, UnaryOperator<SimulationConfig> change) {
        try {
            return change.apply(config);
        } catch (IllegalArgumentException e) {
            throw VigilTools.usage(spec, option + ": " + e.getMessage());
        }
    }

    private void positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw VigilTools.usage(spec, option + " must be a number above 0, got " + value);
        }
    }
}
