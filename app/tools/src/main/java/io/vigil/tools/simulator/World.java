package io.vigil.tools.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The merchants and customers of a simulation. Merchants are drawn once from the seed; customers are derived on demand
 * from the seed and their number, so a population of millions costs no memory and a customer drawn twice is the same
 * person with the same cards and devices.
 */
final class World {

    private static final String[] DEVICE_TYPES = {"mobile", "desktop", "tablet"};
    private static final double[] DEVICE_TYPE_WEIGHTS = {0.6, 0.34, 0.06};

    final List<Merchant> merchants;
    private final long seed;
    private final int[] poolSizes;
    private final double[] homeWeights;

    World(SimulationConfig config) {
        this.seed = config.seed();
        SplittableRandom r = new SplittableRandom(Draw.mix(seed, 1));
        homeWeights = Country.HOME.stream().mapToDouble(Country::weight).toArray();
        List<Merchant> list = new ArrayList<>(config.merchants());
        int digits = Math.max(3, Integer.toString(config.merchants()).length());
        double norm = 0;
        for (int i = 0; i < config.merchants(); i++) {
            norm += zipf(i);
        }
        for (int i = 0; i < config.merchants(); i++) {
            String id = "m-" + String.format(Locale.ROOT, "%0" + digits + "d", i + 1);
            list.add(merchant(r, id, zipf(i) / norm));
        }
        merchants = Collections.unmodifiableList(list);
        double totalHome = 0;
        for (double w : homeWeights) {
            totalHome += w;
        }
        poolSizes = new int[Country.HOME.size()];
        for (int c = 0; c < poolSizes.length; c++) {
            poolSizes[c] = Math.max(50, (int) (config.customers() * homeWeights[c] / totalHome));
        }
    }

    /** The size of the merchant of rank i: the largest is twice the second and ten times the tenth. */
    private static double zipf(int rank) {
        return 1.0 / (rank + 1);
    }

    private Merchant merchant(SplittableRandom r, String id, double weight) {
        Country home = Country.HOME.get(Draw.weighted(r, homeWeights));
        // most customers from home, the rest from a few neighbours
        List<Country> countries = new ArrayList<>();
        countries.add(home);
        int foreign = Draw.between(r, 1, 4);
        while (countries.size() < foreign + 1) {
            Country c = Country.HOME.get(Draw.weighted(r, homeWeights));
            if (!countries.contains(c)) {
                countries.add(c);
            }
        }
        double[] countryWeights = new double[countries.size()];
        double homeShare = Draw.between(r, 0.55, 0.92);
        countryWeights[0] = homeShare;
        double rest = 0;
        for (int i = 1; i < countryWeights.length; i++) {
            countryWeights[i] = Draw.between(r, 0.2, 1.0);
            rest += countryWeights[i];
        }
        for (int i = 1; i < countryWeights.length; i++) {
            countryWeights[i] = countryWeights[i] / rest * (1 - homeShare);
        }
        boolean transferCountry = List.of("NL", "DE", "PL", "AT", "BE").contains(home.code());
        double[] methods = {
            Draw.between(r, 0.35, 0.70), // card
            Draw.between(r, 0.10, 0.30), // wallet
            Draw.between(r, 0.03, 0.20), // pay_later
            Draw.between(r, 0.00, 0.10), // installments
            transferCountry ? Draw.between(r, 0.10, 0.25) : Draw.between(r, 0.00, 0.06), // bank_transfer
            Draw.between(r, 0.00, 0.03) // other
        };
        double[] authorization = {
            Draw.between(r, 0.88, 0.96),
            Draw.between(r, 0.93, 0.98),
            Draw.between(r, 0.80, 0.92),
            Draw.between(r, 0.75, 0.90),
            Draw.between(r, 0.90, 0.97),
            Draw.between(r, 0.85, 0.95)
        };
        boolean shops = Draw.chance(r, 0.1);
        double[] channels = {
            Draw.between(r, 0.5, 0.8), // web
            Draw.between(r, 0.0, 0.4), // app
            shops ? Draw.between(r, 0.05, 0.3) : 0, // in_store
            Draw.between(r, 0.0, 0.02) // other
        };
        double basket = Math.min(800, Math.max(15, 45 * Draw.lognormal(r, 0.7)));
        return new Merchant(
                id, weight, home, List.copyOf(countries), countryWeights, methods, authorization, channels, basket);
    }

    /** A customer living in the country, drawn so that a few shop often and many rarely. */
    Customer anyCustomer(SplittableRandom r, Country country) {
        int c = Country.HOME.indexOf(country);
        double u = r.nextDouble();
        return customer(c, (int) (u * u * poolSizes[c]));
    }

    /** Customer number n of the home country with index c; the same arguments always give the same customer. */
    Customer customer(int c, int n) {
        Country home = Country.HOME.get(c);
        SplittableRandom r = new SplittableRandom(Draw.mix(seed, 2, c, n));
        String id = "c-" + home.code().toLowerCase(Locale.ROOT) + "-" + n;
        int cardCount = 1 + (Draw.chance(r, 0.3) ? 1 : 0) + (Draw.chance(r, 0.08) ? 1 : 0);
        List<String> cards = new ArrayList<>();
        List<String> bins = new ArrayList<>();
        for (int k = 0; k < cardCount; k++) {
            cards.add("card-" + Long.toHexString(Draw.mix(seed, 3, c, n, k) >>> 16));
            bins.add(bin(home, r.nextInt(16)));
        }
        int deviceCount = 1 + (Draw.chance(r, 0.45) ? 1 : 0) + (Draw.chance(r, 0.1) ? 1 : 0);
        List<Customer.Device> devices = new ArrayList<>();
        for (int k = 0; k < deviceCount; k++) {
            String type = DEVICE_TYPES[Draw.weighted(r, DEVICE_TYPE_WEIGHTS)];
            devices.add(new Customer.Device(
                    "d-" + Long.toHexString(Draw.mix(seed, 4, c, n, k) >>> 20), type, browser(r, type)));
        }
        String ip = ip(r, home);
        String email = id.replace('-', '.') + "@example.com";
        double habit = Draw.lognormal(r, 0.6);
        int age = Draw.between(r, 30, 3000);
        return new Customer(
                id,
                home,
                List.copyOf(cards),
                List.copyOf(bins),
                List.copyOf(devices),
                ip,
                email,
                habit,
                age,
                Draw.chance(r, 0.45));
    }

    /** One of a country's sixteen issuer BINs: Visa (4) or Mastercard (51-55). */
    String bin(Country country, int issuer) {
        long h = Draw.mix(seed, 5, Country.HOME.indexOf(country), issuer);
        if (Math.floorMod(h >>> 20, 10) < 6) {
            return String.format(Locale.ROOT, "4%05d", Math.floorMod(h >>> 32, 100_000L));
        }
        return String.format(Locale.ROOT, "5%d%04d", 1 + Math.floorMod(h >>> 40, 5), Math.floorMod(h, 10_000L));
    }

    /** An address in the country's block, never a network or broadcast address. */
    static String ip(SplittableRandom r, Country country) {
        return country.ipOctet() + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    static String browser(SplittableRandom r, String deviceType) {
        return switch (deviceType) {
            case "desktop" -> Draw.pick(r, new String[] {"chrome", "chrome", "chrome", "edge", "firefox", "safari"});
            case "tablet" -> Draw.pick(r, new String[] {"safari", "safari", "chrome"});
            default -> Draw.pick(r, new String[] {"chrome", "chrome", "safari", "safari", "samsung"});
        };
    }

    /** A country far (over 3,000 km) from the given one. */
    static Country distantFrom(SplittableRandom r, Country country) {
        while (true) {
            Country c = Draw.pick(r, Country.DISTANT);
            if (c.kilometresTo(country) > 3000) {
                return c;
            }
        }
    }
}
