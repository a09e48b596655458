package io.vigil.tools.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulated run contains, so that a test or a person can check what Vigil made of it: the config that
 * reproduces the run, counts by kind, every injected fraud case with its transactions, and every injected incident
 * with the authorization success it had in the stream during and outside its window.
 *
 * @param format the manifest's format, {@code vigil-simulation/1}
 * @param streamSha256 the {@link StreamDigest} of the run, when the manifest was written by {@code ./vigil simulate};
 *     null when it comes from a generator directly
 * @param friendlyChargebacks ordinary transactions that still got a chargeback (customers disputing their own
 *     purchase): labels that are not injected fraud, as in real data
 */
public record Manifest(
        String format,
        Settings config,
        String runTag,
        String streamSha256,
        Counts counts,
        List<FraudCase> fraudCases,
        List<Incident> incidents,
        List<String> friendlyChargebacks,
        List<MerchantProfile> merchants) {

    public static final String FORMAT = "vigil-simulation/1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The config of the run in plain values; {@link #toConfig()} gives it back. */
    public record Settings(
            long seed,
            Instant from,
            Instant end,
            Duration duration,
            double peakRate,
            int merchants,
            int customers,
            double fraudShare,
            int incidents,
            Map<String, Double> typologyMix,
            Duration incidentEvery) {

        static Settings of(SimulationConfig c) {
            Map<String, Double> mix = new LinkedHashMap<>();
            c.typologyMix().forEach((t, w) -> mix.put(t.wireName(), w));
            return new Settings(
                    c.seed(),
                    c.from(),
                    c.end(),
                    c.duration(),
                    c.peakRate(),
                    c.merchants(),
                    c.customers(),
                    c.fraudShare(),
                    c.incidents(),
                    mix,
                    c.incidentEvery());
        }

        public SimulationConfig toConfig() {
            Map<Typology, Double> mix = new EnumMap<>(Typology.class);
            typologyMix.forEach((name, w) -> mix.put(Typology.fromWireName(name), w));
            return new SimulationConfig(
                    seed, from, duration, peakRate, merchants, customers, fraudShare, incidents, mix, incidentEvery);
        }
    }

    /**
     * How many items of each kind the stream has. {@code fraudShare} is the share of transactions that belong to an
     * injected case.
     */
    public record Counts(
            long items,
            long transactions,
            long events,
            long sessions,
            long authorizations,
            long orders,
            long outcomes,
            long fraudCases,
            long fraudTransactions,
            double fraudShare,
            Map<String, Long> fraudCasesByTypology) {}

    /**
     * One injected fraud case.
     *
     * @param transactionIds every transaction of the case, in time order
     * @param labelledTransactionIds those that get {@code label} as an outcome later in the stream (for impossible
     *     travel only the far-away one; the first payment is the real customer's)
     * @param start time of the first transaction
     * @param end time of the last transaction
     */
    public record FraudCase(
            String id,
            Typology typology,
            Instant start,
            Instant end,
            List<String> transactionIds,
            List<String> labelledTransactionIds,
            String label,
            List<String> merchantIds,
            List<String> customerIds,
            List<String> cardFingerprints,
            List<String> deviceIds,
            List<String> ips,
            List<String> countries,
            String description) {}

    /**
     * One injected integration incident: authorizations of {@code merchantId} whose {@code dimension} (country or
     * browser) is {@code value} succeed at about {@code injectedSuccessRate} instead of {@code expectedSuccessRate}
     * from {@code start} to {@code end}. The counts are what the stream really holds for that merchant and value,
     * during the window and outside it.
     */
    public record Incident(
            String id,
            String merchantId,
            String dimension,
            String value,
            Instant start,
            Instant end,
            double expectedSuccessRate,
            double injectedSuccessRate,
            long authorizationsDuring,
            long successesDuring,
            long authorizationsOutside,
            long successesOutside) {

        /** Success rate of the scope's authorizations in the window, as generated. */
        public double successRateDuring() {
            return authorizationsDuring == 0 ? Double.NaN : successesDuring / (double) authorizationsDuring;
        }

        /** Success rate of the scope's authorizations outside the window, as generated. */
        public double successRateOutside() {
            return authorizationsOutside == 0 ? Double.NaN : successesOutside / (double) authorizationsOutside;
        }
    }

    /**
     * A merchant as the simulation drew it. Shares are of the merchant's own checkouts; {@code trafficShare} is of
     * all merchants' traffic, before the daily cycle of its country.
     */
    public record MerchantProfile(
            String id,
            double trafficShare,
            String homeCountry,
            String currency,
            int utcOffsetHours,
            double basketEuro,
            Map<String, Double> countries,
            Map<String, Double> paymentMethods,
            Map<String, Double> authorizationRates) {}

    public Manifest withStreamSha256(String sha256) {
        return new Manifest(
                format, config, runTag, sha256, counts, fraudCases, incidents, friendlyChargebacks, merchants);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the manifest, creating the folders it goes in. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson());
    }

    public static Manifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Manifest.class);
    }

    public static Manifest parse(String json) throws IOException {
        return JSON.readValue(json, Manifest.class);
    }
}
