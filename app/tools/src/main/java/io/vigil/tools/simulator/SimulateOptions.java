package io.vigil.tools.simulator;

import io.vigil.tools.http.ApiKey;
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
 * The options of a {@code ./vigil simulate} run, read and checked by {@link SimulateCommand}, and the forms its values
 * take: relative times ({@code -2d}), short durations ({@code 1h30m}) and typology mixes.
 */
record SimulateOptions(
        SimulationConfig config,
        URI url,
        ApiKey apiKey,
        boolean backfill,
        double speed,
        int concurrency,
        Path manifest,
        boolean dryRun,
        boolean transactions,
        boolean events) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    /** A value the user gave that cannot be used; the message says what is accepted. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    /** An ISO instant, {@code now}, or a signed duration from now: {@code -2d}, {@code +90m}. */
    static Instant instant(String value, Instant now) {
        String v = value.trim();
        if (v.equals("now")) {
            return now.truncatedTo(ChronoUnit.SECONDS);
        }
        if (v.startsWith("-") || v.startsWith("+")) {
            Duration offset = duration(v.substring(1));
            return now.truncatedTo(ChronoUnit.SECONDS).plus(v.startsWith("-") ? offset.negated() : offset);
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("must be an instant such as 2026-11-20T00:00:00Z, 'now', or relative"
                    + " to now such as -2d or -90m, got '" + value + "'");
        }
    }

    /** {@code 10m}, {@code 2h}, {@code 1d}, {@code 1h30m}, or an ISO-8601 duration such as {@code PT10M}. */
    static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            try {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw badDuration(value);
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
            throw badDuration(value);
        }
        return total;
    }

    private static UsageException badDuration(String value) {
        return new UsageException("must be a duration such as 30s, 10m, 2h, 1d or 1h30m, got '" + value + "'");
    }

    /** {@code card_testing=2,account_takeover=1}: typologies left out get no cases. */
    static Map<Typology, Double> mix(String value) {
        Map<Typology, Double> mix = new EnumMap<>(Typology.class);
        for (String part : value.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                throw new UsageException(
                        "takes typology=weight pairs separated by commas, e.g. card_testing=2,device_farm=1;" + " got '"
                                + part.trim() + "'");
            }
            Typology typology;
            try {
                typology = Typology.fromWireName(pair[0].trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            double weight;
            try {
                weight = Double.parseDouble(pair[1].trim());
            } catch (NumberFormatException e) {
                throw new UsageException(
                        "the weight of " + pair[0].trim() + " must be a number, got '" + pair[1].trim() + "'");
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new UsageException("the weight of " + pair[0].trim() + " must be 0 or more");
            }
            mix.put(typology, weight);
        }
        return mix;
    }
}
