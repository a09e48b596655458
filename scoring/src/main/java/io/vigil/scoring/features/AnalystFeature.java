package io.vigil.scoring.features;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.FeatureAggregation;
import io.vigil.patterns.api.FeatureDefinition;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One analyst-defined feature on this node: its definition, a state per entity, and its backfill.
 *
 * <p><b>Counted exactly once.</b> The feature counts live transactions from the moment it is registered, and its
 * backfill then reads the event store from the start of its window. While the backfill runs (and for a minute after,
 * for transactions committed just before their live recording) both sides claim each transaction id in a shared map,
 * and only the side that claims it first counts it: a transaction recorded live is never counted again by the
 * backfill, and one the backfill counted is never counted again live. Transactions committed well before the
 * registration cannot be recorded live any more, so the backfill counts those without claiming them, checking only
 * that a live recording did not claim them first.
 */
final class AnalystFeature {

    /** Bucket widths in minutes, the smallest that keeps a window to at most {@value #MAX_BUCKETS} buckets. */
    private static final int[] WIDTHS = {1, 5, 15, 60, 360, 1440};

    static final int MAX_BUCKETS = 60;
    /** How long after registration a committed transaction may still be recorded live. */
    static final long CLAIM_MARGIN_MILLIS = 60_000;

    private static final int TYPICAL_KEY_LENGTH = 20;

    private final FeatureDefinition definition;
    private final EntityKind entity;
    private final int width;
    private final int buckets;
    private final Predicate<TransactionDetails> filter;
    private final Function<TransactionDetails, String> field;
    private final ConcurrentHashMap<String, CustomFeatureState> states = new ConcurrentHashMap<>();
    private final Instant registeredAt;
    private final LongAdder backfilled = new LongAdder();
    private volatile ConcurrentHashMap<String, Boolean> claims = new ConcurrentHashMap<>();
    private volatile boolean ready;
    private volatile boolean removed;
    private volatile double progress;
    private volatile long claimsUntil = Long.MAX_VALUE;

    AnalystFeature(FeatureDefinition definition, Predicate<TransactionDetails> filter, Instant registeredAt) {
        this.definition = definition;
        this.entity = EntityKind.valueOf(definition.entity().toUpperCase(Locale.ROOT));
        int w = WIDTHS[WIDTHS.length - 1];
        for (int candidate : WIDTHS) {
            if ((definition.windowMinutes() + candidate - 1) / candidate <= MAX_BUCKETS) {
                w = candidate;
                break;
            }
        }
        this.width = w;
        this.buckets = (definition.windowMinutes() + w - 1) / w;
        this.filter = filter;
        this.field = definition.aggregation() == FeatureAggregation.DISTINCT ? fieldOf(definition.field()) : null;
        this.registeredAt = registeredAt;
    }

    FeatureDefinition definition() {
        return definition;
    }

    String name() {
        return definition.name();
    }

    /** Counts a transaction recorded live (after its commit). */
    void recordLive(TransactionDetails tx, int minute, long nowMillis) {
        ConcurrentHashMap<String, Boolean> c = claims;
        if (c != null) {
            if (ready && nowMillis > claimsUntil) {
                claims = null;
            } else if (c.putIfAbsent(tx.transactionId(), Boolean.TRUE) != null) {
                return;
            }
        }
        count(tx, minute);
    }

    /** Counts a transaction read by the backfill, stored in the event store at {@code storedAt}. */
    void recordBackfilled(TransactionDetails tx, int minute, Instant storedAt) {
        ConcurrentHashMap<String, Boolean> c = claims;
        boolean mayRace = storedAt.toEpochMilli() >= registeredAt.toEpochMilli() - CLAIM_MARGIN_MILLIS;
        if (mayRace ? c.putIfAbsent(tx.transactionId(), Boolean.TRUE) != null : c.containsKey(tx.transactionId())) {
            return;
        }
        if (count(tx, minute)) {
            backfilled.increment();
        }
    }

    private boolean count(TransactionDetails tx, int minute) {
        String key = entity.keyOf(tx);
        if (key == null || !accepts(tx)) {
            return false;
        }
        String value = field == null ? null : field.apply(tx);
        if (field != null && (value == null || value.isEmpty())) {
            return false;
        }
        int hash = value == null ? 0 : EntityState.hash(value);
        double amount = tx.amount().doubleValue();
        int period = Math.floorDiv(minute, width);
        states.compute(key, (k, state) -> {
            CustomFeatureState s = state == null ? newState() : state;
            s.add(minute, period, amount, hash);
            return s;
        });
        return true;
    }

    private boolean accepts(TransactionDetails tx) {
        try {
            return filter == null || filter.test(tx);
        } catch (RuntimeException e) {
            return false; // e.g. the filter reads an attribute this transaction does not carry
        }
    }

    private CustomFeatureState newState() {
        FeatureAggregation a = definition.aggregation();
        return new CustomFeatureState(
                buckets, a == FeatureAggregation.SUM || a == FeatureAggregation.AVG, a == FeatureAggregation.DISTINCT);
    }

    /** The feature's value for the transaction's entity at the minute, as it was before the transaction. */
    Object value(TransactionDetails tx, int minute) {
        String key = entity.keyOf(tx);
        CustomFeatureState s = key == null ? null : states.get(key);
        int period = Math.floorDiv(minute, width);
        return switch (definition.aggregation()) {
            case COUNT -> s == null ? 0L : s.count(period);
            case DISTINCT -> s == null ? 0L : (long) s.distinct(definition.windowMinutes(), minute);
            case SUM -> s == null ? 0.0 : Math.round(s.sum(period) * 100) / 100.0;
            case AVG -> {
                long n = s == null ? 0 : s.count(period);
                // the mean of the sum in cents, rounded half up: the same as exact decimal arithmetic
                yield n == 0 ? 0.0 : Math.round(Math.round(s.sum(period) * 100) / (double) n) / 100.0;
            }
        };
    }

    /** Forgets entities whose last transaction left the window before {@code watermarkMinute}; returns how many. */
    int expireIdle(int watermarkMinute) {
        int horizon = watermarkMinute - buckets * width - width;
        int removedStates = 0;
        for (String key : states.keySet()) {
            boolean[] gone = {false};
            states.computeIfPresent(key, (k, s) -> {
                gone[0] = s.lastSeenMinute() < horizon;
                return gone[0] ? null : s;
            });
            removedStates += gone[0] ? 1 : 0;
        }
        return removedStates;
    }

    /** The instant the backfill starts reading from: the window and one bucket before registration. */
    Instant backfillFrom() {
        return registeredAt.minusSeconds(60L * (buckets * (long) width + width));
    }

    Instant registeredAt() {
        return registeredAt;
    }

    void progress(double share) {
        progress = Math.max(0, Math.min(1, share));
    }

    /** The backfill is complete: patterns may read the feature; claims end a margin later. */
    void ready(long nowMillis) {
        progress = 1;
        claimsUntil = nowMillis + CLAIM_MARGIN_MILLIS;
        ready = true;
    }

    boolean ready() {
        return ready;
    }

    void remove() {
        removed = true;
    }

    boolean removed() {
        return removed;
    }

    double progress() {
        return progress;
    }

    long backfilled() {
        return backfilled.sum();
    }

    long entities() {
        return states.mappingCount();
    }

    int bucketMinutes() {
        return width;
    }

    int buckets() {
        return buckets;
    }

    long bytesPerEntity() {
        FeatureAggregation a = definition.aggregation();
        return CustomFeatureState.bytesPerEntity(
                buckets,
                a == FeatureAggregation.SUM || a == FeatureAggregation.AVG,
                a == FeatureAggregation.DISTINCT,
                TYPICAL_KEY_LENGTH);
    }

    private static Function<TransactionDetails, String> fieldOf(String field) {
        return switch (field) {
            case "customerId" -> TransactionDetails::customerId;
            case "cardFingerprint" -> TransactionDetails::cardFingerprint;
            case "cardBin" -> TransactionDetails::cardBin;
            case "deviceId" -> TransactionDetails::deviceId;
            case "ip" -> TransactionDetails::ip;
            case "email" -> TransactionDetails::email;
            case "country" -> TransactionDetails::country;
            case "merchantId" -> TransactionDetails::merchantId;
            case "paymentMethod" -> TransactionDetails::paymentMethod;
            case "channel" -> TransactionDetails::channel;
            case "currency" -> TransactionDetails::currency;
            default -> throw new IllegalArgumentException("distinct cannot count field " + field);
        };
    }
}
