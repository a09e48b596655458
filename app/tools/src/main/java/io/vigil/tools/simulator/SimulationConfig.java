package io.vigil.tools.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides a simulated stream. Two generators built from equal configs produce the same items byte for
 * byte: that is what lets a test replay a run, and a manifest describe one without storing it.
 *
 * @param seed seeds every random choice
 * @param from event time of the start; truncated to milliseconds, the precision of every generated time
 * @param duration length of the simulated period; every item's time lies in {@code [from, from + duration)}
 * @param peakRate transactions per second at the busiest moment of the simulated day
 * @param merchants how many merchants there are; their sizes follow a Zipf law, so a few carry most of the traffic
 * @param customers how many customers there are, spread over the merchants' countries
 * @param fraudShare the share of transactions that belong to an injected fraud case
 * @param incidents how many integration incidents (a drop of authorization success) are injected
 * @param typologyMix relative number of fraud cases of each typology; a typology left out is not injected
 * @param incidentEvery when not {@code null}, incidents recur: one starts a quarter of this after the start and then
 *     one every this long, each for half of it (at most 6 minutes), in place of the {@code incidents} placed at random
 */
public record SimulationConfig(
        long seed,
        Instant from,
        Duration duration,
        double peakRate,
        int merchants,
        int customers,
        double fraudShare,
        int incidents,
        Map<Typology, Double> typologyMix,
        Duration incidentEvery) {

    public static final long DEFAULT_SEED = 42;
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(10);
    public static final double DEFAULT_PEAK_RATE = 20;
    public static final int DEFAULT_MERCHANTS = 200;
    /** Customers per merchant when the number of customers is not given. */
    public static final int CUSTOMERS_PER_MERCHANT = 1000;

    public static final double DEFAULT_FRAUD_SHARE = 0.01;
    public static final int DEFAULT_INCIDENTS = 1;

    public SimulationConfig {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(typologyMix, "typologyMix");
        from = from.truncatedTo(ChronoUnit.MILLIS);
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(Duration.ofDays(400)) > 0) {
            throw new IllegalArgumentException("duration must be between 1 second and 400 days, got " + duration);
        }
        if (!(peakRate > 0 && peakRate <= 100_000)) {
            throw new IllegalArgumentException(
                    "rate must be above 0 and at most 100000 transactions/s, got " + peakRate);
        }
        if (merchants < 1 || merchants > 100_000) {
            throw new IllegalArgumentException("merchants must be between 1 and 100000, got " + merchants);
        }
        if (customers < 100 || customers > 1_000_000_000) {
            throw new IllegalArgumentException("customers must be between 100 and 1000000000, got " + customers);
        }
        if (!(fraudShare >= 0 && fraudShare <= 0.5)) {
            throw new IllegalArgumentException("fraud share must be between 0 and 0.5, got " + fraudShare);
        }
        if (incidents < 0 || incidents > merchants) {
            throw new IllegalArgumentException(
                    "incidents must be between 0 and the number of merchants (" + merchants + "), got " + incidents);
        }
        EnumMap<Typology, Double> mix = new EnumMap<>(Typology.class);
        mix.putAll(typologyMix);
        double total = 0;
        for (Map.Entry<Typology, Double> e : mix.entrySet()) {
            if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite()) {
                throw new IllegalArgumentException(
                        "weight of " + e.getKey().wireName() + " must be a number >= 0, got " + e.getValue());
            }
            total += e.getValue();
        }
        if (fraudShare > 0 && total <= 0) {
            throw new IllegalArgumentException("the fraud mix needs at least one typology with a weight above 0");
        }
        typologyMix = Collections.unmodifiableMap(mix);
        if (incidentEvery != null
                && (incidentEvery.compareTo(Duration.ofMinutes(2)) < 0 || incidentEvery.compareTo(duration) > 0)) {
            throw new IllegalArgumentException(
                    "incidents must recur every 2 minutes or more, and within the duration, got " + incidentEvery);
        }
    }

    /** As before recurring incidents existed: incidents placed at random. */
    public SimulationConfig(
            long seed,
            Instant from,
            Duration duration,
            double peakRate,
            int merchants,
            int customers,
            double fraudShare,
            int incidents,
            Map<Typology, Double> typologyMix) {
        this(seed, from, duration, peakRate, merchants, customers, fraudShare, incidents, typologyMix, null);
    }

    /** Incidents recurring every {@code value} ({@code null}: placed at random, as many as {@code incidents}). */
    public SimulationConfig withIncidentEvery(Duration value) {
        return new SimulationConfig(
                seed, from, duration, peakRate, merchants, customers, fraudShare, incidents, typologyMix, value);
    }

    /** The defaults of {@code ./vigil simulate}, starting at the given instant. */
    public static SimulationConfig defaults(Instant from) {
        return new SimulationConfig(
                DEFAULT_SEED,
                from,
                DEFAULT_DURATION,
                DEFAULT_PEAK_RATE,
                DEFAULT_MERCHANTS,
                DEFAULT_MERCHANTS * CUSTOMERS_PER_MERCHANT,
                DEFAULT_FRAUD_SHARE,
                DEFAULT_INCIDENTS,
                Typology.evenMix());
    }

    public SimulationConfig withSeed(long value) {
        return new SimulationConfig(
                value,
                from,
                duration,
                peakRate,
                merchants,
                customers,
                fraudShare,
                incidents,
                typologyMix,
                incidentEvery);
    }

    public SimulationConfig withFrom(Instant value) {
        return new SimulationConfig(
                seed,
                value,
                duration,
                peakRate,
                merchants,
                customers,
                fraudShare,
                incidents,
                typologyMix,
                incidentEvery);
    }

    public SimulationConfig withDuration(Duration value) {
        return new SimulationConfig(
                seed, from, value, peakRate, merchants, customers, fraudShare, incidents, typologyMix, incidentEvery);
    }

    public SimulationConfig withPeakRate(double value) {
        return new SimulationConfig(
                seed, from, duration, value, merchants, customers, fraudShare, incidents, typologyMix, incidentEvery);
    }

    public SimulationConfig withMerchants(int value) {
        return new SimulationConfig(
                seed, from, duration, peakRate, value, customers, fraudShare, incidents, typologyMix, incidentEvery);
    }

    public SimulationConfig withCustomers(int value) {
        return new SimulationConfig(
                seed, from, duration, peakRate, merchants, value, fraudShare, incidents, typologyMix, incidentEvery);
    }

    public SimulationConfig withFraudShare(double value) {
        return new SimulationConfig(
                seed, from, duration, peakRate, merchants, customers, value, incidents, typologyMix, incidentEvery);
    }

    public SimulationConfig withIncidents(int value) {
        return new SimulationConfig(
                seed, from, duration, peakRate, merchants, customers, fraudShare, value, typologyMix, incidentEvery);
    }

    public SimulationConfig withTypologyMix(Map<Typology, Double> value) {
        return new SimulationConfig(
                seed, from, duration, peakRate, merchants, customers, fraudShare, incidents, value, incidentEvery);
    }

    /** The first instant after the simulated period. */
    public Instant end() {
        return from.plus(duration);
    }

    /**
     * A short tag that differs between configs, used in the ids of transactions, events and the fraudsters' cards and
     * devices. Two runs with different configs against one Vigil therefore never reuse an id with other content (which
     * Vigil would answer with 409), while a repeat of the same run repeats the same ids, which Vigil takes as repeats.
     */
    public String runTag() {
        String canonical = seed + "|" + from + "|" + duration + "|" + peakRate + "|" + merchants + "|" + customers + "|"
                + fraudShare + "|" + incidents + "|" + typologyMix + (incidentEvery == null ? "" : "|" + incidentEvery);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
