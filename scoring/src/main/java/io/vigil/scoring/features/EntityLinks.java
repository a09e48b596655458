package io.vigil.scoring.features;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which customers, cards, devices, IPs and e-mails were used together in the last 30 days, and which of them were
 * named by a transaction labelled fraud: the in-memory graph behind {@code features.graph.*}. Two entities are linked
 * when one transaction names both (merchants are left out: a merchant links everyone who pays there).
 *
 * <p><b>Bounds.</b> Each entity keeps at most {@value #MAX_LINKS} links, the most recently used; when full, the link
 * used longest ago makes room. A link or a fraud label older than {@value #WINDOW_DAYS} days (event time of the
 * transaction, time reported of the label) is not counted, and {@link #expireIdle()} forgets entities with nothing
 * newer. An entity remembers its {@value #MAX_FRAUD_LABELS} latest fraud labels. Two hops from a transaction expand at
 * most {@value #HOP2_ENTITIES} entities of the first hop (most recent link first) and at most {@value #HOP2_FANOUT}
 * links of each: a 2-hop count reads at most {@value #HOP2_ENTITIES} × {@value #HOP2_FANOUT} links.
 *
 * <p><b>Labels.</b> {@code CONFIRMED_FRAUD} and {@code CHARGEBACK} mark every entity of the labelled transaction once,
 * at the moment the label was reported; a later {@code CONFIRMED_LEGITIMATE} takes the mark back.
 *
 * <p><b>Time.</b> A transaction or label dated ahead of the clock counts at the clock's minute, as in the feature store.
 * Thread-safe: each entity's links are guarded by the entity.
 */
public final class EntityLinks {

    /** The entities that link: every kind but the merchant. */
    public static final List<EntityKind> KINDS =
            List.of(EntityKind.CUSTOMER, EntityKind.CARD, EntityKind.DEVICE, EntityKind.IP, EntityKind.EMAIL);

    public static final int WINDOW_DAYS = 30;
    public static final int MAX_LINKS = 64;
    public static final int MAX_FRAUD_LABELS = 8;
    public static final int HOP2_ENTITIES = 64;
    public static final int HOP2_FANOUT = 16;

    static final int WINDOW_MINUTES = WINDOW_DAYS * 1440;

    private final Map<EntityKind, ConcurrentHashMap<String, Node>> nodes = new EnumMap<>(EntityKind.class);
    private final ConcurrentHashMap<String, Marked> marked = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int watermark = Integer.MIN_VALUE;

    public EntityLinks(Clock clock) {
        this.clock = clock;
        for (EntityKind kind : KINDS) {
            nodes.put(kind, new ConcurrentHashMap<>());
        }
    }

    /** Links the entities of a committed transaction to each other. Recording a transaction twice changes nothing. */
    public void record(TransactionDetails tx) {
        int minute = minuteOf(tx.timestamp());
        advance(minute);
        String[] keys = keys(tx);
        for (EntityKind from : KINDS) {
            String key = keys[from.ordinal()];
            if (key == null) {
                continue;
            }
            nodes.get(from).compute(key, (k, node) -> {
                Node n = node == null ? new Node() : node;
                for (EntityKind to : KINDS) {
                    if (to != from && keys[to.ordinal()] != null) {
                        n.link(to, keys[to.ordinal()], minute);
                    }
                }
                n.touch(minute);
                return n;
            });
        }
    }

    /**
     * Applies a reported outcome at the moment it was reported.
     *
     * @param transaction the labelled transaction, asked for only when its entities must be marked (null: ignored)
     */
    public void label(
            String transactionId,
            TransactionOutcome outcome,
            Instant reportedAt,
            Supplier<TransactionDetails> transaction) {
        if (outcome == TransactionOutcome.CONFIRMED_LEGITIMATE) {
            Marked was = marked.remove(transactionId);
            if (was != null) {
                for (EntityKind kind : KINDS) {
                    String key = was.keys()[kind.ordinal()];
                    if (key != null) {
                        nodes.get(kind).computeIfPresent(key, (k, n) -> {
                            n.unlabel(was.minute());
                            return n;
                        });
                    }
                }
            }
            return;
        }
        if (marked.containsKey(transactionId)) {
            return;
        }
        TransactionDetails tx = transaction.get();
        if (tx == null) {
            return;
        }
        int minute = minuteOf(reportedAt);
        advance(minute);
        String[] keys = keys(tx);
        for (EntityKind kind : KINDS) {
            String key = keys[kind.ordinal()];
            if (key != null) {
                nodes.get(kind).compute(key, (k, node) -> {
                    Node n = node == null ? new Node() : node;
                    n.label(minute);
                    n.touch(minute);
                    return n;
                });
            }
        }
        marked.put(transactionId, new Marked(keys, minute));
    }

    /** The neighbourhood of a transaction about to be decided, at its (clamped) minute; computed on demand. */
    public Neighbourhood around(TransactionDetails tx) {
        return new Neighbourhood(this, keys(tx), minuteOf(tx.timestamp()));
    }

    Neighbourhood around(TransactionDetails tx, int minute) {
        return new Neighbourhood(this, keys(tx), minute);
    }

    /** The entities linked to one, at most {@code limit}, most recent link first, as of {@code atMinute}. */
    public List<Linked> neighbours(EntityKind kind, String key, int atMinute, int limit) {
        Node node =
                key == null || !nodes.containsKey(kind) ? null : nodes.get(kind).get(key);
        return node == null ? List.of() : node.neighbours(atMinute, limit);
    }

    /** Whether a transaction naming the entity was labelled fraud in the 30 days up to {@code atMinute}. */
    public boolean fraud(EntityKind kind, String key, int atMinute) {
        Node node = nodes.containsKey(kind) ? nodes.get(kind).get(key) : null;
        return node != null && node.fraud(atMinute);
    }

    /** Links held by one entity (at most {@value #MAX_LINKS}), for tests and measurements. */
    int links(EntityKind kind, String key) {
        Node node = nodes.get(kind).get(key);
        return node == null ? 0 : node.size();
    }

    /** Forgets entities with no link or label in the last 30 days of event time; returns how many. */
    public int expireIdle() {
        int horizon = watermark - WINDOW_MINUTES;
        int removed = 0;
        for (ConcurrentHashMap<String, Node> map : nodes.values()) {
            for (String key : map.keySet()) {
                boolean[] gone = {false};
                map.computeIfPresent(key, (k, n) -> {
                    gone[0] = n.prune(horizon);
                    return gone[0] ? null : n;
                });
                removed += gone[0] ? 1 : 0;
            }
        }
        marked.values().removeIf(m -> m.minute() <= horizon);
        return removed;
    }

    /** Entities held. */
    public long entities() {
        long n = 0;
        for (ConcurrentHashMap<String, Node> map : nodes.values()) {
            n += map.mappingCount();
        }
        return n;
    }

    /** The minute of an instant, never after the clock's. */
    public int minuteOf(Instant at) {
        return (int) Math.floorDiv(Math.min(at.getEpochSecond(), clock.instant().getEpochSecond()), 60L);
    }

    private void advance(int minute) {
        if (minute > watermark) {
            watermark = minute;
        }
    }

    private static String[] keys(TransactionDetails tx) {
        String[] keys = new String[EntityKind.values().length];
        for (EntityKind kind : KINDS) {
            keys[kind.ordinal()] = kind.keyOf(tx);
        }
        return keys;
    }

    /** One linked entity and the last minute a transaction named both. */
    public record Linked(EntityKind kind, String key, int minute) {}

    /** A transaction whose entities are marked fraud: its keys by {@link EntityKind} ordinal, and when. */
    private record Marked(String[] keys, int minute) {}

    /**
     * The counts around one transaction's entities, as they were before it: computed on first read and kept, so a
     * pattern set that reads several of them walks the links once.
     */
    public static final class Neighbourhood {

        private final EntityLinks links;
        private final String[] keys;
        private final int minute;
        private final int[][][] direct = new int[EntityKind.values().length][][];
        private int[] twoHop;

        Neighbourhood(EntityLinks links, String[] keys, int minute) {
            this.links = links;
            this.keys = keys;
            this.minute = minute;
        }

        /** Distinct entities of kind {@code to} linked to the transaction's {@code from} (0 when it names none). */
        public int linked(EntityKind from, EntityKind to) {
            return direct(from)[0][to.ordinal()];
        }

        /** Of those, how many were named by a transaction labelled fraud in the last 30 days. */
        public int linkedFraud(EntityKind from, EntityKind to) {
            return direct(from)[1][to.ordinal()];
        }

        /** Distinct entities within two hops of the transaction's own (which are not counted). */
        public int twoHop() {
            return twoHopCounts()[0];
        }

        /** Of those, how many were named by a transaction labelled fraud in the last 30 days. */
        public int twoHopFraud() {
            return twoHopCounts()[1];
        }

        private int[][] direct(EntityKind from) {
            int[][] counts = direct[from.ordinal()];
            if (counts == null) {
                counts = new int[2][EntityKind.values().length];
                for (Linked l : links.neighbours(from, keys[from.ordinal()], minute, MAX_LINKS)) {
                    counts[0][l.kind().ordinal()]++;
                    if (links.fraud(l.kind(), l.key(), minute)) {
                        counts[1][l.kind().ordinal()]++;
                    }
                }
                direct[from.ordinal()] = counts;
            }
            return counts;
        }

        private int[] twoHopCounts() {
            if (twoHop == null) {
                Set<String> own = new HashSet<>();
                List<Linked> first = new ArrayList<>();
                for (EntityKind kind : KINDS) {
                    if (keys[kind.ordinal()] != null) {
                        own.add(id(kind, keys[kind.ordinal()]));
                        first.addAll(links.neighbours(kind, keys[kind.ordinal()], minute, MAX_LINKS));
                    }
                }
                first.sort((a, b) -> Integer.compare(b.minute(), a.minute()));
                Set<String> seen = new HashSet<>();
                int fraud = 0;
                int expanded = 0;
                for (Linked hop1 : first) {
                    String id = id(hop1.kind(), hop1.key());
                    if (own.contains(id) || !seen.add(id)) {
                        continue;
                    }
                    fraud += links.fraud(hop1.kind(), hop1.key(), minute) ? 1 : 0;
                    if (expanded++ >= HOP2_ENTITIES) {
                        continue;
                    }
                    for (Linked hop2 : links.neighbours(hop1.kind(), hop1.key(), minute, HOP2_FANOUT)) {
                        String id2 = id(hop2.kind(), hop2.key());
                        if (!own.contains(id2) && seen.add(id2)) {
                            fraud += links.fraud(hop2.kind(), hop2.key(), minute) ? 1 : 0;
                        }
                    }
                }
                twoHop = new int[] {seen.size(), fraud};
            }
            return twoHop;
        }

        private static String id(EntityKind kind, String key) {
            return kind.ordinal() + ":" + key;
        }
    }

    /** One entity's links and fraud marks; every access is synchronized on the instance. */
    static final class Node {

        private EntityKind[] kinds = new EntityKind[4];
        private String[] keys = new String[4];
        private int[] minutes = new int[4];
        private int size;
        private int[] frauds;
        private int fraudCount;
        private int last = Integer.MIN_VALUE;

        synchronized void link(EntityKind kind, String key, int minute) {
            int oldest = -1;
            for (int i = 0; i < size; i++) {
                if (kinds[i] == kind && keys[i].equals(key)) {
                    minutes[i] = Math.max(minutes[i], minute);
                    return;
                }
                if (oldest < 0 || minutes[i] < minutes[oldest]) {
                    oldest = i;
                }
            }
            int slot;
            if (size < MAX_LINKS) {
                if (size == kinds.length) {
                    int grown = Math.min(MAX_LINKS, size * 2);
                    kinds = Arrays.copyOf(kinds, grown);
                    keys = Arrays.copyOf(keys, grown);
                    minutes = Arrays.copyOf(minutes, grown);
                }
                slot = size++;
            } else if (minutes[oldest] < minute) {
                slot = oldest;
            } else {
                return; // an old transaction arriving late: every link held is newer
            }
            kinds[slot] = kind;
            keys[slot] = key;
            minutes[slot] = minute;
        }

        synchronized void touch(int minute) {
            last = Math.max(last, minute);
        }

        synchronized void label(int minute) {
            if (frauds == null) {
                frauds = new int[MAX_FRAUD_LABELS];
            }
            int slot = fraudCount;
            if (fraudCount == MAX_FRAUD_LABELS) {
                slot = 0;
                for (int i = 1; i < fraudCount; i++) {
                    if (frauds[i] < frauds[slot]) {
                        slot = i;
                    }
                }
            } else {
                fraudCount++;
            }
            frauds[slot] = minute;
        }

        synchronized void unlabel(int minute) {
            for (int i = 0; i < fraudCount; i++) {
                if (frauds[i] == minute) {
                    frauds[i] = frauds[--fraudCount];
                    return;
                }
            }
        }

        synchronized boolean fraud(int atMinute) {
            for (int i = 0; i < fraudCount; i++) {
                if (frauds[i] <= atMinute && frauds[i] > atMinute - WINDOW_MINUTES) {
                    return true;
                }
            }
            return false;
        }

        synchronized List<Linked> neighbours(int atMinute, int limit) {
            List<Linked> found = new ArrayList<>(Math.min(size, limit));
            for (int i = 0; i < size; i++) {
                if (minutes[i] <= atMinute && minutes[i] > atMinute - WINDOW_MINUTES) {
                    found.add(new Linked(kinds[i], keys[i], minutes[i]));
                }
            }
            found.sort((a, b) -> Integer.compare(b.minute(), a.minute()));
            return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
        }

        synchronized int size() {
            return size;
        }

        /** Drops links and labels at or before the horizon; true when nothing is left. */
        synchronized boolean prune(int horizon) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (minutes[i] > horizon) {
                    kinds[kept] = kinds[i];
                    keys[kept] = keys[i];
                    minutes[kept] = minutes[i];
                    kept++;
                }
            }
            for (int i = kept; i < size; i++) {
                keys[i] = null;
            }
            size = kept;
            int fraudKept = 0;
            for (int i = 0; i < fraudCount; i++) {
                if (frauds[i] > horizon) {
                    frauds[fraudKept++] = frauds[i];
                }
            }
            fraudCount = fraudKept;
            return size == 0 && fraudCount == 0 && last <= horizon;
        }
    }
}
