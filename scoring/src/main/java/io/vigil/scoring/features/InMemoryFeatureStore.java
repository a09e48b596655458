package io.vigil.scoring.features;

import io.vigil.ingest.api.TransactionDetails;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature store of one node: a concurrent map per entity kind, bounded by idle expiry and by a ceiling.
 *
 * <p><b>Time.</b> Windows follow event time, clamped to the clock: a transaction dated ahead of the current minute
 * counts, and is read, as of the current minute. Otherwise one transaction dated a day ahead (which the API accepts)
 * would move its entities' windows a day forward, and the present transactions of that card, customer, IP or merchant
 * would fall out of them and read as zero until the clock caught up.
 *
 * <p><b>Ceiling.</b> When a transaction is recorded while the store holds {@code maxEntities} or more, the store first
 * evicts the entities seen least recently, by the minute each was last seen, until it holds 90% of the ceiling; among
 * entities last seen in the same minute the choice is arbitrary. An evicted entity starts again from nothing when next
 * seen. While one thread evicts, others keep recording, so the store may briefly hold a few more than the ceiling.
 */
public final class InMemoryFeatureStore implements FeatureStore {

    private static final Logger log = LoggerFactory.getLogger(InMemoryFeatureStore.class);
    private static final int DAY_MINUTES = 1440;

    private final Map<EntityKind, ConcurrentHashMap<String, EntityState>> entities = new EnumMap<>(EntityKind.class);
    /** The same maps in an array, so that counting them on the hot path allocates no iterator. */
    private final ConcurrentHashMap<?, ?>[] maps = new ConcurrentHashMap<?, ?>[EntityKind.values().length];

    private final Clock clock;
    private final long maxEntities;
    private final ReentrantLock eviction = new ReentrantLock();
    private final LongAdder evicted = new LongAdder();
    private volatile int watermarkMinute = Integer.MIN_VALUE;
    private final CustomFeatures custom;
    private final EntityLinks links;
    private final boolean recordsLinks;

    /** A store on the system clock with no ceiling (for tests and measurements). */
    public InMemoryFeatureStore() {
        this(Clock.systemUTC(), Long.MAX_VALUE);
    }

    /** A store that links the entities of the transactions it records itself (a replay's). */
    public InMemoryFeatureStore(Clock clock, long maxEntities) {
        this(clock, maxEntities, new EntityLinks(clock), true);
    }

    /**
     * A store that reads {@code features.graph.*} from links fed elsewhere (online: by the entity history's recorder
     * and rebuild, which also apply the fraud labels and reach back 30 days).
     */
    public InMemoryFeatureStore(Clock clock, long maxEntities, EntityLinks links) {
        this(clock, maxEntities, links, false);
    }

    private InMemoryFeatureStore(Clock clock, long maxEntities, EntityLinks links, boolean recordsLinks) {
        this.links = links;
        this.recordsLinks = recordsLinks;
        if (maxEntities < 10) {
            throw new IllegalArgumentException("the feature store's ceiling must be at least 10 entities");
        }
        this.clock = clock;
        this.maxEntities = maxEntities;
        this.custom = new CustomFeatures(clock);
        for (EntityKind kind : EntityKind.values()) {
            ConcurrentHashMap<String, EntityState> map = new ConcurrentHashMap<>();
            entities.put(kind, map);
            maps[kind.ordinal()] = map;
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
        return new FeatureSnapshot(transaction, minuteOf(transaction), states, custom, links);
    }

    @Override
    public void record(TransactionDetails transaction) {
        int minute = minuteOf(transaction);
        if (minute > watermarkMinute) {
            watermarkMinute = minute;
        }
        if (maxEntities != Long.MAX_VALUE && entities() >= maxEntities) {
            evictLeastRecentlySeen();
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
        custom.record(transaction, minute);
        if (recordsLinks) {
            links.record(transaction);
        }
    }

    @Override
    public CustomFeatures custom() {
        return custom;
    }

    /** The transaction's event minute, but never after the clock's. */
    private int minuteOf(TransactionDetails transaction) {
        return Math.min(FeatureStore.minuteOf(transaction), (int) Math.floorDiv(clock.millis(), 60_000L));
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
        if (recordsLinks) {
            links.expireIdle();
        }
        return removed + custom.expireIdle(watermarkMinute);
    }

    /** The ceiling's eviction rule (see the class comment); one thread at a time, the others do not wait. */
    private void evictLeastRecentlySeen() {
        if (!eviction.tryLock()) {
            return;
        }
        try {
            long held = entities();
            long excess = held - maxEntities * 9 / 10;
            if (excess <= 0) {
                return;
            }
            // how many entities were last seen at each age (minutes before the watermark), oldest in the last slot
            int now = watermarkMinute;
            long[] byAge = new long[DAY_MINUTES + 2];
            for (ConcurrentHashMap<String, EntityState> map : entities.values()) {
                for (EntityState state : map.values()) {
                    byAge[age(now, state.lastSeenMinute())]++;
                }
            }
            int edgeAge = byAge.length - 1;
            long older = 0;
            while (edgeAge > 0 && older + byAge[edgeAge] < excess) {
                older += byAge[edgeAge--];
            }
            int removed = removeByAge(now, edgeAge, excess - older);
            evicted.add(removed);
            log.warn(
                    "Feature store at its ceiling of {} entities: evicted {} seen least recently (idle {} minutes"
                            + " or more), {} remain",
                    maxEntities,
                    removed,
                    edgeAge,
                    entities());
        } finally {
            eviction.unlock();
        }
    }

    /** Removes every entity older than {@code edgeAge}, and {@code atEdge} of those of exactly that age. */
    private int removeByAge(int now, int edgeAge, long atEdge) {
        int removed = 0;
        long[] edgeLeft = {atEdge};
        for (ConcurrentHashMap<String, EntityState> map : entities.values()) {
            for (String key : map.keySet()) {
                boolean[] gone = {false};
                map.computeIfPresent(key, (k, state) -> {
                    int age = age(now, state.lastSeenMinute());
                    gone[0] = age > edgeAge || (age == edgeAge && edgeLeft[0]-- > 0);
                    return gone[0] ? null : state;
                });
                removed += gone[0] ? 1 : 0;
            }
        }
        return removed;
    }

    private static int age(int now, int lastSeen) {
        long age = (long) now - lastSeen;
        return (int) Math.max(0, Math.min(DAY_MINUTES + 1, age));
    }

    @Override
    public long entities() {
        long n = 0;
        for (int i = 0; i < maps.length; i++) {
            n += maps[i].mappingCount();
        }
        return n;
    }

    /** Entities evicted by the ceiling since the store was created (idle expiry not included). */
    public long evicted() {
        return evicted.sum();
    }
}
