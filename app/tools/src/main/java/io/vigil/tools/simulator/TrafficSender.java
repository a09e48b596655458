package io.vigil.tools.simulator;

import io.vigil.tools.http.ApiKey;
import io.vigil.tools.http.RetryPolicy;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilRefusedException;
import io.vigil.tools.http.VigilUnavailableException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends a stream of simulated items to Vigil's public API: transactions one request each, many at once (a checkout
 * sends one, and Vigil must take many checkouts at a time); operational events in batches, as a gateway would
 * forward them; outcomes one by one, each after its transaction was answered.
 *
 * <p>In backfill mode items go out as fast as Vigil takes them. Live, each item waits until its event time has come,
 * counted from the start of the run (and sped up by {@code speed}). Either way at most {@code maxInFlight} requests
 * are open, and every request goes through the tools' {@link VigilClient}: a 429 or 503 is retried after the server's
 * {@code Retry-After} (load shedding is Vigil saying "later", not "no"), a lost connection or a 5xx with growing pauses.
 */
public final class TrafficSender {

    /** How the sender behaves; see {@code docs/simulator.md}. */
    public record Options(
            URI base,
            ApiKey apiKey,
            int maxInFlight,
            int batchSize,
            boolean backfill,
            double speed,
            boolean transactions,
            boolean events,
            Duration progressEvery) {

        /** The defaults for Vigil at {@code base}, called with {@code apiKey} ({@link ApiKey#NONE} for none). */
        public static Options defaults(URI base, ApiKey apiKey) {
            return new Options(base, apiKey, 64, 1000, false, 1.0, true, true, Duration.ofSeconds(2));
        }

        public Options withBackfill(boolean value) {
            return new Options(base, apiKey, maxInFlight, batchSize, value, speed, transactions, events, progressEvery);
        }

        public Options withSpeed(double value) {
            return new Options(
                    base, apiKey, maxInFlight, batchSize, backfill, value, transactions, events, progressEvery);
        }

        public Options withMaxInFlight(int value) {
            return new Options(base, apiKey, value, batchSize, backfill, speed, transactions, events, progressEvery);
        }

        public Options withBatchSize(int value) {
            return new Options(base, apiKey, maxInFlight, value, backfill, speed, transactions, events, progressEvery);
        }

        public Options withTransactions(boolean value) {
            return new Options(base, apiKey, maxInFlight, batchSize, backfill, speed, value, events, progressEvery);
        }

        public Options withEvents(boolean value) {
            return new Options(
                    base, apiKey, maxInFlight, batchSize, backfill, speed, transactions, value, progressEvery);
        }

        public Options withProgressEvery(Duration value) {
            return new Options(base, apiKey, maxInFlight, batchSize, backfill, speed, transactions, events, value);
        }
    }

    /**
     * What a run achieved. Requests are counted by their final status, after retries; {@code failed} are requests
     * that never got a 2xx (4xx, 5xx, or no answer). {@code refusal} is Vigil's refusal of the API key or its scope,
     * which stops the run at once, or null.
     */
    public record Report(
            long transactionsSent,
            long eventsSent,
            long outcomesSent,
            long requests,
            long ok,
            long clientErrors,
            long serverErrors,
            long noAnswer,
            long retries,
            boolean eventsUnsupported,
            Map<String, Long> decisions,
            Duration elapsed,
            VigilRefusedException refusal) {

        public long failed() {
            return clientErrors + serverErrors + noAnswer;
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Live mode sends buffered events at least this often, so they are not held back waiting for a full batch. */
    private static final long LIVE_EVENT_FLUSH_NANOS = 1_000_000_000L;

    private final Options options;
    private final PrintStream log;
    private final VigilClient vigil;
    private final ExecutorService httpThreads;
    private final ScheduledExecutorService timer;
    private final Semaphore inFlight;
    private final ConcurrentSkipListSet<Long> openTransactions = new ConcurrentSkipListSet<>();
    private final LongAdder transactionsSent = new LongAdder();
    private final LongAdder eventsSent = new LongAdder();
    private final LongAdder outcomesSent = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder noAnswer = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder itemsDone = new LongAdder();
    private final Map<String, Long> decisions = new TreeMap<>();
    private final AtomicBoolean eventsUnsupported = new AtomicBoolean();
    private final AtomicReference<VigilRefusedException> refusal = new AtomicReference<>();
    private final AtomicLong problemsShown = new AtomicLong();
    private final AtomicReference<Instant> reached = new AtomicReference<>();
    private long transactionOrder;

    public TrafficSender(Options options, PrintStream log) {
        if (options.maxInFlight() < 1 || options.batchSize() < 1 || !(options.speed() > 0)) {
            throw new IllegalArgumentException("in-flight, batch size and speed must be positive: " + options);
        }
        this.options = options;
        this.log = log;
        this.httpThreads = Executors.newFixedThreadPool(2, daemon("simulate-http"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("simulate-timer"));
        this.vigil = new VigilClient(
                options.base(),
                options.apiKey(),
                "vigil-simulate",
                RetryPolicy.DEFAULT,
                REQUEST_TIMEOUT,
                retries::increment,
                httpThreads);
        this.inFlight = new Semaphore(options.maxInFlight());
    }

    /**
     * Sends every item, then waits for the last answers. {@code from} is the event time the run starts at; live mode
     * paces items by their distance from it.
     */
    /**
     * The nano time the stream's {@code from} is played at. A live run at real speed that starts "now" plays each item
     * at its own time on the wall clock, so the time spent before the first item is sent (planning the run, which
     * takes a minute for a month of traffic) is caught up at once instead of delaying every item: otherwise a minute
     * is still being sent when monitors judge it, and looks like a drop. A run that starts more than 10 minutes ago, or
     * at another speed, plays from the moment it starts sending, as before.
     */
    static long paceFrom(long startNanos, Instant from, Instant now, double speed) {
        long behindMillis = now.toEpochMilli() - from.toEpochMilli();
        if (speed != 1 || behindMillis <= 0 || behindMillis > 10 * 60_000L) {
            return startNanos;
        }
        return startNanos - behindMillis * 1_000_000L;
    }

    public Report send(Iterator<SimulationItem> items, Instant from) throws InterruptedException {
        long startNanos = System.nanoTime();
        long paceFrom = paceFrom(startNanos, from, Instant.now(), options.speed());
        var progress = timer.scheduleAtFixedRate(
                new Runnable() {
                    private long lastItems;
                    private long lastNanos = startNanos;

                    @Override
                    public void run() {
                        long now = System.nanoTime();
                        long done = itemsDone.sum();
                        double rate = (done - lastItems) / ((now - lastNanos) / 1e9);
                        lastItems = done;
                        lastNanos = now;
                        log.println(progressLine(rate));
                    }
                },
                options.progressEvery().toMillis(),
                options.progressEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        List<String> batch = new ArrayList<>(options.batchSize());
        long batchStartedNanos = 0;
        try {
            while (items.hasNext() && refusal.get() == null) {
                SimulationItem item = items.next();
                if (!options.backfill()) {
                    long due = paceFrom
                            + (long) ((item.timestamp().toEpochMilli() - from.toEpochMilli()) * 1e6 / options.speed());
                    long wait = due - System.nanoTime();
                    if (wait > 200_000_000L && !batch.isEmpty()) {
                        sendBatch(batch);
                        batch = new ArrayList<>(options.batchSize());
                    }
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                if (item instanceof TransactionItem t) {
                    if (options.transactions()) {
                        sendTransaction(t);
                    }
                } else if (item instanceof EventItem e) {
                    if (options.events() && !eventsUnsupported.get()) {
                        if (batch.isEmpty()) {
                            batchStartedNanos = System.nanoTime();
                        }
                        batch.add(e.toJson());
                        if (batch.size() >= options.batchSize()
                                || (!options.backfill()
                                        && System.nanoTime() - batchStartedNanos > LIVE_EVENT_FLUSH_NANOS)) {
                            sendBatch(batch);
                            batch = new ArrayList<>(options.batchSize());
                        }
                    }
                } else if (item instanceof OutcomeItem o) {
                    if (options.transactions()) {
                        sendOutcome(o);
                    }
                }
                reached.set(item.timestamp());
            }
            if (!batch.isEmpty()) {
                sendBatch(batch);
            }
            inFlight.acquire(options.maxInFlight()); // every answer is in
            inFlight.release(options.maxInFlight());
        } finally {
            progress.cancel(false);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Map<String, Long> decisionCounts;
        synchronized (decisions) {
            decisionCounts = new TreeMap<>(decisions);
        }
        return new Report(
                transactionsSent.sum(),
                eventsSent.sum(),
                outcomesSent.sum(),
                requests.sum(),
                ok.sum(),
                clientErrors.sum(),
                serverErrors.sum(),
                noAnswer.sum(),
                retries.sum(),
                eventsUnsupported.get(),
                decisionCounts,
                elapsed,
                refusal.get());
    }

    /** Stops the sender's threads. */
    public void close() {
        timer.shutdownNow();
        httpThreads.shutdownNow();
    }

    private void sendTransaction(TransactionItem t) throws InterruptedException {
        if (!slot()) {
            return;
        }
        long order = ++transactionOrder;
        openTransactions.add(order);
        post("/api/v1/transactions", t.toJson()).whenComplete((response, failure) -> {
            openTransactions.remove(order);
            transactionsSent.increment();
            itemsDone.increment();
            if (response != null && response.statusCode() == 200) {
                String decision = decisionOf(response.body());
                synchronized (decisions) {
                    decisions.merge(decision, 1L, Long::sum);
                }
            }
            count(response, failure, "transaction " + t.id());
            inFlight.release();
        });
    }

    /** Waits until every transaction sent so far is answered, so the outcome never precedes its transaction. */
    private void sendOutcome(OutcomeItem o) throws InterruptedException {
        long barrier = transactionOrder;
        while (!openTransactions.isEmpty() && openTransactions.first() <= barrier) {
            Thread.sleep(2);
        }
        if (!slot()) {
            return;
        }
        post(o.path(), o.toJson()).whenComplete((response, failure) -> {
            outcomesSent.increment();
            itemsDone.increment();
            count(response, failure, "outcome of " + o.transactionId());
            inFlight.release();
        });
    }

    private void sendBatch(List<String> events) throws InterruptedException {
        if (eventsUnsupported.get()) {
            return;
        }
        if (!slot()) {
            return;
        }
        int size = events.size();
        post("/api/v1/events/batch", ItemJson.batch(events)).whenComplete((response, failure) -> {
            if (response != null && response.statusCode() == 404) {
                if (!eventsUnsupported.getAndSet(true)) {
                    log.println("simulate: this Vigil has no /api/v1/events/batch (404); operational events are not"
                            + " sent from here on");
                }
            } else {
                eventsSent.add(size);
                itemsDone.add(size);
                count(response, failure, "batch of " + size + " events");
            }
            inFlight.release();
        });
    }

    /**
     * Waits until fewer than {@code maxInFlight} requests are open and takes the free place; false, leaving it free,
     * once Vigil has refused the key, so that nothing more is sent.
     */
    private boolean slot() throws InterruptedException {
        inFlight.acquire();
        if (refusal.get() != null) {
            inFlight.release();
            return false;
        }
        return true;
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String body) {
        return vigil.post(path, body.getBytes(StandardCharsets.UTF_8), () -> false);
    }

    private void count(HttpResponse<String> response, Throwable failure, String what) {
        requests.increment();
        if (response == null) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof VigilRefusedException refused) {
                clientErrors.increment(); // the run stops: the report carries the refusal, no need to show it here
                refusal.compareAndSet(null, refused);
            } else if (cause instanceof VigilUnavailableException unavailable && unavailable.lastStatus() >= 500) {
                serverErrors.increment();
                showProblem(what + ": " + unavailable.getMessage());
            } else {
                noAnswer.increment();
                showProblem(what + ": no answer (" + rootCause(failure) + ")");
            }
            return;
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            ok.increment();
            return;
        }
        (status / 100 == 4 ? clientErrors : serverErrors).increment();
        showProblem(what + ": " + status + " " + abbreviate(response.body()));
    }

    /** The first few problems are printed whole: they usually all have the same cause. */
    private void showProblem(String text) {
        if (problemsShown.incrementAndGet() <= 5) {
            log.println("simulate: " + text);
        }
    }

    private String progressLine(double rate) {
        Instant at = reached.get();
        return String.format(
                Locale.ROOT,
                "simulate: %,d items (tx %,d, events %,d, outcomes %,d)  %,.0f/s  simulated time %s  "
                        + "2xx %,d  4xx %,d  5xx %,d  no answer %,d  retries %,d  in flight %d",
                itemsDone.sum(),
                transactionsSent.sum(),
                eventsSent.sum(),
                outcomesSent.sum(),
                rate,
                at == null ? "-" : at.toString(),
                ok.sum(),
                clientErrors.sum(),
                serverErrors.sum(),
                noAnswer.sum(),
                retries.sum(),
                options.maxInFlight() - inFlight.availablePermits());
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    static String decisionOf(String body) {
        int i = body.indexOf("\"decision\"");
        if (i < 0) {
            return "unknown";
        }
        int start = body.indexOf('"', body.indexOf(':', i) + 1);
        int end = start < 0 ? -1 : body.indexOf('"', start + 1);
        return start < 0 || end < 0 ? "unknown" : body.substring(start + 1, end);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
