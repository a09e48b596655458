package io.vigil.tools.bench;

import io.vigil.scoring.api.FeatureStoreFootprint;
import io.vigil.tools.Terminal;
import io.vigil.tools.VigilAddress;
import io.vigil.tools.http.ApiKey;
import io.vigil.tools.http.VigilRefusedException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./vigil bench scoring}: drives a running Vigil over HTTP from its own process with generated traffic and
 * prints, beside baselines measured in the same run on the same machine, the decision latency at a fixed rate, the
 * highest rate sustained without errors and the feature store's bytes per entity. Latency is measured from the
 * moment a request was due (open loop), so a stalled server cannot hide its queueing. The load goes over kept-alive
 * HTTP/1.1 connections, one thread each, so the generator costs little of the machine it shares.
 */
@Command(
        name = "scoring",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = "Scoring benchmark: decision latency at a fixed rate, the highest rate sustained without errors,"
                + " and the feature store's bytes per entity, beside baselines measured in the same run.")
final class ScoringBench implements Callable<Integer> {

    private static final String DEFAULT_STEPS = "1500,2000,2500,3000,3500,4000,5000";

    @Mixin
    private VigilAddress vigil;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the generated traffic")
    private int seed;

    @Option(names = "--customers", defaultValue = "200000", description = "customers the traffic draws from")
    private int customers;

    @Option(names = "--rate", defaultValue = "1000", description = "decisions per second of the fixed-rate phase")
    private int rate;

    @Option(names = "--duration", defaultValue = "60", description = "seconds of the fixed-rate phase")
    private int duration;

    @Option(names = "--concurrency", defaultValue = "32", description = "clients of the baseline phases")
    private int concurrency;

    @Option(names = "--connections", defaultValue = "16", description = "kept-alive connections of the load")
    private int connections;

    @Option(
            names = "--steps",
            split = ",",
            defaultValue = DEFAULT_STEPS,
            description = "rates of the steps that look for the highest sustained rate")
    private List<Integer> stepRates;

    @Option(names = "--step-duration", defaultValue = "15", description = "seconds per step")
    private int stepDuration;

    @Option(names = "--entities", defaultValue = "1000000", description = "entities of the footprint measurement")
    private int entities;

    @Option(
            names = "--custom-features",
            defaultValue = "0",
            description = "analyst-defined features to define (bench_0 …) and read in the generated patterns")
    private int customFeatures;

    @Option(
            names = "--patterns",
            defaultValue = "4",
            description = "active patterns: the 4 feature-reading ones, then generated ones up to this number")
    private int patternCount;

    @Option(
            names = "--model-trees",
            defaultValue = "0",
            description = "put a risk model of this many trees (depth 6, over every model feature) live before the"
                    + " warm-up: imported, approved with a second key and promoted; 0: leave the models as they are")
    private int modelTrees;

    @Option(
            names = "--couch-url",
            defaultValue = "",
            description = "the pattern store's CouchDB API, to publish feature-reading patterns (none: no patterns)")
    private String couchUrl;

    @Option(names = "--couch-db", defaultValue = "vigil-patterns", description = "the pattern store's database")
    private String couchDb;

    @Option(
            names = "--db-url",
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/vigil",
            description = "PostgreSQL, for the insert-and-commit baseline")
    private String dbUrl;

    @Option(names = "--db-user", defaultValue = "vigil")
    private String dbUser;

    @Option(
            names = "--db-password",
            defaultValue = "${env:VIGIL_DB_PASSWORD:-vigil}",
            description = "by default VIGIL_DB_PASSWORD, which ./vigil sets: a password on a command line is visible to"
                    + " every local user")
    private String dbPassword;

    @Option(names = "--app-pid", defaultValue = "", description = "Vigil's process id, to weigh its CPU per decision")
    private String appPid;

    @Option(names = "--out", defaultValue = "target/bench/scoring.json", description = "where the figures go")
    private Path out;

    private final BenchResults results;
    private URI base;
    private ApiKey key;
    private TrafficModel traffic;

    ScoringBench(Terminal terminal) {
        this.results = new BenchResults(terminal.out());
    }

    @Override
    public Integer call() throws Exception {
        base = vigil.url();
        key = vigil.apiKey();
        traffic = new TrafficModel(seed, customers, UUID.randomUUID().toString().substring(0, 8));
        checkAccess();
        run();
        return 0;
    }

    /** One decision first, so that a key Vigil refuses stops the benchmark at once, not after minutes of errors. */
    private void checkAccess() throws IOException, VigilRefusedException {
        try (KeepAliveHttp probe = new KeepAliveHttp(base, key)) {
            KeepAliveHttp.Response answer = probe.post("/api/v1/transactions", traffic.next(Instant.now()));
            if (VigilRefusedException.refuses(answer.status())) {
                throw VigilRefusedException.of(answer.status(), "POST /api/v1/transactions", answer.body(), key);
            }
        }
    }

    private void run() throws Exception {
        int seconds = duration;

        progress("baseline: PostgreSQL insert + commit of two event-sized rows, %d clients, 10 s", concurrency);
        results.put("baseline_pg_commit_tps", round(pgCommitRate(concurrency, 10)));
        progress("baseline: no-op HTTP endpoint of the app (liveness), %d clients, 10 s", concurrency);
        results.put("baseline_noop_http_rps", round(noopHttpRate(concurrency, 10)));

        if (!couchUrl.isEmpty()) {
            publishPatterns();
        }
        if (modelTrees > 0) {
            progress("risk model: training %d trees on made-up rows, then import, approve and promote", modelTrees);
            try (KeepAliveHttp api = new KeepAliveHttp(base, key)) {
                int version = BenchModel.makeLive(api, base, key, modelTrees, seed, () -> traffic.next(Instant.now()));
                progress("  model version %d is live", version);
            }
        }
        try (KeepAliveHttp api = new KeepAliveHttp(base, key)) {
            var live = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(api.get("/api/v1/models").body())
                    .path("live");
            results.put("model_live_version", live.isNumber() ? live.asInt() : null);
            results.put("model_trees", modelTrees > 0 ? modelTrees : null);
        }
        progress("warm-up: 600/s for 45 s (lets the JIT compile the decision path)");
        runAtRate(600, 45);

        long appCpuStart = appCpuNanos();
        long generatorCpuStart = generatorCpuNanos();
        long fixedStart = System.nanoTime();
        progress("fixed rate: %d/s for %d s", rate, seconds);
        Phase fixed = runAtRate(rate, seconds);
        double appCpu = (appCpuNanos() - appCpuStart) / 1e9;
        results.put(
                "generator_cpu_percent_of_one_core",
                round(100 * (generatorCpuNanos() - generatorCpuStart) / (double) (System.nanoTime() - fixedStart)));
        results.put("rate_tps", round(fixed.achieved()));
        results.put("p50_ms", round(fixed.latencies.percentileMillis(50)));
        results.put("p95_ms", round(fixed.latencies.percentileMillis(95)));
        results.put("p99_ms", round(fixed.latencies.percentileMillis(99)));
        results.put("max_ms", round(fixed.latencies.percentileMillis(100)));
        results.put("max_ms_by_second", fixed.latencies.worstMillisBySecond());
        results.put("errors", fixed.latencies.errors());
        results.put("errors_by_cause", fixed.latencies.errorsByCause());
        results.put("fallback_decisions", fixed.latencies.fallbacks());
        if (appCpu > 0) {
            results.put("app_cpu_ms_per_tx", round(appCpu * 1000 / Math.max(1, fixed.latencies.count())));
        }

        // the fixed rate counts as sustained too when it held
        int sustained = fixed.latencies.errors() == 0 && fixed.achieved() >= 0.97 * rate ? rate : 0;
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int target : stepRates) {
            int stepSeconds = stepDuration;
            progress("max sustained: %d/s for %d s", target, stepSeconds);
            Phase phase = runAtRate(target, stepSeconds);
            boolean held = phase.latencies.errors() == 0 && phase.achieved() >= 0.97 * target;
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("offered_tps", target);
            s.put("achieved_tps", round(phase.achieved()));
            s.put("p99_ms", round(phase.latencies.percentileMillis(99)));
            s.put("errors", phase.latencies.errors());
            s.put("errors_by_cause", phase.latencies.errorsByCause());
            s.put("sustained", held);
            steps.add(s);
            progress(
                    "  achieved %.0f/s, p99 %.1f ms, %d errors%s",
                    phase.achieved(),
                    phase.latencies.percentileMillis(99),
                    phase.latencies.errors(),
                    held ? "" : ": not sustained");
            if (!held) {
                break;
            }
            sustained = target;
        }
        results.put("max_sustained_tps", sustained);
        results.put("steps", steps);

        progress("feature store footprint with %,d entities", entities);
        results.put("bytes_per_entity", round(FeatureStoreFootprint.bytesPerEntity(entities)));

        results.put("cores", Runtime.getRuntime().availableProcessors());
        report();
    }

    private record Phase(LatencyRecorder latencies, double seconds) {
        double achieved() {
            return latencies.count() / seconds;
        }
    }

    /**
     * Sends at a fixed rate for the duration over {@code --connections} kept-alive connections (16), one thread each,
     * like wrk2: request i is due at start + i / rate, and its latency counts from that moment, so a server that
     * falls behind shows its queueing instead of slowing the generator down.
     */
    private Phase runAtRate(int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        LatencyRecorder latencies = new LatencyRecorder(total, seconds);
        AtomicInteger next = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        Instant eventTime = Instant.now();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(() -> {
                try (KeepAliveHttp connection = new KeepAliveHttp(base, key)) {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = start + i * interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        String body = traffic.next(eventTime.plusNanos(i * interval));
                        try {
                            KeepAliveHttp.Response response = connection.post("/api/v1/transactions", body);
                            if (response.status() == 200) {
                                latencies.ok(System.nanoTime() - due, (int) ((long) i * interval / 1_000_000_000L));
                                if (response.body().contains("\"fallback\":true")) {
                                    latencies.fallback();
                                }
                            } else {
                                latencies.error(Integer.toString(response.status()));
                            }
                        } catch (IOException e) {
                            latencies.error(e.getClass().getSimpleName());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(seconds + 120));
        }
        double elapsed = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        return new Phase(latencies, elapsed);
    }

    /**
     * Publishes patterns that read features, so that the run measures scoring as analysts use it: velocity per
     * card, a device shared by many cards, a new device in a new country, and an amount far above the customer's
     * habit. They are written to the pattern store over the CouchDB API and the run waits until Vigil decides with
     * them.
     */
    private void publishPatterns() throws Exception {
        String database = couchUrl + "/" + couchDb;
        if (customFeatures > 0) {
            defineCustomFeatures();
        }
        List<BenchWorkload.Pattern> patterns = BenchWorkload.patterns(patternCount, customFeatures);
        java.net.http.HttpClient couch = java.net.http.HttpClient.newHttpClient();
        for (BenchWorkload.Pattern p : patterns) {
            putDocument(couch, database + "/" + p.id(), p.json());
        }
        int switchedOff = switchOffStaleGenerated(couch, database, patterns.size());
        long version = System.currentTimeMillis();
        putDocument(couch, database + "/vigil-pattern-set", "{\"type\":\"pattern-set\",\"version\":" + version + "}");
        results.put("active_patterns", patterns.size());
        results.put("custom_features", customFeatures);
        progress(
                "published %d active patterns (%d reading custom features%s) as pattern set %d, waiting for Vigil to"
                        + " use them",
                patterns.size(),
                customFeatures > 0 ? Math.max(0, patterns.size() - BenchWorkload.BASE_PATTERNS.size()) : 0,
                switchedOff > 0 ? ", " + switchedOff + " of an earlier run switched off" : "",
                version);
        try (KeepAliveHttp probe = new KeepAliveHttp(base, key)) {
            for (int i = 0; i < 300; i++) {
                String body = probe.post("/api/v1/transactions", traffic.next(Instant.now()))
                        .body();
                if (body.contains("\"patternSetVersion\":" + version)) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Vigil did not pick up pattern set " + version + " within 30 s");
    }

    /**
     * Defines {@code bench_0 … bench_<n-1>} through the API (kept when an earlier run defined them: a definition
     * never changes) and waits until every one is ready on the node the benchmark talks to, backfilled from the
     * event store.
     */
    private void defineCustomFeatures() throws Exception {
        try (KeepAliveHttp api = new KeepAliveHttp(base, key)) {
            for (int i = 0; i < customFeatures; i++) {
                String name = BenchWorkload.featureName(i);
                if (api.get("/api/v1/features/" + name).status() == 404) {
                    KeepAliveHttp.Response created = api.post(
                            "/api/v1/features", BenchWorkload.feature(i).json(name));
                    if (created.status() != 201) {
                        throw new IllegalStateException(
                                "Vigil refused feature " + name + " (" + created.status() + "): " + created.body());
                    }
                }
            }
            progress("defined %d custom features, waiting until they are backfilled", customFeatures);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            for (int i = 0; i < customFeatures; i++) {
                String name = BenchWorkload.featureName(i);
                while (!api.get("/api/v1/features/" + name).body().contains("\"status\":\"ready\"")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("feature " + name + " was not ready within 10 minutes");
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    /** Generated patterns of an earlier run with more of them go off, so the run evaluates what it says. */
    private static int switchOffStaleGenerated(java.net.http.HttpClient couch, String database, int count)
            throws Exception {
        String range = "startkey=%22bench-gen-%22&endkey=%22bench-gen-%EF%BF%B0%22";
        var all = couch.send(
                asVigil(java.net.http.HttpRequest.newBuilder(URI.create(database + "/_all_docs?" + range)))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher ids =
                java.util.regex.Pattern.compile("\"id\":\"bench-gen-(\\d+)\"").matcher(all.body());
        int off = 0;
        while (ids.find()) {
            int j = Integer.parseInt(ids.group(1));
            if (j >= count) {
                putDocument(
                        couch,
                        database + "/" + BenchWorkload.generatedId(j),
                        "{\"type\":\"pattern\",\"name\":\"Generated pattern " + j
                                + "\",\"expression\":\"false\",\"effect\":\"score+1\",\"mode\":\"off\","
                                + "\"version\":1}");
                off++;
            }
        }
        return off;
    }

    private static void putDocument(java.net.http.HttpClient couch, String url, String json) throws Exception {
        URI uri = URI.create(url);
        var current = couch.send(
                asVigil(java.net.http.HttpRequest.newBuilder(uri)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String body = json;
        if (current.statusCode() == 200) {
            String rev = current.body().replaceFirst("(?s).*\"_rev\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            body = "{\"_rev\":\"" + rev + "\"," + json.substring(1);
        }
        var put = couch.send(
                asVigil(java.net.http.HttpRequest.newBuilder(uri))
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() / 100 != 2) {
            throw new IllegalStateException("CouchDB answered " + put.statusCode() + " for " + url + ": " + put.body());
        }
    }

    /**
     * As Vigil's CouchDB user when the environment names one ({@code ./vigil} passes the credentials of the
     * pouchdb-server it started as VIGIL_COUCHDB_USER and VIGIL_COUCHDB_PASSWORD).
     */
    private static java.net.http.HttpRequest.Builder asVigil(java.net.http.HttpRequest.Builder request) {
        String user = System.getenv("VIGIL_COUCHDB_USER");
        if (user == null || user.isEmpty()) {
            return request;
        }
        String password = java.util.Objects.requireNonNullElse(System.getenv("VIGIL_COUCHDB_PASSWORD"), "");
        return request.header(
                "Authorization",
                "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString(
                                        (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private double pgCommitRate(int clients, int seconds) throws Exception {
        String url = dbUrl;
        String user = dbUser;
        String password = dbPassword;
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_baseline (id bigserial primary key, aggregate varchar(255),"
                    + " seq bigint, payload bytea, time_stamp varchar(255))");
            s.execute("truncate bench_baseline");
        }
        byte[] payload = traffic.next(Instant.now()).getBytes(); // about the size of a stored event
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                        PreparedStatement ps = c.prepareStatement(
                                "insert into bench_baseline (aggregate, seq, payload, time_stamp) values (?, ?, ?, ?)")) {
                    c.setAutoCommit(false);
                    while (System.nanoTime() < end) {
                        String id = UUID.randomUUID().toString();
                        for (int seq = 0; seq < 2; seq++) {
                            ps.setString(1, id);
                            ps.setLong(2, seq);
                            ps.setBytes(3, payload);
                            ps.setString(4, Instant.now().toString());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                        commits.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("drop table bench_baseline");
        }
        return commits.get() / (double) seconds;
    }

    private double noopHttpRate(int clients, int seconds) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                try (KeepAliveHttp connection = new KeepAliveHttp(base, key)) {
                    while (System.nanoTime() < end) {
                        if (connection.get("/actuator/health/liveness").status() == 200) {
                            ok.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    // counted as not answered
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return ok.get() / (double) seconds;
    }

    private long appCpuNanos() {
        String pid = appPid;
        if (pid.isEmpty()) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long generatorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void report() throws IOException {
        results.write("Vigil scoring benchmark", out);
    }

    private static double round(double value) {
        return BenchResults.round(value);
    }

    private void progress(String format, Object... args) {
        results.progress(format, args);
    }
}
