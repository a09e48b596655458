package io.vigil.scoring.query;

import io.vigil.ingest.api.ListHit;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.ListEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The allow and block lists, indexed for lookups in memory: one hash lookup per list and field of a transaction. */
final class ListIndex {

    static final ListIndex EMPTY = new ListIndex(List.of());

    private final Map<String, ListEntry> entries = new HashMap<>();

    ListIndex(List<ListEntry> lists) {
        for (ListEntry entry : lists) {
            entries.put(key(entry.list(), entry.kind(), entry.value()), entry);
        }
    }

    int size() {
        return entries.size();
    }

    /** The entries of either list that match the transaction and have not expired at {@code now}. */
    List<ListHit> hits(TransactionDetails tx, Instant now) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<ListHit> hits = new ArrayList<>(0);
        for (String list : new String[] {"block", "allow"}) {
            check(hits, list, "card", tx.cardFingerprint(), now);
            check(hits, list, "card_bin", tx.cardBin(), now);
            check(hits, list, "email", tx.email(), now);
            check(hits, list, "device", tx.deviceId(), now);
            check(hits, list, "ip", tx.ip(), now);
            check(hits, list, "customer", tx.customerId(), now);
        }
        return hits;
    }

    private void check(List<ListHit> hits, String list, String kind, String value, Instant now) {
        if (value == null) {
            return;
        }
        ListEntry entry = entries.get(key(list, kind, value));
        if (entry != null && (entry.expiresAt() == null || now.isBefore(entry.expiresAt()))) {
            hits.add(new ListHit(list, kind, value, entry.id()));
        }
    }

    /** E-mail addresses match whatever their case. */
    private static String key(String list, String kind, String value) {
        return list + '\u0000' + kind + '\u0000' + (kind.equals("email") ? value.toLowerCase(Locale.ROOT) : value);
    }
}
