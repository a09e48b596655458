package io.vigil.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.analytics.api.FindTransactionsQuery;
import io.vigil.analytics.api.SearchSort;
import io.vigil.analytics.api.search.AnalyticsSchema;
import io.vigil.analytics.api.search.TransactionSearch;
import io.vigil.tools.Terminal;
import io.vigil.tools.VigilTools;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./vigil bench search}: fills the search tables of a ClickHouse database of its own with generated
 * transactions (10,000,000 by default, straight from {@code system.numbers}: a 30-day spread, a few customers, cards,
 * devices, e-mails and IPs with thousands of transactions and most with a handful, skewed merchants, amounts and
 * scores, 1% labelled), then times each kind of search through {@link TransactionSearch}, the very SQL the API runs.
 * Writes p50, p95 and max per kind, with the rows ClickHouse read, to {@code target/bench/search.json}. Needs no
 * running Vigil.
 */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = "Search benchmark: generated transactions in a ClickHouse database of the benchmark's own, each"
                + " kind of search timed with the API's own SQL.")
final class SearchBench implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> TABLES =
            List.of("transaction_search", "transaction_search_keys", "transaction_labels");

    @Option(
            names = "--clickhouse-http",
            defaultValue = "http://127.0.0.1:18123",
            description = "ClickHouse's HTTP interface")
    private String clickHouse;

    @Option(
            names = "--database",
            defaultValue = "vigil_bench_search",
            description = "the benchmark's own database (never Vigil's)")
    private String database;

    @Option(names = "--rows", defaultValue = "10000000", description = "generated transactions")
    private long rows;

    @Option(names = "--repeats", defaultValue = "7", description = "timed runs of each kind of search")
    private int repeats;

    @Option(
            names = "--regenerate",
            description = "generate the rows again even when the database already holds as many")
    private boolean regenerate;

    @Option(names = "--out", defaultValue = "target/bench/search.json", description = "where the figures go")
    private Path out;

    @Spec
    private CommandSpec spec;

    private final BenchResults results;
    private long rowsRead;

    SearchBench(Terminal terminal) {
        this.results = new BenchResults(terminal.out());
    }

    @Override
    public Integer call() throws Exception {
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*") || database.equals("vigil") || database.equals("vigil_test")) {
            throw VigilTools.usage(spec, "--database must be a plain name of the benchmark's own, not " + database);
        }
        if (rows < 1000 || repeats < 1) {
            throw VigilTools.usage(spec, "--rows takes at least 1000 and --repeats at least 1");
        }
        results.put("rows", rows);
        results.put("clickhouse", sql("SELECT version()").strip());
        results.put("cores", Runtime.getRuntime().availableProcessors());
        long started = System.nanoTime();
        prepare();
        results.put("generate_seconds", BenchResults.round((System.nanoTime() - started) / 1e9));
        awaitMerges();
        TransactionSearch search = new TransactionSearch(database);
        Map<String, Object> kinds = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        for (Map.Entry<String, Function<Probe, FindTransactionsQuery>> kind : kinds().entrySet()) {
            long[] millis = new long[repeats];
            long[] read = new long[repeats];
            int found = 0;
            for (int i = -1; i < repeats; i++) { // the first run warms up and is not counted
                FindTransactionsQuery query = kind.getValue().apply(probe(random.nextLong(rows)));
                rowsRead = 0;
                long t0 = System.nanoTime();
                int hits = search.run(query, Instant.now(), this::rows)
                        .transactions()
                        .size();
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - t0) / 1_000_000;
                    read[i] = rowsRead;
                    found += hits;
                }
            }
            Arrays.sort(millis);
            Arrays.sort(read);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("p50_ms", percentile(millis, 0.5));
            figures.put("p95_ms", percentile(millis, 0.95));
            figures.put("max_ms", millis[millis.length - 1]);
            figures.put("rows_read_p50", percentile(read, 0.5));
            figures.put("rows_read_max", read[read.length - 1]);
            figures.put("hits_per_search", BenchResults.round((double) found / repeats));
            kinds.put(kind.getKey(), figures);
            results.put(
                    kind.getKey(),
                    String.format(
                            Locale.ROOT,
                            "p50 %d ms, p95 %d ms, max %d ms, rows read p50 %,d",
                            percentile(millis, 0.5),
                            percentile(millis, 0.95),
                            millis[millis.length - 1],
                            percentile(read, 0.5)));
            results.progress(
                    "%s: p50 %d ms, max %d ms", kind.getKey(), percentile(millis, 0.5), millis[millis.length - 1]);
        }
        results.put("searches", kinds);
        results.put("total_seconds", BenchResults.round((System.nanoTime() - started) / 1e9));
        results.write("Search benchmark (" + rows + " transactions, " + repeats + " runs each)", out);
        return 0;
    }

    /** The values one run searches for, taken from one generated transaction. */
    private record Probe(
            long n, String id, String customer, String card, String device, String email, String ip, String merchant) {}

    private Probe probe(long n) throws Exception {
        String id = "bt-" + n;
        String[] r = rows("SELECT customer_id, card_fingerprint, device_id, email, ip, merchant_id FROM " + database
                        + ".transaction_search WHERE (event_time, id_hash) IN (SELECT event_time, id_hash FROM "
                        + database + ".transaction_search_keys WHERE kind = 'id' AND value = '" + id + "')")
                .get(0);
        return new Probe(n, id, r[0], r[1], r[2], r[3], r[4], r[5]);
    }

    private static Map<String, Function<Probe, FindTransactionsQuery>> kinds() {
        Map<String, Function<Probe, FindTransactionsQuery>> kinds = new LinkedHashMap<>();
        Instant now = Instant.now();
        kinds.put("by id", p -> query(b -> b.id = p.id()));
        kinds.put("by customer", p -> query(b -> b.customer = p.customer()));
        kinds.put("by customer, heavy (3,000 transactions)", p -> query(b -> b.customer = "c-" + (p.n() % 1000)));
        kinds.put("by card", p -> query(b -> b.card = p.card()));
        kinds.put("by device", p -> query(b -> b.device = p.device()));
        kinds.put("by email", p -> query(b -> b.email = p.email()));
        kinds.put("by ip", p -> query(b -> b.ip = p.ip()));
        kinds.put(
                "merchant + time range (3 days)",
                p -> query(b -> {
                    b.merchant = p.merchant();
                    b.from = now.minus(4, ChronoUnit.DAYS);
                    b.to = now.minus(1, ChronoUnit.DAYS);
                }));
        kinds.put(
                "decision + score range",
                p -> query(b -> {
                    b.decision = "review";
                    b.minScore = 60.0;
                    b.maxScore = 70.0;
                }));
        kinds.put("pattern", p -> query(b -> b.pattern = "p-" + (p.n() % 20)));
        kinds.put("label", p -> query(b -> b.label = p.n() % 2 == 0 ? "confirmed_fraud" : "chargeback"));
        kinds.put(
                "amount range",
                p -> query(b -> {
                    b.minAmount = 100.0;
                    b.maxAmount = 200.0;
                }));
        kinds.put("everything, by score", p -> query(b -> b.sort = SearchSort.SCORE_DESC));
        kinds.put(
                "decision, by amount",
                p -> query(b -> {
                    b.decision = "decline";
                    b.sort = SearchSort.AMOUNT_DESC;
                }));
        kinds.put(
                "customer, by score",
                p -> query(b -> {
                    b.customer = p.customer();
                    b.sort = SearchSort.SCORE_DESC;
                }));
        kinds.put(
                "page 20 of a merchant",
                p -> query(b -> {
                    b.merchant = p.merchant();
                    b.page = 20;
                }));
        return kinds;
    }

    /** The filters of one query, set by a kind. */
    private static final class Filters {
        String id, customer, card, device, email, ip, merchant, decision, pattern, label;
        Double minScore, maxScore, minAmount, maxAmount;
        Instant from, to;
        SearchSort sort = SearchSort.TIME_DESC;
        int page;
    }

    private static FindTransactionsQuery query(java.util.function.Consumer<Filters> set) {
        Filters f = new Filters();
        set.accept(f);
        return new FindTransactionsQuery(
                f.id,
                f.customer,
                f.card,
                f.device,
                f.email,
                f.ip,
                f.merchant,
                f.decision,
                f.pattern,
                f.label,
                f.minScore,
                f.maxScore,
                f.minAmount,
                f.maxAmount,
                f.from,
                f.to,
                f.sort,
                f.page,
                FindTransactionsQuery.DEFAULT_SIZE);
    }

    /** Creates the tables as Vigil's schema does, and fills them unless they hold the rows already. */
    private void prepare() throws Exception {
        sql("CREATE DATABASE IF NOT EXISTS " + database);
        long present = regenerate ? -1 : count();
        if (present == rows) {
            results.progress(
                    "%s already holds %,d transactions: searching them (--regenerate to make new ones)",
                    database, rows);
            return;
        }
        for (String table : TABLES) {
            sql("DROP TABLE IF EXISTS " + database + "." + table);
        }
        for (String statement : schema()) {
            sql(statement);
        }
        long t0 = System.nanoTime();
        results.progress("generating %,d transactions in %s.transaction_search", rows, database);
        sql(generate());
        results.put("generate_search_seconds", BenchResults.round((System.nanoTime() - t0) / 1e9));
        t0 = System.nanoTime();
        results.progress("their lookup rows in transaction_search_keys");
        sql("INSERT INTO " + database + ".transaction_search_keys SELECT k.1, k.2, event_time, id_hash, recorded_at,"
                + " score, amount"
                + " FROM " + database + ".transaction_search ARRAY JOIN arrayConcat([('id', transaction_id),"
                + " ('customer', customer_id), ('card', card_fingerprint), ('device', device_id), ('email', email),"
                + " ('ip', ip)], arrayMap(p -> ('pattern', p), pattern_ids)) AS k WHERE k.2 != ''");
        results.put("generate_keys_seconds", BenchResults.round((System.nanoTime() - t0) / 1e9));
        results.progress("labels for 1%% of them");
        // a label a day after the transaction; every tenth labelled one reported twice, the later report counting
        sql("INSERT INTO " + database + ".transaction_labels SELECT transaction_id, id_hash, event_time,"
                + " recorded_at + 86400, concat('ev-', transaction_id, '-', toString(n)),"
                + " ['chargeback', 'confirmed_fraud', 'confirmed_legitimate'][(h + n) % 3 + 1], 1,"
                + " (toUInt64(toUInt32(recorded_at)) + 86400 + n) * 1000 FROM " + database + ".transaction_search"
                + " ARRAY JOIN if(h % 10 = 0, [0, 1], [0]) AS n"
                + " WHERE (cityHash64(transaction_id) AS h) % 100 < 1");
        results.put("labels", count("transaction_labels"));
    }

    /**
     * Waits (up to 10 minutes) until ClickHouse has finished merging the new parts in the background: timed searches
     * beside a running merge measure the merge, on two cores.
     */
    private void awaitMerges() throws Exception {
        long t0 = System.nanoTime();
        String merging = "SELECT count() FROM system.merges WHERE database = '" + database + "'";
        while (Long.parseLong(sql(merging).strip()) > 0 && System.nanoTime() - t0 < 600_000_000_000L) {
            Thread.sleep(2_000);
        }
        results.put("merges_waited_seconds", BenchResults.round((System.nanoTime() - t0) / 1e9));
    }

    private long count() throws Exception {
        try {
            return count("transaction_search");
        } catch (IllegalStateException e) {
            return -1; // no table yet
        }
    }

    private long count(String table) throws Exception {
        return Long.parseLong(
                sql("SELECT count() FROM " + database + "." + table).strip());
    }

    /** The search tables' statements of Vigil's own schema, for this database. */
    private List<String> schema() {
        return AnalyticsSchema.statements(database).stream()
                .filter(s -> TABLES.stream()
                        .anyMatch(t -> s.startsWith("CREATE TABLE IF NOT EXISTS " + database + "." + t + " ")))
                .toList();
    }

    /**
     * Generated transactions: 30% of them by 1,000 heavy customers (about 3,000 each at 10 million), the rest by two
     * million; 20% of cards and devices heavy in the same way; 5% from 200 shared IPs; merchants skewed towards the
     * first; amounts log-uniform from 1 to 9,000; scores mostly low (the cube of a uniform number), review from 50
     * and decline from 80, each with a pattern.
     */
    private String generate() {
        return """
                INSERT INTO %1$s.transaction_search (transaction_id, id_hash, recorded_at, event_time, merchant_id, amount,
                    currency, customer_id, card_fingerprint, device_id, email, ip, country, payment_method, channel,
                    decision, score, fallback, pattern_ids)
                SELECT
                    concat('bt-', toString(number)) AS id, halfMD5(id), toDateTime(base + intDiv(number * 2592000, total) + 1),
                    toDateTime(base + intDiv(number * 2592000, total)),
                    concat('m-', toString(intDiv((h1 %% 1000) * (h1 %% 1000), 1000))),
                    round(exp((h2 %% 1000) / 110.0), 2),
                    ['EUR', 'EUR', 'EUR', 'SEK', 'USD', 'GBP'][h3 %% 6 + 1],
                    concat('c-', toString(customer)),
                    concat('card-', toString(if(h6 %% 10 < 2, h7 %% 1000, 1000 + h7 %% 3000000))),
                    concat('d-', toString(if(h8 %% 10 < 2, h9 %% 1000, 1000 + h9 %% 2500000))),
                    concat('u', toString(customer), '@example.com'),
                    if(h10 %% 20 = 0, concat('203.0.113.', toString(h11 %% 200)), concat(toString(10 + h11 %% 200), '.',
                        toString(intDiv(h11, 200) %% 256), '.', toString(intDiv(h11, 51200) %% 256), '.',
                        toString(intDiv(h11, 13107200) %% 256))),
                    ['SE', 'SE', 'DE', 'GB', 'US', 'FR', 'NO', 'DK'][h3 %% 8 + 1],
                    ['card', 'card', 'card', 'pay_later', 'wallet', 'bank_transfer'][h12 %% 6 + 1],
                    ['web', 'app', 'web', 'in_store'][h12 %% 4 + 1],
                    multiIf(score >= 80, 'decline', score >= 50, 'review', 'approve'),
                    score,
                    toUInt8(h13 %% 1000 = 0),
                    if(score >= 50, [concat('p-', toString(h13 %% 20))],
                        if(score >= 30, [concat('p-', toString(20 + h13 %% 10))], emptyArrayString()))
                FROM (
                    SELECT number, toUInt32(now()) - 2592000 AS base, %2$d AS total,
                        cityHash64(number, 1) AS h1, cityHash64(number, 2) AS h2, cityHash64(number, 3) AS h3,
                        if(cityHash64(number, 4) %% 10 < 3, cityHash64(number, 5) %% 1000,
                            1000 + cityHash64(number, 5) %% 2000000) AS customer,
                        cityHash64(number, 6) AS h6, cityHash64(number, 7) AS h7, cityHash64(number, 8) AS h8,
                        cityHash64(number, 9) AS h9, cityHash64(number, 10) AS h10, cityHash64(number, 11) AS h11,
                        cityHash64(number, 12) AS h12, cityHash64(number, 13) AS h13,
                        round(pow((cityHash64(number, 14) %% 10000) / 10000.0, 3) * 100, 1) AS score
                    FROM system.numbers LIMIT %2$d
                )""".formatted(database, rows);
    }

    /** {@link TransactionSearch.Statements} over HTTP: the rows as text, and the rows ClickHouse read added up. */
    private List<String[]> rows(String select) throws Exception {
        JsonNode answer = JSON.readTree(sql(select + " FORMAT JSONCompact"));
        rowsRead += answer.path("statistics").path("rows_read").asLong();
        List<String[]> rows = new ArrayList<>();
        for (JsonNode row : answer.path("data")) {
            String[] values = new String[row.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i).asText();
            }
            rows.add(values);
        }
        return rows;
    }

    private String sql(String statement) throws IOException, InterruptedException {
        return ClickHouseHttp.post(HTTP, clickHouse, statement, Duration.ofMinutes(30));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
