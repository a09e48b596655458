package io.vigil.scoring.model;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.scoring.features.EntityKind;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The long memory of each entity, in daily buckets of event time (UTC days): transactions counted and summed over 7 and
 * 30 days, and fraud labels counted over 7 and 28 days from the day each label was reported. Fed the same way online
 * ({@link HistoryRecorder}) and in a training replay, so the features a model is trained on are the features it is
 * scored on.
 *
 * <p><b>Windows.</b> A window of N days at a transaction is its own UTC day so far and the N − 1 whole days before it.
 * Each entity keeps a ring of {@value #DAYS} daily buckets; a transaction or label dated before the ring's oldest day
 * is not counted.
 *
 * <p><b>Labels.</b> {@code CHARGEBACK} and {@code CONFIRMED_FRAUD} count once per transaction, in the bucket of the day
 * the label was reported, for each of the transaction's merchant, card, device, customer, IP and e-mail; a later
 * {@code CONFIRMED_LEGITIMATE} takes the count back out of the bucket it was put in. Which transactions are counted is
 * remembered for {@value #LABEL_DAYS} days (labels are rare).
 *
 * <p><b>Time.</b> As in the feature store, a transaction dated ahead of the clock counts on the clock's day.
 * Entities seen neither in a transaction nor in a label for {@value #IDLE_DAYS} days are forgotten by
 * {@link #expireIdle()}.
 */
public final class EntityHistory {

    /** The ring of daily buckets: the longest window (30 days) and a little margin. */
    static final int DAYS = 32;

    static final int LABEL_DAYS = 28;
    static final int IDLE_DAYS = 31;

    private static final long DAY_SECONDS = 86_400;

    private final Map<EntityKind, ConcurrentHashMap<String, Daily>> entities = new EnumMap<>(EntityKind.class);
    private final ConcurrentHashMap<String, Counted> counted = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int watermarkDay = Integer.MIN_VALUE;

    public EntityHistory(Clock clock) {
        this.clock = clock;
        for (EntityKind kind : EntityKind.values()) {
            entities.put(kind, new ConcurrentHashMap<>());
        }
    }

    /** Whether a model feature keeps amount sums for this kind of entity (customers, cards and merchants do). */
    static boolean keepsAmounts(EntityKind kind) {
        return kind == EntityKind.CUSTOMER || kind == EntityKind.CARD || kind == EntityKind.MERCHANT;
    }

    /** Counts a committed transaction (after its features were read). */
    public void record(TransactionDetails tx) {
        int day = dayOf(tx.timestamp());
        advance(day);
        float amount = tx.amount() == null ? 0f : tx.amount().floatValue();
        for (EntityKind kind : EntityKind.values()) {
            String key = kind.keyOf(tx);
            if (key != null) {
                entities.get(kind).compute(key, (k, state) -> {
                    Daily d = state == null ? new Daily(keepsAmounts(kind)) : state;
                    d.add(day, amount);
                    return d;
                });
            }
        }
    }

    /**
     * Applies a reported outcome at the moment it was reported.
     *
     * @param transaction the labelled transaction, asked for only when its entities must be counted (it may answer
     *     null when the transaction is unknown: the label is then ignored)
     */
    public void label(
            String transactionId,
            TransactionOutcome outcome,
            Instant reportedAt,
            Supplier<TransactionDetails> transaction) {
        int day = dayOf(reportedAt);
        if (outcome == TransactionOutcome.CONFIRMED_LEGITIMATE) {
            Counted was = counted.remove(transactionId);
            if (was != null) {
                for (int i = 0; i < was.keys.length; i++) {
                    if (was.keys[i] != null) {
                        entities.get(EntityKind.values()[i]).computeIfPresent(was.keys[i], (k, d) -> {
                            d.unlabel(was.day);
                            return d;
                        });
                    }
                }
            }
            return;
        }
        if (counted.containsKey(transactionId)) {
            return; // already counted as fraud (a chargeback after a confirmed fraud, say)
        }
        TransactionDetails tx = transaction.get();
        if (tx == null) {
            return;
        }
        advance(day);
        String[] keys = new String[EntityKind.values().length];
        for (EntityKind kind : EntityKind.values()) {
            String key = kind.keyOf(tx);
            keys[kind.ordinal()] = key;
            if (key != null) {
                entities.get(kind).compute(key, (k, state) -> {
                    Daily d = state == null ? new Daily(keepsAmounts(kind)) : state;
                    d.label(day);
                    return d;
                });
            }
        }
        counted.put(transactionId, new Counted(keys, day));
    }

    /** The entity's state, or null when it is not held. */
    Daily state(EntityKind kind, String key) {
        return key == null ? null : entities.get(kind).get(key);
    }

    /** The UTC day of an instant, never after the clock's. */
    int dayOf(Instant at) {
        long day = Math.floorDiv(Math.min(at.getEpochSecond(), clock.instant().getEpochSecond()), DAY_SECONDS);
        return (int) day;
    }

    /** Forgets entities idle for over {@value #IDLE_DAYS} days and labels older than {@value #LABEL_DAYS} days. */
    public int expireIdle() {
        int horizon = watermarkDay - IDLE_DAYS;
        int removed = 0;
        for (ConcurrentHashMap<String, Daily> map : entities.values()) {
            for (String key : map.keySet()) {
                boolean[] gone = {false};
                map.computeIfPresent(key, (k, d) -> {
                    gone[0] = d.lastDay() < horizon;
                    return gone[0] ? null : d;
                });
                removed += gone[0] ? 1 : 0;
            }
        }
        int labelHorizon = watermarkDay - LABEL_DAYS;
        counted.values().removeIf(c -> c.day < labelHorizon);
        return removed;
    }

    /** Entities held. */
    public long entities() {
        long n = 0;
        for (ConcurrentHashMap<String, Daily> map : entities.values()) {
            n += map.mappingCount();
        }
        return n;
    }

    /** Transactions whose fraud label is counted. */
    long labelled() {
        return counted.size();
    }

    private void advance(int day) {
        if (day > watermarkDay) {
            watermarkDay = day;
        }
    }

    /** A transaction counted as fraud: its entity keys by {@link EntityKind} ordinal, and the day it was counted. */
    private record Counted(String[] keys, int day) {}

    /** One entity's daily buckets; every access is synchronized on the instance. */
    static final class Daily {

        private final int[] counts = new int[DAYS];
        private final float[] sums;
        private short[] frauds;
        private int day = Integer.MIN_VALUE;

        Daily(boolean amounts) {
            sums = amounts ? new float[DAYS] : null;
        }

        synchronized void add(int atDay, float amount) {
            int slot = slot(atDay);
            if (slot >= 0) {
                counts[slot]++;
                if (sums != null) {
                    sums[slot] += amount;
                }
            }
        }

        synchronized void label(int atDay) {
            int slot = slot(atDay);
            if (slot >= 0) {
                if (frauds == null) {
                    frauds = new short[DAYS];
                }
                if (frauds[slot] < Short.MAX_VALUE) {
                    frauds[slot]++;
                }
            }
        }

        synchronized void unlabel(int atDay) {
            if (frauds != null && atDay <= day && atDay > day - DAYS && frauds[index(atDay)] > 0) {
                frauds[index(atDay)]--;
            }
        }

        synchronized int lastDay() {
            return day;
        }

        /** Transactions of the {@code days} days up to and including {@code atDay}. */
        synchronized int count(int days, int atDay) {
            long n = 0;
            for (int d = first(days, atDay); d <= last(atDay); d++) {
                n += counts[index(d)];
            }
            return (int) n;
        }

        /** Their amounts (NaN when this entity keeps no amounts). */
        synchronized double sum(int days, int atDay) {
            if (sums == null) {
                return Double.NaN;
            }
            double s = 0;
            for (int d = first(days, atDay); d <= last(atDay); d++) {
                s += sums[index(d)];
            }
            return s;
        }

        /** Fraud labels reported in the {@code days} days up to and including {@code atDay}. */
        synchronized int frauds(int days, int atDay) {
            if (frauds == null) {
                return 0;
            }
            int n = 0;
            for (int d = first(days, atDay); d <= last(atDay); d++) {
                n += frauds[index(d)];
            }
            return n;
        }

        private int first(int days, int atDay) {
            return Math.max(atDay - days + 1, day - DAYS + 1);
        }

        private int last(int atDay) {
            return Math.min(atDay, day);
        }

        /** The bucket of a day, moving the ring forward to it if it is new; -1 when it is older than the ring. */
        private int slot(int atDay) {
            if (atDay > day) {
                int clear = day == Integer.MIN_VALUE ? DAYS : (int) Math.min(DAYS, (long) atDay - day);
                for (int i = 1; i <= clear; i++) {
                    int s = index(atDay - clear + i);
                    counts[s] = 0;
                    if (sums != null) {
                        sums[s] = 0;
                    }
                    if (frauds != null) {
                        frauds[s] = 0;
                    }
                }
                day = atDay;
            }
            return atDay <= day - DAYS ? -1 : index(atDay);
        }

        private static int index(int atDay) {
            return Math.floorMod(atDay, DAYS);
        }
    }
}
