package io.vigil.analytics.api.search;

import io.vigil.analytics.api.FindTransactionsQuery;
import io.vigil.analytics.api.SearchSort;
import io.vigil.analytics.api.TransactionSearchHit;
import io.vigil.analytics.api.TransactionSearchPage;
import io.vigil.ingest.api.ApiRules;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a {@link FindTransactionsQuery} over ClickHouse's {@code transaction_search}, {@code transaction_search_keys}
 * and {@code transaction_labels} tables (see schema.sql) in two steps, so that no step reads more than it must on
 * ClickHouse 18.16, which has neither data-skipping indexes nor reads in sorting-key order:
 *
 * <ol>
 *   <li><b>The page's keys</b>: {@code (event_time, id_hash)} of the rows of the page, reading only the columns
 *       filtered and sorted by. A search by id, customer, card, device, e-mail, IP or pattern starts from the lookup
 *       table, sorted by kind and value: with no other filter it is answered there alone, in any order; else
 *       its keys restrict the search table through its primary key. Newest-first searches with no such value try
 *       the last day, then the last 8 days, before the whole table: a window with enough rows gives the exact page.
 *   <li><b>The page's rows</b>, by their primary key, and their labels.
 * </ol>
 *
 * A replayed batch may leave a duplicate row until ClickHouse merges it away; rows are kept once per id.
 */
public final class TransactionSearch {

    /** Runs one SELECT and returns its rows, each column as text (numbers in ClickHouse's plain notation). */
    @FunctionalInterface
    public interface Statements {
        List<String[]> rows(String sql) throws Exception;
    }

    /** How far back a newest-first search looks before it reads the whole table. */
    static final List<Duration> WINDOWS = List.of(Duration.ofDays(1), Duration.ofDays(8));

    private final String search;
    private final String keys;
    private final String labels;

    /** Over the tables of {@code database} (a plain identifier). */
    public TransactionSearch(String database) {
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        this.search = database + ".transaction_search";
        this.keys = database + ".transaction_search_keys";
        this.labels = database + ".transaction_labels";
    }

    /** A page of the search; {@code now} bounds the newest-first windows. */
    public TransactionSearchPage run(FindTransactionsQuery query, Instant now, Statements db) throws Exception {
        List<Key> found = List.of();
        for (String sql : pageQueries(query, now)) {
            found = db.rows(sql).stream().map(Key::of).toList();
            if (found.size() > query.size()) {
                break; // the window held the whole page and one more: exact
            }
        }
        boolean hasMore = found.size() > query.size();
        List<Key> page = hasMore ? found.subList(0, query.size()) : found;
        return new TransactionSearchPage(
                hits(page, db), query.page(), query.size(), query.sort().wireName(), hasMore);
    }

    /**
     * The statements that find the page's keys, in the order to try them: each but the last reads a window of time
     * and is enough when it returns more than a page of rows.
     */
    public List<String> pageQueries(FindTransactionsQuery q, Instant now) {
        String limit = " LIMIT " + ((long) q.page() * q.size()) + ", " + (q.size() + 1);
        Lookup lookup = Lookup.of(q);
        List<String> conditions = conditions(q, lookup, null);
        // the lookup table has the score and the amount too
        if (lookup != null && conditions.stream().allMatch(c -> c.startsWith("score ") || c.startsWith("amount "))) {
            List<String> where = new ArrayList<>(List.of(lookup.where(q)));
            where.addAll(conditions);
            return List.of("SELECT toUInt32(event_time), id_hash FROM " + keys + " WHERE " + String.join(" AND ", where)
                    + " ORDER BY " + order(q.sort()) + limit);
        }
        List<String> where = new ArrayList<>();
        if (lookup != null) {
            where.add("(event_time, id_hash) IN (SELECT event_time, id_hash FROM " + keys + " WHERE " + lookup.where(q)
                    + ")");
        } else {
            where.addAll(time(q));
        }
        String select = "SELECT toUInt32(event_time), id_hash FROM " + search;
        String tail = " ORDER BY " + order(q.sort()) + limit;
        List<String> statements = new ArrayList<>();
        if (lookup == null && q.sort() == SearchSort.TIME_DESC) {
            Instant end = q.to() != null ? q.to() : now.plus(ApiRules.MAX_AHEAD);
            for (Duration window : WINDOWS) {
                Instant start = end.minus(window);
                if (q.from() == null || q.from().isBefore(start)) {
                    List<String> narrowed = new ArrayList<>(where);
                    narrowed.add("event_time >= toDateTime(" + start.getEpochSecond() + ")");
                    narrowed.addAll(conditions(q, lookup, start));
                    statements.add(select + " WHERE " + String.join(" AND ", narrowed) + tail);
                }
            }
        }
        where.addAll(conditions);
        statements.add(select + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + tail);
        return statements;
    }

    /**
     * The conditions on the search table besides the lookup's value and the time range; {@code since}, when not
     * {@code null}, bounds the labels read to a window's.
     */
    private List<String> conditions(FindTransactionsQuery q, Lookup lookup, Instant since) {
        List<String> where = new ArrayList<>();
        equal(where, lookup, Lookup.ID, "transaction_id", q.transactionId());
        equal(where, lookup, Lookup.CARD, "card_fingerprint", q.cardFingerprint());
        equal(where, lookup, Lookup.DEVICE, "device_id", q.deviceId());
        equal(where, lookup, Lookup.EMAIL, "email", q.email());
        equal(where, lookup, Lookup.IP, "ip", q.ip());
        equal(where, lookup, Lookup.CUSTOMER, "customer_id", q.customerId());
        if (q.patternId() != null && lookup != Lookup.PATTERN) {
            where.add("has(pattern_ids, " + quote(q.patternId()) + ")");
        }
        equal(where, null, null, "merchant_id", q.merchantId());
        equal(where, null, null, "decision", q.decision());
        if (q.minScore() != null) {
            where.add("score >= " + number(q.minScore()));
        }
        if (q.maxScore() != null) {
            where.add("score <= " + number(q.maxScore()));
        }
        if (q.minAmount() != null) {
            where.add("amount >= " + number(q.minAmount()));
        }
        if (q.maxAmount() != null) {
            where.add("amount <= " + number(q.maxAmount()));
        }
        if (q.label() != null) {
            List<String> times = time(q);
            if (since != null) {
                times.add("event_time >= toDateTime(" + since.getEpochSecond() + ")");
            }
            String labelTime = String.join(" AND ", times);
            String labelled =
                    "SELECT event_time, id_hash FROM " + labels + (labelTime.isEmpty() ? "" : " WHERE " + labelTime);
            if (q.label().equals("none")) {
                where.add("(event_time, id_hash) NOT IN (" + labelled + ")");
            } else {
                where.add("(event_time, id_hash) IN (" + labelled
                        + " GROUP BY event_time, id_hash HAVING argMax(label, (rank, reported_ms)) = "
                        + quote(q.label()) + ")");
            }
        }
        return where;
    }

    private static void equal(List<String> where, Lookup lookup, Lookup kind, String column, String value) {
        if (value != null && (kind == null || lookup != kind)) {
            where.add(column + " = " + quote(value));
        }
    }

    private static List<String> time(FindTransactionsQuery q) {
        List<String> where = new ArrayList<>();
        if (q.from() != null) {
            where.add("event_time >= toDateTime(" + q.from().getEpochSecond() + ")");
        }
        if (q.to() != null) {
            // to is exclusive; a fraction of a second still counts the second it falls in
            long to = q.to().getEpochSecond() + (q.to().getNano() > 0 ? 1 : 0);
            where.add("event_time < toDateTime(" + to + ")");
        }
        return where;
    }

    private static String order(SearchSort sort) {
        String direction = sort.descending() ? " DESC" : "";
        String time = "event_time" + direction + ", id_hash" + direction;
        return switch (sort.key()) {
            case "score" -> "score" + direction + ", " + time;
            case "amount" -> "amount" + direction + ", " + time;
            default -> time;
        };
    }

    /** The rows and labels of the page's keys, in the keys' order and once per transaction. */
    private List<TransactionSearchHit> hits(List<Key> page, Statements db) throws Exception {
        if (page.isEmpty()) {
            return List.of();
        }
        String tuples = page.stream().map(Key::tuple).distinct().collect(Collectors.joining(", "));
        Map<Key, String[]> rows = new HashMap<>();
        for (String[] row : db.rows("SELECT transaction_id, toUInt32(event_time), toUInt32(recorded_at), merchant_id,"
                + " amount, currency, customer_id, card_fingerprint, device_id, email, ip, country, payment_method,"
                + " channel, toString(decision), score, fallback, arrayStringConcat(pattern_ids, ','), id_hash FROM "
                + search + " WHERE (event_time, id_hash) IN (" + tuples + ")")) {
            rows.putIfAbsent(new Key(Long.parseLong(row[1]), row[18]), row);
        }
        Map<Key, String> labelled = new HashMap<>();
        for (String[] row : db.rows("SELECT toUInt32(event_time), id_hash, argMax(label, (rank, reported_ms)) FROM "
                + labels + " WHERE (event_time, id_hash) IN (" + tuples + ") GROUP BY event_time, id_hash")) {
            labelled.put(Key.of(row), row[2]);
        }
        Map<String, TransactionSearchHit> hits = new LinkedHashMap<>();
        for (Key key : page) {
            String[] r = rows.get(key);
            if (r != null) {
                hits.putIfAbsent(
                        r[0],
                        new TransactionSearchHit(
                                r[0],
                                Instant.ofEpochSecond(Long.parseLong(r[1])),
                                Instant.ofEpochSecond(Long.parseLong(r[2])),
                                r[3],
                                new BigDecimal(r[4]),
                                r[5],
                                blank(r[6]),
                                blank(r[7]),
                                blank(r[8]),
                                blank(r[9]),
                                blank(r[10]),
                                blank(r[11]),
                                blank(r[12]),
                                blank(r[13]),
                                r[14],
                                Double.parseDouble(r[15]),
                                r[16].equals("1"),
                                r[17].isEmpty() ? List.of() : List.of(r[17].split(",")),
                                labelled.get(key)));
            }
        }
        return List.copyOf(hits.values());
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * The id's hash as the search tables hold it: ClickHouse's {@code halfMD5}, the first 8 bytes of the MD5 of the
     * UTF-8 id read big-endian, as an unsigned decimal.
     */
    public static String idHash(String transactionId) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(transactionId.getBytes(StandardCharsets.UTF_8));
            long hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = (hash << 8) | (md5[i] & 0xff);
            }
            return Long.toUnsignedString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** Quotes a string literal for ClickHouse SQL. */
    public static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }

    /** A row's key in the search tables: its event time in seconds and its id's hash. */
    private record Key(long eventTime, String idHash) {

        static Key of(String[] row) {
            return new Key(Long.parseLong(row[0]), row[1]);
        }

        String tuple() {
            return "(" + eventTime + ", " + idHash + ")";
        }
    }

    /** The kinds of value the lookup table holds, most selective first: the search starts from the first given. */
    private enum Lookup {
        ID("id"),
        CARD("card"),
        DEVICE("device"),
        EMAIL("email"),
        IP("ip"),
        CUSTOMER("customer"),
        PATTERN("pattern");

        private final String kind;

        Lookup(String kind) {
            this.kind = kind;
        }

        static Lookup of(FindTransactionsQuery q) {
            for (Lookup lookup : values()) {
                if (lookup.value(q) != null) {
                    return lookup;
                }
            }
            return null;
        }

        String value(FindTransactionsQuery q) {
            return switch (this) {
                case ID -> q.transactionId();
                case CARD -> q.cardFingerprint();
                case DEVICE -> q.deviceId();
                case EMAIL -> q.email();
                case IP -> q.ip();
                case CUSTOMER -> q.customerId();
                case PATTERN -> q.patternId();
            };
        }

        String where(FindTransactionsQuery q) {
            List<String> where = new ArrayList<>();
            where.add("kind = '" + kind + "'");
            where.add("value = " + quote(value(q)));
            where.addAll(time(q));
            return String.join(" AND ", where);
        }
    }
}
