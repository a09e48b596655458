package io.vigil.tools.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plans the injected fraud cases. Each typology has the signature its detection relies on (see {@link Typology}) and
 * nothing that would give it away for free: no attribute says "fraud", and the labels come as outcomes, later.
 *
 * <p>A case is only started when all its transactions fit before the end of the run, so every case in the manifest is
 * complete; a case that does not fit, or an account takeover before any customer has paid, leaves the arrival to
 * ordinary traffic.
 */
final class FraudInjector {

    /** Room left after a case's last checkout for its transaction and authorization to fall inside the run. */
    private static final long MARGIN = 60_000;

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private final World world;
    private final Timeline timeline;
    private final KnownCustomers known;
    private final ManifestRecorder recorder;
    private final SplittableRandom random;
    private final Typology[] typologies;
    private final double[] weights;
    private int cases;

    FraudInjector(
            SimulationConfig config,
            World world,
            Timeline timeline,
            KnownCustomers known,
            ManifestRecorder recorder,
            SplittableRandom random) {
        this.world = world;
        this.timeline = timeline;
        this.known = known;
        this.recorder = recorder;
        this.random = random;
        List<Typology> types = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        config.typologyMix().forEach((t, weight) -> {
            if (weight > 0) {
                types.add(t);
                w.add(weight);
            }
        });
        typologies = types.toArray(Typology[]::new);
        weights = w.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The chance that an arrival starts a case rather than an ordinary checkout, for the share of fraud-like
     * transactions asked for: a case brings its typology's mean number of transactions instead of one.
     */
    double caseChance(double fraudShare) {
        if (fraudShare <= 0 || typologies.length == 0) {
            return 0;
        }
        double size = 0;
        double total = 0;
        for (int i = 0; i < typologies.length; i++) {
            size += weights[i] * typologies[i].meanTransactions();
            total += weights[i];
        }
        size /= total;
        return fraudShare / (size * (1 - fraudShare) + fraudShare);
    }

    /** Starts a case at the arrival; false when none could be started there. */
    boolean inject(long at, Merchant merchant) {
        Typology typology = typologies[Draw.weighted(random, weights)];
        return switch (typology) {
            case CARD_TESTING -> cardTesting(at, merchant);
            case ACCOUNT_TAKEOVER -> accountTakeover(at, merchant);
            case DEVICE_FARM -> deviceFarm(at, merchant);
            case IMPOSSIBLE_TRAVEL -> impossibleTravel(at, merchant);
        };
    }

    private boolean cardTesting(long at, Merchant merchant) {
        int n = Draw.between(random, 10, 40);
        long[] sessions = spaced(at, n, 4_000, 25_000);
        if (sessions[n - 1] + MARGIN >= timeline.endMillis()) {
            return false;
        }
        Case c = new Case(Typology.CARD_TESTING, OutcomeItem.CONFIRMED_FRAUD);
        String device = timeline.freshId("d-x");
        String ip = "185." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        String[] bins = {randomBin(), randomBin()};
        int issuers = Draw.between(random, 1, 2);
        for (int k = 0; k < n; k++) {
            Checkout checkout = new Checkout(
                    merchant,
                    null,
                    timeline.freshId("card-x"),
                    bins[k % issuers],
                    device,
                    ip,
                    timeline.freshId("u") + "@example.net",
                    merchant.home(),
                    "card",
                    "web",
                    "chrome",
                    "desktop",
                    merchant.money(Draw.between(random, 0.5, 2.99)),
                    null,
                    Draw.millisBetween(random, 3_000, 8_000),
                    0.15,
                    false);
            c.add(checkout, timeline.checkout(checkout, sessions[k]), true, HOUR, 2 * DAY);
        }
        c.done(String.format(
                Locale.ROOT,
                "%d small amounts on %d fresh cards from one device and IP within %d min",
                n,
                n,
                c.minutes()));
        return true;
    }

    private boolean accountTakeover(long at, Merchant merchant) {
        Customer victim = known.pick(random);
        int n = Draw.between(random, 1, 3);
        long[] sessions = spaced(at, n, 2 * MINUTE, 20 * MINUTE);
        if (victim == null || sessions[n - 1] + 3 * MINUTE + MARGIN >= timeline.endMillis()) {
            return false;
        }
        Case c = new Case(Typology.ACCOUNT_TAKEOVER, OutcomeItem.CHARGEBACK);
        Country country = World.distantFrom(random, victim.home());
        String deviceType = Draw.chance(random, 0.5) ? "desktop" : "mobile";
        String browser = World.browser(random, deviceType);
        String device = timeline.freshId("d-x");
        String ip = World.ip(random, country);
        String method = Draw.chance(random, 0.6) ? "card" : "pay_later";
        // at least five times the merchant's basket, and more for customers who usually spend more
        for (int k = 0; k < n; k++) {
            boolean card = method.equals("card");
            Checkout checkout = new Checkout(
                    merchant,
                    victim.id(),
                    card ? victim.cards().get(0) : null,
                    card ? victim.bins().get(0) : null,
                    device,
                    ip,
                    victim.email(),
                    country,
                    method,
                    "web",
                    browser,
                    deviceType,
                    merchant.money(
                            merchant.basketEuro() * Math.max(1, victim.habit()) * Draw.between(random, 5.0, 12.0)),
                    Map.of("accountAgeDays", Integer.toString(victim.accountAgeDays())),
                    Draw.millisBetween(random, 30_000, 120_000),
                    merchant.authorizationRate(method),
                    false);
            c.add(checkout, timeline.checkout(checkout, sessions[k]), true, 3 * DAY, 20 * DAY);
        }
        c.done(String.format(
                Locale.ROOT,
                "customer %s from a new device in %s (home %s), %d purchase(s) far above their habit",
                victim.id(),
                country.code(),
                victim.home().code(),
                n));
        return true;
    }

    private boolean deviceFarm(long at, Merchant first) {
        int n = Draw.between(random, 8, 20);
        long[] sessions = spaced(at, n, 30_000, 5 * MINUTE);
        if (sessions[n - 1] + 2 * MINUTE + MARGIN >= timeline.endMillis()) {
            return false;
        }
        Case c = new Case(Typology.DEVICE_FARM, OutcomeItem.CONFIRMED_FRAUD);
        List<Merchant> merchants = new ArrayList<>(List.of(first));
        int others = Draw.between(random, 0, 2);
        for (int i = 0; i < others; i++) {
            merchants.add(Draw.pick(random, world.merchants));
        }
        String device = timeline.freshId("d-x");
        String[] bins = {randomBin(), randomBin(), randomBin()};
        for (int k = 0; k < n; k++) {
            Merchant merchant = merchants.get(k % merchants.size());
            String customer = timeline.freshId("c-x");
            Checkout checkout = new Checkout(
                    merchant,
                    customer,
                    timeline.freshId("card-x"),
                    bins[random.nextInt(bins.length)],
                    device,
                    World.ip(random, merchant.home()), // a new proxy address for each account
                    customer + "@example.net",
                    merchant.home(),
                    "card",
                    "app",
                    "app",
                    "mobile",
                    merchant.money(Draw.between(random, 40.0, 400.0)),
                    Map.of("accountAgeDays", Integer.toString(Draw.between(random, 0, 2))),
                    Draw.millisBetween(random, 20_000, 90_000),
                    0.7,
                    false);
            c.add(checkout, timeline.checkout(checkout, sessions[k]), true, 6 * HOUR, 5 * DAY);
        }
        c.done(String.format(
                Locale.ROOT, "one device behind %d new accounts and %d fresh cards within %d min", n, n, c.minutes()));
        return true;
    }

    private boolean impossibleTravel(long at, Merchant merchant) {
        Customer customer = known.pick(random);
        if (customer == null) {
            customer = world.anyCustomer(random, merchant.pickCountry(random));
        }
        // the usual checkout takes up to 10 min, the second one follows within 12 min, plus its own 1.5 min
        if (at + 24 * MINUTE + MARGIN >= timeline.endMillis()) {
            return false;
        }
        Case c = new Case(Typology.IMPOSSIBLE_TRAVEL, OutcomeItem.CHARGEBACK);
        Checkout home = Checkout.usual(random, merchant, customer, false).withoutSessionFailure();
        Timeline.Placed first = timeline.checkout(home, at);
        c.add(home, first, false, 0, 0);

        Merchant elsewhere = Draw.pick(random, world.merchants);
        Country country = World.distantFrom(random, customer.home());
        String deviceType = Draw.chance(random, 0.5) ? "desktop" : "mobile";
        Checkout away = new Checkout(
                elsewhere,
                customer.id(),
                customer.cards().get(0),
                customer.bins().get(0),
                timeline.freshId("d-x"),
                World.ip(random, country),
                customer.email(),
                country,
                "card",
                "web",
                World.browser(random, deviceType),
                deviceType,
                elsewhere.money(elsewhere.basketEuro() * customer.habit() * Draw.between(random, 2.0, 5.0)),
                Map.of("accountAgeDays", Integer.toString(customer.accountAgeDays())),
                Draw.millisBetween(random, 20_000, 90_000),
                elsewhere.authorizationRate("card"),
                false);
        long second = first.at() + Draw.millisBetween(random, MINUTE, 12 * MINUTE);
        c.add(away, timeline.checkout(away, second), true, 3 * DAY, 20 * DAY);
        c.done(String.format(
                Locale.ROOT,
                "customer %s paid in %s and %d min later in %s, %.0f km away",
                customer.id(),
                home.country().code(),
                c.minutes(),
                country.code(),
                home.country().kilometresTo(country)));
        return true;
    }

    /** n times from {@code at}, each a random gap after the one before. */
    private long[] spaced(long at, int n, long minGap, long maxGap) {
        long[] times = new long[n];
        times[0] = at;
        for (int k = 1; k < n; k++) {
            times[k] = times[k - 1] + Draw.millisBetween(random, minGap, maxGap);
        }
        return times;
    }

    /** A BIN of some issuer anywhere: fraudsters' cards come from everywhere. */
    private String randomBin() {
        if (Draw.chance(random, 0.6)) {
            return String.format(Locale.ROOT, "4%05d", random.nextInt(100_000));
        }
        return String.format(Locale.ROOT, "5%d%04d", Draw.between(random, 1, 5), random.nextInt(10_000));
    }

    /** Collects one case's transactions and what they share, and labels the fraudulent ones. */
    private final class Case {
        private final Typology typology;
        private final String label;
        private final List<Timeline.Placed> transactions = new ArrayList<>();
        private final Set<String> labelled = new HashSet<>();
        private final Set<String> merchants = new LinkedHashSet<>();
        private final Set<String> customers = new LinkedHashSet<>();
        private final Set<String> cards = new LinkedHashSet<>();
        private final Set<String> devices = new LinkedHashSet<>();
        private final Set<String> ips = new LinkedHashSet<>();
        private final Set<String> countries = new LinkedHashSet<>();
        private long start = Long.MAX_VALUE;
        private long end = Long.MIN_VALUE;

        Case(Typology typology, String label) {
            this.typology = typology;
            this.label = label;
        }

        void add(Checkout checkout, Timeline.Placed placed, boolean fraudulent, long minDelay, long maxDelay) {
            if (placed == null) {
                throw new IllegalStateException("an injected checkout fell outside the run; the margin is too small");
            }
            transactions.add(placed);
            start = Math.min(start, placed.at());
            end = Math.max(end, placed.at());
            addIfPresent(merchants, checkout.merchant().id());
            addIfPresent(customers, checkout.customerId());
            addIfPresent(cards, checkout.cardFingerprint());
            addIfPresent(devices, checkout.deviceId());
            addIfPresent(ips, checkout.ip());
            addIfPresent(countries, checkout.country().code());
            if (fraudulent) {
                labelled.add(placed.transaction().id());
                timeline.label(
                        placed,
                        label,
                        Draw.millisBetween(random, minDelay, maxDelay),
                        "simulated " + typology.wireName() + " case fraud-" + (cases + 1));
            }
        }

        long minutes() {
            return Math.max(1, Duration.ofMillis(end - start).toMinutes());
        }

        void done(String description) {
            cases++;
            // checkouts overlap (a later one can pay first), so the ids are put in the order of the stream
            List<String> ids = transactions.stream()
                    .sorted(Comparator.comparingLong(Timeline.Placed::at))
                    .map(p -> p.transaction().id())
                    .toList();
            recorder.fraudCase(new Manifest.FraudCase(
                    String.format(Locale.ROOT, "fraud-%d", cases),
                    typology,
                    Instant.ofEpochMilli(start),
                    Instant.ofEpochMilli(end),
                    ids,
                    ids.stream().filter(labelled::contains).toList(),
                    label,
                    List.copyOf(merchants),
                    List.copyOf(customers),
                    List.copyOf(cards),
                    List.copyOf(devices),
                    List.copyOf(ips),
                    List.copyOf(countries),
                    description));
        }

        private void addIfPresent(Set<String> set, String value) {
            if (value != null) {
                set.add(value);
            }
        }
    }
}
