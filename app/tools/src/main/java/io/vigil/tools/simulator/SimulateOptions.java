package io.vigil.tools.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@code ./vigil simulate}, parsed and checked. Options take {@code --name value} or
 * {@code --name=value}; a value may start with a minus, as in {@code --from -2d}. Every mistake is reported with the
 * option's name and what it accepts, and nothing is sent until the whole line is understood.
 */
record SimulateOptions(
        SimulationConfig config,
        URI url,
        boolean backfill,
        double speed,
        int concurrency,
        Path manifest,
        boolean dryRun,
        boolean transactions,
        boolean events,
        boolean help) {

    static final String USAGE = """
            Usage: ./vigil simulate [options]

            Generates realistic payment traffic (merchants, customers, daily cycle, fraud cases, integration
            incidents) and sends it to Vigil's public API. The same seed and options give the same stream.

              --url URL            Vigil's address (default http://127.0.0.1:8080)
              --seed N             seed of every random choice (default 42)
              --from TIME          event time of the start: an instant (2026-11-20T00:00:00Z), 'now', or relative
                                   to now (-2d, -90m, -1h30m, +5m) (default now)
              --duration D         length of the simulated period: 30s, 10m, 2h, 1d, 1h30m (default 10m)
              --rate N             transactions per second at the daily peak (default 20)
              --merchants N        number of merchants (default 200)
              --customers N        number of customers (default 1000 per merchant)
              --fraud SHARE        share of transactions in injected fraud cases, 0 to 0.5 (default 0.01)
              --mix LIST           relative number of fraud cases per typology, e.g.
                                   card_testing=2,account_takeover=1,device_farm=1,impossible_travel=1
                                   (default: 1 each; a typology left out is not injected)
              --incidents N        integration incidents (authorization success drops) to inject (default 1)
              --backfill           send as fast as Vigil takes it, instead of pacing items by their event time
              --speed X            live mode only: play X times faster than real time (default 1)
              --concurrency N      most requests open at once (default 64)
              --manifest FILE      where to write the manifest (default target/simulation/manifest.json)
              --dry-run            generate only: write the manifest, print counts and the stream's SHA-256
              --no-transactions    send no transactions (and so no outcomes)
              --no-events          send no operational events
              -h, --help           this text

            Examples:
              ./vigil simulate --backfill --from -2d --duration 2d --rate 50     two days of history, fast
              ./vigil simulate --duration 1h                                     live demo traffic for an hour
              ./vigil simulate --dry-run --seed 7                                what seed 7 would send

            Event times more than 24 h in the future are rejected by Vigil. See docs/simulator.md.
            """;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Parses the arguments; relative times are counted from {@code now}. */
    static SimulateOptions parse(String[] args, Instant now) {
        SimulationConfig config = SimulationConfig.defaults(now.truncatedTo(ChronoUnit.SECONDS));
        URI url = URI.create("http://127.0.0.1:8080");
        boolean backfill = false;
        double speed = 1;
        int concurrency = 64;
        Path manifest = Path.of("target", "simulation", "manifest.json");
        boolean dryRun = false;
        boolean transactions = true;
        boolean events = true;
        boolean help = false;
        Integer customers = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                name = arg.substring(0, arg.indexOf('='));
                value = arg.substring(arg.indexOf('=') + 1);
            }
            switch (name) {
                case "-h", "--help" -> help = true;
                case "--backfill" -> backfill = flag(name, value);
                case "--dry-run" -> dryRun = flag(name, value);
                case "--no-transactions" -> transactions = !flag(name, value);
                case "--no-events" -> events = !flag(name, value);
                default -> {
                    if (!name.startsWith("-")) {
                        throw new UsageException("unexpected argument '" + arg + "': options start with --");
                    }
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    try {
                        switch (name) {
                            case "--url" -> url = url(value);
                            case "--seed" -> config = config.withSeed(Long.parseLong(value.trim()));
                            case "--from" -> config = config.withFrom(instant(value, now));
                            case "--duration" -> config = config.withDuration(duration(name, value));
                            case "--rate" -> config = config.withPeakRate(positive(name, value));
                            case "--merchants" -> config = config.withMerchants(Integer.parseInt(value.trim()));
                            case "--customers" -> customers = Integer.parseInt(value.trim());
                            case "--fraud" -> config = config.withFraudShare(Double.parseDouble(value.trim()));
                            case "--mix" -> config = config.withTypologyMix(mix(value));
                            case "--incidents" -> config = config.withIncidents(Integer.parseInt(value.trim()));
                            case "--speed" -> speed = positive(name, value);
                            case "--concurrency" -> concurrency = between(name, value, 1, 1024);
                            case "--manifest" -> manifest = Path.of(value);
                            default -> throw new UsageException("unknown option " + name + " (see --help)");
                        }
                    } catch (NumberFormatException e) {
                        throw new UsageException(name + " takes a number, got '" + value + "'");
                    } catch (UsageException e) {
                        throw e;
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(name + ": " + e.getMessage());
                    }
                }
            }
        }
        try {
            config = config.withCustomers(
                    customers != null ? customers : config.merchants() * SimulationConfig.CUSTOMERS_PER_MERCHANT);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new SimulateOptions(
                config, url, backfill, speed, concurrency, manifest, dryRun, transactions, events, help);
    }

    private static boolean flag(String name, String value) {
        if (value != null) {
            throw new UsageException(name + " takes no value");
        }
        return true;
    }

    private static URI url(String value) {
        UsageException bad = new UsageException(
                "--url must be an http(s) address such as http://127.0.0.1:8080, got '" + value + "'");
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (IllegalArgumentException e) {
            throw bad;
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw bad;
        }
        return uri;
    }

    private static double positive(String name, String value) {
        double number = Double.parseDouble(value.trim());
        if (!(number > 0) || Double.isInfinite(number)) {
            throw new UsageException(name + " must be a number above 0, got '" + value + "'");
        }
        return number;
    }

    private static int between(String name, String value, int low, int high) {
        int number = Integer.parseInt(value.trim());
        if (number < low || number > high) {
            throw new UsageException(name + " must be between " + low + " and " + high + ", got " + number);
        }
        return number;
    }

    /** An ISO instant, {@code now}, or a signed duration from now: {@code -2d}, {@code +90m}. */
    static Instant instant(String value, Instant now) {
        String v = value.trim();
        if (v.equals("now")) {
            return now.truncatedTo(ChronoUnit.SECONDS);
        }
        if (v.startsWith("-") || v.startsWith("+")) {
            Duration offset = duration("--from", v.substring(1));
            return now.truncatedTo(ChronoUnit.SECONDS).plus(v.startsWith("-") ? offset.negated() : offset);
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--from must be an instant such as 2026-11-20T00:00:00Z, 'now', or relative"
                    + " to now such as -2d or -90m, got '" + value + "'");
        }
    }

    /** {@code 10m}, {@code 2h}, {@code 1d}, {@code 1h30m}, or an ISO-8601 duration such as {@code PT10M}. */
    static Duration duration(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            try {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw badDuration(name, value);
            }
        }
        Matcher m = DURATION.matcher(v);
        Duration total = Duration.ZERO;
        int position = 0;
        while (m.find() && m.start() == position) {
            long amount = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        case "d" -> Duration.ofDays(amount);
                        default -> Duration.ofDays(7 * amount);
                    });
            position = m.end();
        }
        if (position == 0 || position != v.length()) {
            throw badDuration(name, value);
        }
        return total;
    }

    private static UsageException badDuration(String name, String value) {
        return new UsageException(name + " must be a duration such as 30s, 10m, 2h, 1d or 1h30m, got '" + value + "'");
    }

    /** {@code card_testing=2,account_takeover=1}: typologies left out get no cases. */
    static Map<Typology, Double> mix(String value) {
        Map<Typology, Double> mix = new EnumMap<>(Typology.class);
        for (String part : value.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                throw new UsageException(
                        "--mix takes typology=weight pairs separated by commas, e.g. card_testing=2,device_farm=1;"
                                + " got '" + part.trim() + "'");
            }
            Typology typology;
            try {
                typology = Typology.fromWireName(pair[0].trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--mix: " + e.getMessage());
            }
            double weight;
            try {
                weight = Double.parseDouble(pair[1].trim());
            } catch (NumberFormatException e) {
                throw new UsageException(
                        "--mix: the weight of " + pair[0].trim() + " must be a number, got '" + pair[1].trim() + "'");
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new UsageException("--mix: the weight of " + pair[0].trim() + " must be 0 or more");
            }
            mix.put(typology, weight);
        }
        return mix;
    }
}
