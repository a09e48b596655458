package io.vigil.scoring.features;

import io.vigil.ingest.api.TransactionDetails;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The feature store of one node: a concurrent map per entity kind, bounded by idle expiry. */
public final class InMemoryFeatureStore implements FeatureStore {

    private static final int DAY_MINUTES = 1440;

    private final Map<EntityKind, ConcurrentHashMap<String, EntityState>> entities = new EnumMap<>(EntityKind.class);
    private volatile int watermarkMinute = Integer.MIN_VALUE;

    public InMemoryFeatureStore() {
        for (EntityKind kind : EntityKind.values()) {
            entities.put(kind, new ConcurrentHashMap<>());
        }
    }

    @Override
    public FeatureSnapshot read(TransactionDetails transaction) {
        Map<EntityKind, EntityState> states = new EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            String key = kind.keyOf(transaction);
            EntityState state = key == null ? null : entities.get(kind).get(key);
            if (state != null) {
                states.put(kind, state);
            }
        }
        return new FeatureSnapshot(transaction, FeatureStore.minuteOf(transaction), states);
    }

    @Override
    public void record(TransactionDetails transaction) {
        int minute = FeatureStore.minuteOf(transaction);
        // the expiry clock follows event time, but never past the wall clock: one transaction dated far ahead must
        // not make every entity look idle
        int ceiling = (int) (System.currentTimeMillis() / 60_000) + 5;
        int clock = Math.min(minute, ceiling);
        if (clock > watermarkMinute) {
            watermarkMinute = clock;
        }
        for (EntityKind kind : EntityKind.values()) {
            String key = kind.keyOf(transaction);
            if (key != null) {
                // record inside compute so that expiry (computeIfPresent) cannot drop a state being updated
                entities.get(kind).compute(key, (k, state) -> {
                    EntityState s = state == null ? new EntityState(kind) : state;
                    s.record(transaction, minute);
                    return s;
                });
            }
        }
    }

    @Override
    public int expireIdle() {
        int horizon = watermarkMinute - DAY_MINUTES;
        int removed = 0;
        for (ConcurrentHashMap<String, EntityState> map : entities.values()) {
            for (String key : map.keySet()) {
                boolean[] expired = {false};
                map.computeIfPresent(key, (k, state) -> {
                    expired[0] = state.lastSeenMinute() < horizon;
                    return expired[0] ? null : state;
                });
                removed += expired[0] ? 1 : 0;
            }
        }
        return removed;
    }

    @Override
    public long entities() {
        long n = 0;
        for (ConcurrentHashMap<String, EntityState> map : entities.values()) {
            n += map.size();
        }
        return n;
    }
}
