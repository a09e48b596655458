package io.vigil.tools.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.HistoryPlan;
import io.vigil.analytics.api.RollupRow;
import io.vigil.tools.Terminal;
import io.vigil.tools.VigilAddress;
import io.vigil.tools.VigilTools;
import io.vigil.tools.http.RetryPolicy;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilUnavailableException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./vigil bench monitoring}: drives a running Vigil over its API and measures, in one run on one machine,
 * operational events ingested per second (beside raw ClickHouse batch inserts of the same rows), how fresh the
 * per-minute rollups are, how soon after an anomalous minute ends its alert is raised and its webhook delivered, and
 * how long one evaluation cycle over 1,000,000 active series takes. Writes {@code target/bench/monitoring.json}.
 *
 * <p>The webhook figures need Vigil started with a route to this benchmark's receiver
 * ({@code VIGIL_MONITORING_ROUTES_0_URL=http://127.0.0.1:18099/hook}, format GENERIC), which {@code ./vigil bench
 * monitoring} arranges.
 */
@Command(
        name = "monitoring",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = "Monitoring benchmark: events ingested per second, rollup freshness, alert and webhook latency,"
                + " and one evaluation cycle over a million series.")
final class MonitoringBench implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLICKHOUSE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<String> PHASES = List.of("baseline", "ingest", "freshness", "alerts", "cycle");

    @Mixin
    private VigilAddress vigil;

    @Option(
            names = "--clickhouse-http",
            defaultValue = "http://127.0.0.1:18123",
            description = "ClickHouse's HTTP interface, to time the rollups and write the cycle's history")
    private String clickHouse;

    @Option(names = "--clickhouse-db", defaultValue = "vigil", description = "Vigil's ClickHouse database")
    private String database;

    @Option(names = "--run", description = "a name for this run's merchants and monitors (default: a fresh one)")
    private String run;

    @Option(
            names = "--phases",
            split = ",",
            defaultValue = "baseline,ingest,freshness,alerts,cycle",
            description = "the phases to run, some of baseline,ingest,freshness,alerts,cycle")
    private List<String> phases;

    @Option(names = "--seconds", defaultValue = "30", description = "seconds of the saturation phase")
    private int seconds;

    @Option(names = "--clients", defaultValue = "4", description = "clients of the saturation phase")
    private int clients;

    @Option(names = "--batch-size", defaultValue = "5000", description = "events per request of the saturation phase")
    private int batchSize;

    @Option(names = "--steady-rate", defaultValue = "20000", description = "events per second of the freshness phase")
    private int steadyRate;

    @Option(names = "--steady-seconds", defaultValue = "20", description = "seconds of the freshness phase")
    private int steadySeconds;

    @Option(
            names = "--hook-port",
            defaultValue = "18099",
            description = "port of the webhook receiver Vigil's route points at")
    private int hookPort;

    @Option(names = "--series", defaultValue = "1000000", description = "active series of the cycle phase")
    private int series;

    @Option(names = "--out", defaultValue = "target/bench/monitoring.json", description = "where the figures go")
    private Path out;

    @Spec
    private CommandSpec spec;

    private final BenchResults results;
    private VigilClient client;

    MonitoringBench(Terminal terminal) {
        this.results = new BenchResults(terminal.out());
    }

    @Override
    public Integer call() throws Exception {
        if (!PHASES.containsAll(phases)) {
            throw VigilTools.usage(spec, "--phases takes some of " + String.join(",", PHASES) + ", got " + phases);
        }
        if (run == null) {
            run = "b" + Long.toString(System.currentTimeMillis() % 10_000_000, 36);
        }
        // every error counts: the benchmark never retries
        client = new VigilClient(
                vigil.url(), vigil.apiKey(), "vigil-bench", RetryPolicy.NONE, Duration.ofSeconds(60), () -> {}, null);
        awaitSchema();
        if (phases.contains("baseline")) {
            baselineClickHouse();
        }
        if (phases.contains("ingest")) {
            ingest();
        }
        if (phases.contains("freshness")) {
            freshness();
        }
        if (phases.contains("alerts")) {
            alerts();
        }
        if (phases.contains("cycle")) {
            cycle();
        }
        results.write("Vigil monitoring benchmark", out);
        return 0;
    }

    /** Vigil creates its ClickHouse tables on first use: one event makes sure they are there. */
    private void awaitSchema() throws Exception {
        post("/api/v1/events", JSON.writeValueAsString(BenchEvent.session(run + "-hello", Instant.now(), run)));
        for (int i = 0; i < 300; i++) {
            try {
                if (clickHouse("EXISTS TABLE " + database + ".operations_minute")
                        .strip()
                        .equals("1")) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // the database is not there yet either
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Vigil did not create its ClickHouse tables within 30 s");
    }

    // ---- 1. raw ClickHouse batch inserts of the operations row shape, the ceiling for ingestion

    private void baselineClickHouse() throws Exception {
        String table = database + ".bench_baseline_" + run;
        clickHouse("CREATE TABLE " + table + " AS " + database + ".operations");
        int batches = 10;
        int rows = 50_000;
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            StringBuilder tsv = new StringBuilder(rows * 120);
            String now = Instant.now()
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString()
                    .replace('T', ' ')
                    .replace("Z", "");
            for (int i = 0; i < rows; i++) {
                tsv.append("batch-")
                        .append(b)
                        .append('\t')
                        .append(now)
                        .append("\tev-")
                        .append(b)
                        .append('-')
                        .append(i)
                        .append('\t')
                        .append(now)
                        .append("\tapi\tm-")
                        .append(i % 500)
                        .append("\tauthorization\t")
                        .append(i % 10 == 0 ? 0 : 1)
                        .append("\t\tSE\tcard\tweb\tchrome\tmobile\n");
            }
            clickHouse("INSERT INTO " + table + " FORMAT TabSeparated\n" + tsv);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clickHouse("DROP TABLE " + table);
        results.put("baseline_clickhouse_rows_per_s", Math.round(batches * rows / seconds));
        progress("raw ClickHouse batch inserts: %,.0f rows/s (%d × %,d rows)", batches * rows / seconds, batches, rows);
    }

    // ---- 2. events over the API as fast as Vigil takes them

    private void ingest() throws Exception {
        AtomicLong events = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        long cpuBefore = cpuNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long n = 0;
                while (running.get()) {
                    String body = batch(client, n++, batchSize);
                    try {
                        HttpResponse<String> r = post("/api/v1/events/batch", body);
                        if (r.statusCode() == 202) {
                            events.addAndGet(batchSize);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long last = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            Thread.sleep(2_000);
            long now = System.nanoTime();
            progress(
                    "ingest: %,d events accepted, %,.0f/s, %d errors",
                    events.get(), events.get() / ((now - start) / 1e9), errors.get());
            last = now;
        }
        running.set(false);
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (last - start) / 1e9;
        double rate = events.get() / ((System.nanoTime() - start) / 1e9);
        results.put("events_per_s", Math.round(rate));
        results.put("ingest_errors", errors.get());
        results.put("ingest_clients", clients);
        results.put("ingest_batch_size", batchSize);
        results.put("generator_cpu_s", round((cpuNanos() - cpuBefore) / 1e9));
        results.put("ingest_seconds", round(elapsed));
        progress("ingest: %,.0f events/s at saturation; waiting for the rollups to count them all", rate);
        long target = events.get();
        while (true) {
            String counted = clickHouse("SELECT sum(attempts) FROM " + database + ".operations_minute WHERE operation ="
                    + " 'authorization' AND merchant_id LIKE '" + run + "-m-%'");
            long n = counted.isBlank() ? 0 : Long.parseLong(counted.strip());
            if (n >= target) {
                break;
            }
            progress("ingest: %,d of %,d events in the rollups", n, target);
            Thread.sleep(1_000);
        }
        double projected = (System.nanoTime() - start) / 1e9;
        results.put("projected_events_per_s", Math.round(target / projected));
        progress(
                "ingest: all %,d events in the rollups %.1f s after the first was sent (%,.0f/s end to end)",
                target, projected, target / projected);
    }

    /**
     * Rollup freshness at a steady rate (the 20,000 events/s target by default): a probe event of a merchant of its
     * own every 250 ms, timed from its 202 until its minute row can be read from the rollup.
     */
    private void freshness() throws Exception {
        int rate = steadyRate;
        int seconds = steadySeconds;
        int batchSize = rate / 10;
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> load = pool.submit(() -> {
            long next = System.nanoTime();
            long n = 0;
            while (running.get()) {
                post("/api/v1/events/batch", batch(99, n++, batchSize));
                sent.addAndGet(batchSize);
                next += 100_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            return null;
        });
        List<Long> freshness = new ArrayList<>();
        Future<?> probes = pool.submit(() -> {
            int probe = 0;
            while (running.get()) {
                String merchant = run + "-fresh-" + probe++;
                String ev = JSON.writeValueAsString(List.of(BenchEvent.session(merchant, Instant.now(), merchant)));
                if (post("/api/v1/events/batch", ev).statusCode() != 202) {
                    continue;
                }
                long accepted = System.nanoTime();
                while (true) {
                    String count = clickHouse("SELECT count() FROM " + database + ".operations_minute WHERE operation ="
                            + " 'session' AND merchant_id = '" + merchant + "'");
                    if (!count.strip().equals("0")) {
                        synchronized (freshness) {
                            freshness.add((System.nanoTime() - accepted) / 1_000_000);
                        }
                        break;
                    }
                    if (System.nanoTime() - accepted > 60_000_000_000L) {
                        break;
                    }
                    Thread.sleep(10);
                }
                Thread.sleep(250);
            }
            return null;
        });
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            Thread.sleep(2_000);
            progress("freshness: %,d events sent at a steady %,d/s, %d probes", sent.get(), rate, freshness.size());
        }
        running.set(false);
        load.get();
        probes.get();
        pool.shutdown();
        long[] f = freshness.stream().mapToLong(Long::longValue).sorted().toArray();
        results.put("freshness_load_events_per_s", Math.round(sent.get() / ((System.nanoTime() - start) / 1e9)));
        results.put("rollup_freshness_probes", f.length);
        results.put("rollup_freshness_p50_ms", percentile(f, 0.50));
        results.put("rollup_freshness_p99_ms", percentile(f, 0.99));
        results.put("rollup_freshness_max_ms", f.length == 0 ? -1 : f[f.length - 1]);
        progress(
                "freshness at %,d events/s: p50 %d ms, p99 %d ms over %d probes",
                rate, percentile(f, 0.5), percentile(f, 0.99), f.length);
    }

    private String batch(int client, long n, int size) throws JsonProcessingException {
        Instant now = Instant.now();
        List<BenchEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(new BenchEvent(
                    run + "-" + client + "-" + n + "-" + i,
                    now.toString(),
                    run + "-m-" + i % 300,
                    "authorization",
                    i % 10 == 0 ? "failure" : "success",
                    i % 3 == 0 ? "SE" : i % 3 == 1 ? "DE" : "NO",
                    "card",
                    "web",
                    i % 2 == 0 ? "chrome" : "safari",
                    "mobile"));
        }
        return JSON.writeValueAsString(events);
    }

    // ---- 3. anomalous minutes → alert events and webhook deliveries

    private void alerts() throws Exception {
        int port = hookPort;
        Map<String, Instant> received = new ConcurrentHashMap<>();
        HttpServer hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        hooks.createContext("/hook", exchange -> {
            Instant at = Instant.now();
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if ("firing".equals(body.path("state").asText())) {
                received.putIfAbsent(body.path("alertId").asText(), at);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hooks.start();
        String monitor = "bench-alerts-" + run;
        HttpResponse<String> created = post("/api/v1/monitors", """
                {"id": "%s", "name": "Benchmark alerts %s", "metric": "conversion", "operation": "authorization",
                 "dimensions": ["merchant"], "sensitivity": "medium"}""".formatted(monitor, run));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create the benchmark monitor: " + created.body());
        }
        int merchants = 20;
        Instant m0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        // minute 0 normal; in minute 1 merchants 0-9 drop, in minute 2 merchants 10-19; all sent up front
        List<BenchEvent> traffic = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Instant minute = m0.plus(k, ChronoUnit.MINUTES);
            for (int m = 0; m < merchants; m++) {
                boolean drop = (k == 1 && m < 10) || (k == 2 && m >= 10);
                for (int i = 0; i < 120; i++) {
                    boolean success = drop ? i % 10 < 3 : i % 10 != 0;
                    traffic.add(new BenchEvent(
                            run + "-a-" + k + "-" + m + "-" + i,
                            minute.plusMillis(i * 490L).toString(),
                            run + "-alert-" + m,
                            "authorization",
                            success ? "success" : "failure",
                            null,
                            null,
                            null,
                            null,
                            null));
                }
            }
        }
        HttpResponse<String> sent = post("/api/v1/events/batch", JSON.writeValueAsString(traffic));
        if (sent.statusCode() != 202) {
            throw new IllegalStateException("cannot send the alert traffic: " + sent.body());
        }
        Instant end = m0.plus(3, ChronoUnit.MINUTES).plusSeconds(5);
        while (Instant.now().isBefore(end)) {
            progress(
                    "alerts: waiting for minutes %s and %s to close (%d s left), %d webhooks received",
                    m0.plus(1, ChronoUnit.MINUTES),
                    m0.plus(2, ChronoUnit.MINUTES),
                    Duration.between(Instant.now(), end).toSeconds(),
                    received.size());
            Thread.sleep(Math.min(
                    10_000, Math.max(1, Duration.between(Instant.now(), end).toMillis())));
        }
        hooks.stop(0);
        JsonNode page = JSON.readTree(
                get("/api/v1/alerts?monitor=" + monitor + "&size=100").body());
        List<Long> alertLatency = new ArrayList<>();
        List<Long> hookLatency = new ArrayList<>();
        for (JsonNode alert : page.path("alerts")) {
            Instant minuteEnd = Instant.parse(alert.path("minute").asText()).plus(1, ChronoUnit.MINUTES);
            alertLatency.add(Duration.between(
                            minuteEnd, Instant.parse(alert.path("raisedAt").asText()))
                    .toMillis());
            Instant hook = received.get(alert.path("alertId").asText());
            if (hook != null) {
                hookLatency.add(Duration.between(minuteEnd, hook).toMillis());
            }
        }
        post("/api/v1/monitors/" + monitor + "/pause", "");
        long[] a = alertLatency.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] h = hookLatency.stream().mapToLong(Long::longValue).sorted().toArray();
        results.put("alerts_expected", merchants);
        results.put("alerts_raised", a.length);
        results.put("alert_latency_p50_ms", percentile(a, 0.5));
        results.put("alert_latency_p99_ms", percentile(a, 0.99));
        results.put("webhooks_received", h.length);
        results.put("webhook_latency_p50_ms", percentile(h, 0.5));
        results.put("webhook_latency_p99_ms", percentile(h, 0.99));
        progress(
                "alerts: %d of %d raised, p99 %d ms after the minute ended; %d webhooks, p99 %d ms",
                a.length, merchants, percentile(a, 0.99), h.length, percentile(h, 0.99));
    }

    // ---- 4. one evaluation cycle over 1,000,000 active series

    private void cycle() throws Exception {

        String monitor = "bench-cycle-" + run;
        // time to write the rows before the first minute closes: about a minute per 250,000 series on two cores
        long lead = Math.max(2, 1 + series / 250_000);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(lead, ChronoUnit.MINUTES);
        // every minute the monitors' detector reads for this minute and the next: the first evaluation reads them
        // all, the second only the minutes new to it (the evaluator holds the rest), which is every later minute's cost
        java.util.SortedSet<Instant> minutes = new java.util.TreeSet<>();
        for (long offset : HistoryPlan.DEFAULT.offsets()) {
            minutes.add(minute.minusSeconds(offset));
            minutes.add(minute.plusSeconds(60 - offset));
        }
        progress(
                "cycle: writing %,d series × %d minutes into the rollups for minutes %s and the one after",
                series, minutes.size(), minute);
        for (Instant at : minutes) {
            for (int from = 0; from < series; from += 250_000) {
                StringBuilder tsv = new StringBuilder(250_000 * 60)
                        .append(RollupRow.insertStatement(database))
                        .append('\n');
                for (int i = from; i < Math.min(series, from + 250_000); i++) {
                    new RollupRow(
                                    at,
                                    "session",
                                    Map.of(
                                            Dimension.MERCHANT,
                                            run + "-c" + i / 1000,
                                            Dimension.BROWSER,
                                            "b" + i % 1000),
                                    40 + i % 7,
                                    30 + i % 5)
                            .appendTabSeparated(tsv);
                }
                clickHouse(tsv.toString());
            }
        }
        if (!Instant.now().isBefore(minute.plus(1, ChronoUnit.MINUTES))) {
            throw new IllegalStateException("writing the rows took past the end of minute " + minute
                    + ": no cycle figure (try fewer --series)");
        }
        HttpResponse<String> created = post("/api/v1/monitors", """
                {"id": "%s", "name": "Benchmark cycle %s", "metric": "count", "operation": "session",
                 "dimensions": ["merchant", "browser"], "sensitivity": "medium"}""".formatted(monitor, run));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create the cycle monitor: " + created.body());
        }
        double full = evaluation(minute);
        double held = evaluation(minute.plus(1, ChronoUnit.MINUTES));
        post("/api/v1/monitors/" + monitor + "/pause", "");
        results.put("cycle_series", series);
        results.put("cycle_seconds_1m_series", round(held));
        results.put("cycle_seconds_1m_series_full_read", round(full));
        progress(
                "cycle: one evaluation over %,d series took %.2f s (the first, reading every minute: %.2f s)",
                series, held, full);
    }

    /** Waits for {@code minute}'s evaluation cycle and answers how long it took, in seconds. */
    private double evaluation(Instant minute) throws Exception {
        Instant end = minute.plus(1, ChronoUnit.MINUTES);
        while (Instant.now().isBefore(end)) {
            progress("cycle: waiting for minute %s to close", minute);
            Thread.sleep(Math.min(
                    5_000, Math.max(1, Duration.between(Instant.now(), end).toMillis())));
        }
        double before = cycleCount();
        double sumBefore = prometheus("vigil_monitor_cycle_seconds_sum");
        Instant deadline = end.plus(1, ChronoUnit.MINUTES).plusSeconds(30);
        while (cycleCount() <= before && Instant.now().isBefore(deadline)) {
            progress("cycle: waiting for minute %s to be evaluated", minute);
            Thread.sleep(1_000);
        }
        double after = cycleCount();
        if (after <= before) {
            throw new IllegalStateException("minute " + minute + " was not evaluated by " + deadline
                    + " (vigil_monitor_cycle_seconds_count did not grow): no cycle figure");
        }
        return (prometheus("vigil_monitor_cycle_seconds_sum") - sumBefore) / (after - before);
    }

    private double cycleCount() throws Exception {
        return prometheus("vigil_monitor_cycle_seconds_count");
    }

    private double prometheus(String metric) throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");
        if (metrics.statusCode() != 200) {
            throw new IllegalStateException("/actuator/prometheus answered " + metrics.statusCode());
        }
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith(metric + " ") || line.startsWith(metric + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    // ---- plumbing

    private HttpResponse<String> post(String path, String body) throws VigilUnavailableException, InterruptedException {
        return VigilClient.await(client.post(path, body));
    }

    private HttpResponse<String> get(String path) throws VigilUnavailableException, InterruptedException {
        return VigilClient.await(client.get(path));
    }

    private String clickHouse(String sql) throws IOException, InterruptedException {
        return ClickHouseHttp.post(CLICKHOUSE, clickHouse, sql, Duration.ofSeconds(120));
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double round(double value) {
        return BenchResults.round(value);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void progress(String format, Object... args) {
        results.progress(format, args);
    }

    /** An operational event as the API takes it; absent fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BenchEvent(
            String id,
            String timestamp,
            String merchantId,
            String operation,
            String outcome,
            String country,
            String paymentMethod,
            String channel,
            String browser,
            String deviceType) {

        static BenchEvent session(String id, Instant timestamp, String merchantId) {
            return new BenchEvent(
                    id, timestamp.toString(), merchantId, "session", "success", null, null, null, null, null);
        }
    }
}
