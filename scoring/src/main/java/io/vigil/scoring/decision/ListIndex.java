package io.vigil.scoring.decision;

import io.vigil.ingest.api.ListHit;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.ListEntry;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
            checkBin(hits, list, tx.cardBin(), now);
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

    /** A listed BIN of 6 to 8 digits matches every card whose BIN starts with it. */
    private void checkBin(List<ListHit> hits, String list, String bin, Instant now) {
        if (bin == null) {
            return;
        }
        for (int length = Math.min(8, bin.length()); length >= 6; length--) {
            int before = hits.size();
            check(hits, list, "card_bin", bin.substring(0, length), now);
            if (hits.size() > before) {
                return;
            }
        }
    }

    /** E-mail addresses match whatever their case; IP addresses whatever their spelling (2001:DB8::1 = 2001:db8:0::1). */
    private static String key(String list, String kind, String value) {
        String canonical = switch (kind) {
            case "email" -> value.toLowerCase(Locale.ROOT);
            case "ip" -> canonicalIp(value);
            default -> value;
        };
        return list + '\u0000' + kind + '\u0000' + canonical;
    }

    private static String canonicalIp(String value) {
        if (value.indexOf(':') < 0) {
            return value;
        }
        try {
            return InetAddress.getByName(value).getHostAddress(); // a literal with ':' is parsed, never looked up
        } catch (UnknownHostException e) {
            return value.toLowerCase(Locale.ROOT);
        }
    }
}
