package io.vigil.tools.bench;

import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates payment transactions that look like a shop's traffic: many customers with their own cards, devices and
 * home countries, a few merchants of different sizes, several payment methods, and a small share of card-testing
 * bursts (one card, many small amounts in a row). Deterministic for a seed.
 */
final class TrafficModel {

    private static final String[] COUNTRIES = {"SE", "NO", "DK", "FI", "DE", "NL", "GB", "FR", "ES", "PL"};
    private static final String[] METHODS = {"card", "card", "card", "wallet", "pay_later", "installments"};
    private static final String[] CHANNELS = {"web", "web", "app", "app", "in_store"};
    private static final String[] BROWSERS = {"chrome", "safari", "firefox", "edge", "samsung"};
    private static final String[] DEVICES = {"mobile", "mobile", "desktop", "tablet"};

    private final SplittableRandom random;
    private final int customers;
    private final String run;
    private long sequence;
    private String burstCard;
    private int burstLeft;

    TrafficModel(long seed, int customers, String run) {
        this.random = new SplittableRandom(seed);
        this.customers = customers;
        this.run = run;
    }

    /** The next transaction as a JSON request body, with the given event time. */
    synchronized String next(Instant at) {
        long id = sequence++;
        if (burstLeft == 0 && random.nextInt(1000) < 2) {
            burstCard = "card-burst-" + run + "-" + id;
            burstLeft = 5 + random.nextInt(20);
        }
        int customer = skewed(customers);
        String card;
        String amount;
        if (burstLeft > 0) {
            burstLeft--;
            card = burstCard;
            amount = String.format(Locale.ROOT, "%d.%02d", 1 + random.nextInt(3), random.nextInt(100));
        } else {
            card = "card-" + customer + (random.nextInt(10) == 0 ? "-b" : "");
            amount = String.format(
                    Locale.ROOT, "%d.%02d", 5 + (long) (Math.exp(random.nextDouble() * 7)), random.nextInt(100));
        }
        String country = COUNTRIES[customer % COUNTRIES.length];
        return "{\"id\":\"bench-" + run + "-" + id + "\",\"timestamp\":\"" + at + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\",\"merchantId\":\"m-" + skewed(300) + "\",\"customerId\":\"c-" + customer
                + "\",\"cardFingerprint\":\"" + card + "\",\"cardBin\":\"4" + (10000 + customer % 89999)
                + "\",\"deviceId\":\"d-" + customer + (random.nextInt(20) == 0 ? "-new" : "")
                + "\",\"ip\":\"10." + (customer >> 16 & 255) + "." + (customer >> 8 & 255) + "." + (customer & 255)
                + "\",\"email\":\"c" + customer + "@example.com\",\"country\":\"" + country
                + "\",\"paymentMethod\":\"" + pick(METHODS) + "\",\"channel\":\"" + pick(CHANNELS)
                + "\",\"browser\":\"" + pick(BROWSERS) + "\",\"deviceType\":\"" + pick(DEVICES) + "\"}";
    }

    /** Few large, many small: the square of a uniform number favours low indexes. */
    private int skewed(int n) {
        double u = random.nextDouble();
        return (int) (u * u * n);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
