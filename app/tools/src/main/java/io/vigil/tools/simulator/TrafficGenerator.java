package io.vigil.tools.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generates the simulated traffic of a {@link SimulationConfig}: checkouts of merchants' customers over the day,
 * with their operational events, injected fraud cases and incidents, and labels for the fraud. Items come out in time
 * order and lazily, so a run of days needs no more memory than the items planned ahead of the current second.
 *
 * <p>Same config, same stream: every choice is drawn from {@link SplittableRandom}s seeded from the config, nothing
 * reads the clock, and nothing iterates a hash map. A generator streams once; build another to replay. {@link
 * #manifest()} describes the stream once it has been read to the end.
 *
 * <p>Time advances in one-second slices. For each slice the number of checkouts is drawn from a Poisson law whose mean
 * follows each merchant's size and the {@link DailyCycle} at the merchant's home, scaled so that the busiest moment of
 * the day has {@code peakRate} transactions per second.
 */
public final class TrafficGenerator implements Iterable<SimulationItem> {

    private static final long SLICE = 1000;
    /** Sessions that end without payment, per checkout that pays. */
    private static final double ABANDONED_SESSIONS = 0.25;
    /** Ordinary transactions that are disputed all the same. */
    private static final double FRIENDLY_CHARGEBACKS = 0.0003;

    private final SimulationConfig config;
    private final World world;
    private final SplittableRandom random;
    private final Timeline timeline;
    private final ManifestRecorder recorder;
    private final KnownCustomers known = new KnownCustomers();
    private final FraudInjector fraud;
    private final double fraudCaseChance;
    private final long endMillis;
    private final double[] cumulativeLoad;
    private final double peakLoad;
    private long loadMinute = Long.MIN_VALUE;
    private long nextSlice;
    private boolean started;
    private boolean finished;
    private Manifest manifest;

    public TrafficGenerator(SimulationConfig config) {
        this.config = config;
        this.world = new World(config);
        this.random = new SplittableRandom(Draw.mix(config.seed(), 6));
        this.nextSlice = config.from().toEpochMilli();
        this.endMillis = config.end().toEpochMilli();
        List<IncidentPlan> incidents = planIncidents();
        this.timeline = new Timeline(random, endMillis, config.runTag(), incidents);
        this.recorder = new ManifestRecorder(incidents);
        this.fraud = new FraudInjector(config, world, timeline, known, recorder, random);
        this.fraudCaseChance = fraud.caseChance(config.fraudShare());
        this.cumulativeLoad = new double[world.merchants.size()];
        this.peakLoad = peakLoad();
    }

    /** Generates the whole run into memory: for tests and short runs. */
    public static Simulation generate(SimulationConfig config) {
        TrafficGenerator generator = new TrafficGenerator(config);
        List<SimulationItem> items = new ArrayList<>();
        generator.forEach(items::add);
        return new Simulation(List.copyOf(items), generator.manifest());
    }

    public SimulationConfig config() {
        return config;
    }

    /** The items in time order; can be called once per generator. */
    @Override
    public Iterator<SimulationItem> iterator() {
        if (started) {
            throw new IllegalStateException("a generator streams once; create another from the same config to replay");
        }
        started = true;
        return new Iterator<>() {
            private SimulationItem next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = advance();
                }
                return next != null;
            }

            @Override
            public SimulationItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SimulationItem item = next;
                next = null;
                return item;
            }
        };
    }

    /** The items in time order, as a sequential stream; can be called once per generator. */
    public Stream<SimulationItem> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        iterator(), Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
                false);
    }

    /** What the stream held; available once every item has been read. */
    public Manifest manifest() {
        if (!finished) {
            throw new IllegalStateException("the manifest is known once the stream has been read to the end");
        }
        return manifest;
    }

    private SimulationItem advance() {
        while (true) {
            SimulationItem item = timeline.next(nextSlice);
            if (item != null) {
                recorder.handedOut(item);
                return item;
            }
            if (nextSlice >= endMillis) {
                if (!finished) {
                    finished = true;
                    manifest = recorder.manifest(config, world);
                }
                return null;
            }
            generate(nextSlice);
            nextSlice += SLICE;
        }
    }

    private void generate(long sliceStart) {
        long length = Math.min(SLICE, endMillis - sliceStart);
        updateLoad(sliceStart);
        known.advanceTo(sliceStart);
        double total = cumulativeLoad[cumulativeLoad.length - 1];
        int arrivals = Draw.poisson(random, config.peakRate() * total / peakLoad * length / 1000.0);
        for (int i = 0; i < arrivals; i++) {
            long at = sliceStart + random.nextLong(length);
            arrival(at, pickMerchant(total));
        }
    }

    private void arrival(long at, Merchant merchant) {
        if (fraudCaseChance > 0 && Draw.chance(random, fraudCaseChance) && fraud.inject(at, merchant)) {
            return;
        }
        Customer customer = world.anyCustomer(random, merchant.pickCountry(random));
        Checkout checkout = Checkout.usual(random, merchant, customer, true);
        Timeline.Placed placed = timeline.checkout(checkout, at);
        if (placed != null) {
            known.paid(customer, placed.at());
            if (Draw.chance(random, FRIENDLY_CHARGEBACKS)) {
                timeline.label(
                        placed,
                        OutcomeItem.CHARGEBACK,
                        Draw.millisBetween(random, 5 * 86_400_000L, 30 * 86_400_000L),
                        "customer disputes the purchase");
                recorder.friendlyChargeback(placed.transaction().id());
            }
        }
        if (Draw.chance(random, ABANDONED_SESSIONS)) {
            Customer browsing = world.anyCustomer(random, merchant.pickCountry(random));
            timeline.abandonedSession(
                    Checkout.usual(random, merchant, browsing, false), at + Draw.millisBetween(random, 0, 5_000));
        }
    }

    /** Recomputes, once a minute, each merchant's share of the traffic at this time of its day. */
    private void updateLoad(long at) {
        long minute = Math.floorDiv(at, 60_000L);
        if (minute == loadMinute) {
            return;
        }
        loadMinute = minute;
        long middle = minute * 60_000L + 30_000L;
        double sum = 0;
        for (int i = 0; i < cumulativeLoad.length; i++) {
            Merchant m = world.merchants.get(i);
            sum += m.weight() * DailyCycle.at(middle, m.home().utcOffsetHours());
            cumulativeLoad[i] = sum;
        }
    }

    /** The highest total load over a day (in 5-minute steps): the moment {@code peakRate} applies to. */
    private double peakLoad() {
        double peak = 0;
        for (long t = 0; t < 86_400_000L; t += 300_000L) {
            double sum = 0;
            for (Merchant m : world.merchants) {
                sum += m.weight() * DailyCycle.at(t, m.home().utcOffsetHours());
            }
            peak = Math.max(peak, sum);
        }
        return peak;
    }

    private Merchant pickMerchant(double total) {
        double u = random.nextDouble() * total;
        int low = 0;
        int high = cumulativeLoad.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulativeLoad[mid] > u) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return world.merchants.get(low);
    }

    /**
     * Chooses the incidents from the largest merchants, so each has enough traffic to be seen, and places each inside
     * the run with room before and after it, so that a monitor has a normal rate to compare with.
     */
    private List<IncidentPlan> planIncidents() {
        if (config.incidentEvery() != null) {
            return recurringIncidents();
        }
        SplittableRandom r = new SplittableRandom(Draw.mix(config.seed(), 7));
        long from = config.from().toEpochMilli();
        long duration = config.duration().toMillis();
        int candidates = Math.min(world.merchants.size(), Math.max(5, 2 * config.incidents()));
        List<Merchant> pool = new ArrayList<>(world.merchants.subList(0, candidates));
        List<IncidentPlan> plans = new ArrayList<>();
        for (int i = 0; i < config.incidents(); i++) {
            Merchant merchant = pool.remove(r.nextInt(pool.size()));
            boolean byCountry = Draw.chance(r, 0.7);
            String value = byCountry ? merchant.home().code() : Draw.pick(r, new String[] {"chrome", "safari"});
            long length = Math.min(Draw.between(r, 15, 60) * 60_000L, Math.max(10_000L, duration / 3));
            long earliest = from + duration * 15 / 100;
            long latest = from + duration * 85 / 100 - length;
            long start =
                    latest > earliest ? earliest + r.nextLong(latest - earliest + 1) : from + (duration - length) / 2;
            start -= Math.floorMod(start, 1000L);
            plans.add(new IncidentPlan(
                    "incident-" + (i + 1),
                    merchant,
                    byCountry ? IncidentPlan.COUNTRY : IncidentPlan.BROWSER,
                    value,
                    start,
                    Math.min(start + length, from + duration),
                    Draw.between(r, 0.1, 0.4),
                    merchant.expectedAuthorizationRate()));
        }
        return List.copyOf(plans);
    }

    /**
     * Incidents that recur every {@code incidentEvery}, the first a quarter of it after the start, each for half of it
     * (at most 6 minutes), on the largest merchants in turn: live demo traffic that shows an alert within minutes.
     */
    private List<IncidentPlan> recurringIncidents() {
        SplittableRandom r = new SplittableRandom(Draw.mix(config.seed(), 8));
        long from = config.from().toEpochMilli();
        long end = from + config.duration().toMillis();
        long every = config.incidentEvery().toMillis();
        long length = Math.min(every / 2, 6 * 60_000L);
        List<Merchant> largest = world.merchants.subList(0, Math.min(5, world.merchants.size()));
        List<IncidentPlan> plans = new ArrayList<>();
        for (long start = from + every / 4; start + length <= end; start += every) {
            Merchant merchant = largest.get(plans.size() % largest.size());
            boolean byCountry = Draw.chance(r, 0.7);
            String value = byCountry ? merchant.home().code() : Draw.pick(r, new String[] {"chrome", "safari"});
            long at = start - Math.floorMod(start, 1000L);
            plans.add(new IncidentPlan(
                    "incident-" + (plans.size() + 1),
                    merchant,
                    byCountry ? IncidentPlan.COUNTRY : IncidentPlan.BROWSER,
                    value,
                    at,
                    at + length,
                    Draw.between(r, 0.05, 0.25),
                    merchant.expectedAuthorizationRate()));
        }
        return List.copyOf(plans);
    }
}
